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
import { api, queryString } from '../../lib/api';
import { socketRequest } from '../../lib/socket';
import { socketOrRest } from '../../lib/socketOrRest';

/** The REST and socket calls of conversations and messages, one function per request. */

export const CONVERSATION_PAGE_SIZE = 30;

const conversationPath = (conversationId: string) => `/api/conversations/${conversationId}`;
const messagePath = (conversationId: string, messageId: string) =>
  `${conversationPath(conversationId)}/messages/${messageId}`;

const MEMBER_PAGE_SIZE = 100;

export const conversationsApi = {
  members: (conversationId: string, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<MemberView>>(
      `${conversationPath(conversationId)}/members${queryString({ limit: MEMBER_PAGE_SIZE, cursor })}`,
      { signal },
    ),
  list: (q: string, cursor: string | undefined, signal?: AbortSignal, archived = false) =>
    api.get<Page<ConversationView>>(
      `/api/conversations${queryString({ q, limit: CONVERSATION_PAGE_SIZE, cursor, archived: archived ? 'true' : undefined })}`,
      { signal },
    ),
  /** My own state of a conversation: muted, archived. */
  updateMembership: (conversationId: string, state: MembershipUpdateRequest) =>
    api.put<ConversationView>(`${conversationPath(conversationId)}/membership`, state),
  get: (conversationId: string, signal?: AbortSignal) =>
    api.get<ConversationView>(conversationPath(conversationId), { signal }),
  create: (input: CreateConversationRequest) =>
    api.post<ConversationView>('/api/conversations', input),
  rename: (conversationId: string, title: string) =>
    api.patch<ConversationView>(conversationPath(conversationId), { title }),
  addMembers: (conversationId: string, userIds: string[]) =>
    api.post<ConversationView>(`${conversationPath(conversationId)}/members`, { userIds }),
  removeMember: (conversationId: string, userId: string) =>
    api.delete<void>(`${conversationPath(conversationId)}/members/${userId}`),
  markRead: (conversationId: string, seq: number) =>
    socketOrRest(
      () => socketRequest('conversation:read', { conversationId, seq }),
      () => api.post<ReadUpdate>(`${conversationPath(conversationId)}/read`, { seq }),
    ),
};

export const messagesApi = {
  /** No `before`: the latest page; older pages come with `before` = the oldest seq held. */
  page: (conversationId: string, before: number | undefined, signal?: AbortSignal) =>
    api.get<MessagePage>(`${conversationPath(conversationId)}/messages${queryString({ before })}`, {
      signal,
    }),
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
      () =>
        api.post<MessageView>(`${conversationPath(conversationId)}/messages`, {
          body,
          clientMessageId,
          ...extras,
        }),
    );
  },
  edit: (conversationId: string, messageId: string, body: string) =>
    socketOrRest(
      () => socketRequest('message:edit', { conversationId, messageId, body }),
      () => api.patch<MessageView>(messagePath(conversationId, messageId), { body }),
    ),
  delete: (conversationId: string, messageId: string) =>
    socketOrRest(
      () => socketRequest('message:delete', { conversationId, messageId }),
      () => api.delete<MessageView>(messagePath(conversationId, messageId)),
    ),
  /** Adds (`reacted`) or takes back my reaction; the answer is the message with its reactions. */
  react: (conversationId: string, messageId: string, emoji: string, reacted: boolean) =>
    socketOrRest(
      () => socketRequest('message:react', { conversationId, messageId, emoji, reacted }),
      () =>
        reacted
          ? api.post<MessageView>(`${messagePath(conversationId, messageId)}/reactions`, { emoji })
          : api.delete<MessageView>(
              `${messagePath(conversationId, messageId)}/reactions/${encodeURIComponent(emoji)}`,
            ),
    ),
  pin: (conversationId: string, messageId: string, pinned: boolean) =>
    socketOrRest(
      () => socketRequest('message:pin', { conversationId, messageId, pinned }),
      () =>
        pinned
          ? api.put<MessageView>(`${messagePath(conversationId, messageId)}/pin`)
          : api.delete<MessageView>(`${messagePath(conversationId, messageId)}/pin`),
    ),
  pins: (conversationId: string, signal?: AbortSignal) =>
    api.get<MessageView[]>(`${conversationPath(conversationId)}/pins`, { signal }),
  /** What came after each cursor (socket only: it answers for a reconnection). */
  sync: (cursors: Record<string, number>, changes: Record<string, number>): Promise<SyncResult> =>
    socketRequest('sync', { cursors, changes }),
};
