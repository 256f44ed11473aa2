import type {
  ConversationView,
  CreateConversationRequest,
  MemberView,
  MembershipUpdateRequest,
  MessagePage,
  MessageView,
  Page,
  ReadUpdate,
  SyncResult,
} from '@mindsp/contracts';
import { client, dataOf } from '../../lib/api';
import { socketRequest } from '../../lib/socket';
import { socketOrRest } from '../../lib/socketOrRest';

/** The REST and socket calls of conversations and messages, one function per request. */

export const CONVERSATION_PAGE_SIZE = 30;

const ofConversation = (id: string) => ({ params: { path: { id } } });
const ofMessage = (id: string, messageId: string) => ({ params: { path: { id, messageId } } });

const MEMBER_PAGE_SIZE = 100;

export const conversationsApi = {
  members: (
    conversationId: string,
    cursor: string | undefined,
    signal?: AbortSignal,
  ): Promise<Page<MemberView>> =>
    dataOf(
      client.GET('/api/conversations/{id}/members', {
        params: { path: { id: conversationId }, query: { limit: MEMBER_PAGE_SIZE, cursor } },
        signal,
      }),
    ),
  list: (
    q: string,
    cursor: string | undefined,
    signal?: AbortSignal,
    archived = false,
  ): Promise<Page<ConversationView>> =>
    dataOf(
      client.GET('/api/conversations', {
        params: {
          query: {
            q: q || undefined,
            limit: CONVERSATION_PAGE_SIZE,
            cursor,
            archived: archived || undefined,
          },
        },
        signal,
      }),
    ),
  /** My own state of a conversation: muted, archived. */
  updateMembership: (
    conversationId: string,
    state: MembershipUpdateRequest,
  ): Promise<ConversationView> =>
    dataOf(
      client.PUT('/api/conversations/{id}/membership', {
        ...ofConversation(conversationId),
        body: state,
      }),
    ),
  get: (conversationId: string, signal?: AbortSignal): Promise<ConversationView> =>
    dataOf(client.GET('/api/conversations/{id}', { ...ofConversation(conversationId), signal })),
  create: (input: CreateConversationRequest): Promise<ConversationView> =>
    dataOf(client.POST('/api/conversations', { body: input })),
  rename: (conversationId: string, title: string): Promise<ConversationView> =>
    dataOf(
      client.PATCH('/api/conversations/{id}', {
        ...ofConversation(conversationId),
        body: { title },
      }),
    ),
  addMembers: (conversationId: string, userIds: string[]): Promise<ConversationView> =>
    dataOf(
      client.POST('/api/conversations/{id}/members', {
        ...ofConversation(conversationId),
        body: { userIds },
      }),
    ),
  removeMember: (conversationId: string, userId: string): Promise<void> =>
    dataOf(
      client.DELETE('/api/conversations/{id}/members/{userId}', {
        params: { path: { id: conversationId, userId } },
      }),
    ),
  markRead: (conversationId: string, seq: number) =>
    socketOrRest(
      () => socketRequest('conversation:read', { conversationId, seq }),
      (): Promise<ReadUpdate> =>
        dataOf(
          client.POST('/api/conversations/{id}/read', {
            ...ofConversation(conversationId),
            body: { seq },
          }),
        ),
    ),
};

export const messagesApi = {
  /** No `before`: the latest page; older pages come with `before` = the oldest seq held. */
  page: (
    conversationId: string,
    before: number | undefined,
    signal?: AbortSignal,
  ): Promise<MessagePage> =>
    dataOf(
      client.GET('/api/conversations/{id}/messages', {
        params: { path: { id: conversationId }, query: { before } },
        signal,
      }),
    ),
  /** Every attempt carries the same clientMessageId: however many reach the server, it stores one. */
  send: (
    conversationId: string,
    clientMessageId: string,
    body: string,
    { replyToId, attachmentIds }: { replyToId?: string; attachmentIds?: string[] } = {},
  ) => {
    // Named only when there are some: a plain message is sent as it always was.
    const extras = {
      ...(replyToId && { replyToId }),
      ...(attachmentIds?.length && { attachmentIds }),
    };
    return socketOrRest(
      () => socketRequest('message:send', { conversationId, clientMessageId, body, ...extras }),
      (): Promise<MessageView> =>
        dataOf(
          client.POST('/api/conversations/{id}/messages', {
            ...ofConversation(conversationId),
            body: { body, clientMessageId, ...extras },
          }),
        ),
    );
  },
  edit: (conversationId: string, messageId: string, body: string) =>
    socketOrRest(
      () => socketRequest('message:edit', { conversationId, messageId, body }),
      (): Promise<MessageView> =>
        dataOf(
          client.PATCH('/api/conversations/{id}/messages/{messageId}', {
            ...ofMessage(conversationId, messageId),
            body: { body },
          }),
        ),
    ),
  delete: (conversationId: string, messageId: string) =>
    socketOrRest(
      () => socketRequest('message:delete', { conversationId, messageId }),
      (): Promise<MessageView> =>
        dataOf(
          client.DELETE(
            '/api/conversations/{id}/messages/{messageId}',
            ofMessage(conversationId, messageId),
          ),
        ),
    ),
  /** Adds (`reacted`) or takes back my reaction; the answer is the message with its reactions. */
  react: (conversationId: string, messageId: string, emoji: string, reacted: boolean) =>
    socketOrRest(
      () => socketRequest('message:react', { conversationId, messageId, emoji, reacted }),
      (): Promise<MessageView> =>
        dataOf(
          reacted
            ? client.POST('/api/conversations/{id}/messages/{messageId}/reactions', {
                ...ofMessage(conversationId, messageId),
                body: { emoji },
              })
            : client.DELETE('/api/conversations/{id}/messages/{messageId}/reactions/{emoji}', {
                params: { path: { id: conversationId, messageId, emoji } },
              }),
        ),
    ),
  pin: (conversationId: string, messageId: string, pinned: boolean) =>
    socketOrRest(
      () => socketRequest('message:pin', { conversationId, messageId, pinned }),
      (): Promise<MessageView> =>
        dataOf(
          pinned
            ? client.PUT(
                '/api/conversations/{id}/messages/{messageId}/pin',
                ofMessage(conversationId, messageId),
              )
            : client.DELETE(
                '/api/conversations/{id}/messages/{messageId}/pin',
                ofMessage(conversationId, messageId),
              ),
        ),
    ),
  pins: (conversationId: string, signal?: AbortSignal): Promise<MessageView[]> =>
    dataOf(
      client.GET('/api/conversations/{id}/pins', { ...ofConversation(conversationId), signal }),
    ),
  /** What came after each cursor (socket only: it answers for a reconnection). */
  sync: (cursors: Record<string, number>, changes: Record<string, number>): Promise<SyncResult> =>
    socketRequest('sync', { cursors, changes }),
};
