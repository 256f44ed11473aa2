import type {
  ConversationView,
  CreateConversationRequest,
  MessagePage,
  MessageView,
  Page,
  ReadUpdate,
  SearchPage,
  UserSummary,
} from '@mindsp/contracts';
import {
  type QueryClient,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ApiRequestError, NetworkError, api } from '../../lib/api';
import { SocketUnavailableError, socketRequest, useSocketEvent } from '../../lib/socket';
import { useCurrentUser } from '../auth/queries';
import {
  type ConversationPages,
  type MessagePages,
  appendOnce,
  applyMessageChange,
  applyNewMessage,
  applyPresence,
  applyReadUpdate,
  findInList,
  lastHeldSeq,
  markReadLocally,
  mergeSync,
  removeFromList,
  replaceMessage,
  updateInList,
  upsertInList,
} from './cache';
import { setTyping } from './typing';

// --- Query keys --------------------------------------------------------------------------

export const conversationKeys = {
  all: ['conversations'] as const,
  lists: () => [...conversationKeys.all, 'list'] as const,
  list: (q: string) => [...conversationKeys.lists(), q] as const,
  detail: (id: string) => [...conversationKeys.all, 'detail', id] as const,
};

export const messageKeys = {
  all: ['messages'] as const,
  /** The conversation's history (an infinite query paging back with `before`). */
  list: (conversationId: string) => [...messageKeys.all, conversationId] as const,
};

/** Messages typed here and not yet stored; a root of their own so no `messages` filter touches them. */
export const pendingKeys = {
  list: (conversationId: string) => ['pending-messages', conversationId] as const,
};

export const searchKeys = {
  messages: (conversationId: string, q: string) =>
    ['search', 'messages', conversationId, q] as const,
};

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => [...userKeys.all, 'list', q] as const,
};

const CONVERSATION_PAGE_SIZE = 30;
const USER_PAGE_SIZE = 100;

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

// --- Conversations -----------------------------------------------------------------------

export function useConversations(q: string) {
  const term = q.trim();
  return useInfiniteQuery<
    Page<ConversationView>,
    Error,
    ConversationPages,
    ReturnType<typeof conversationKeys.list>,
    string | undefined
  >({
    queryKey: conversationKeys.list(term),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ConversationView>>(
        `/api/conversations${query({ q: term, limit: CONVERSATION_PAGE_SIZE, cursor: pageParam })}`,
        {
          signal,
        },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While the user types a filter, the previous results stay on screen.
    placeholderData: keepPreviousData,
  });
}

export function useConversation(id: string) {
  const queryClient = useQueryClient();
  return useQuery<ConversationView>({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }) => api.get<ConversationView>(`/api/conversations/${id}`, { signal }),
    // Opened from the list: show what the list knows at once.
    placeholderData: () => findConversationInLists(queryClient, id),
  });
}

export function useCreateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateConversationRequest) =>
      api.post<ConversationView>('/api/conversations', input),
    onSuccess: (conversation) => storeConversation(queryClient, conversation),
  });
}

export function useRenameConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: string) =>
      api.patch<ConversationView>(`/api/conversations/${conversationId}`, { title }),
    onSuccess: (conversation) => storeConversation(queryClient, conversation),
  });
}

export function useAddMembers(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) =>
      api.post<ConversationView>(`/api/conversations/${conversationId}/members`, { userIds }),
    onSuccess: (conversation) => storeConversation(queryClient, conversation),
  });
}

/** Leaves a group: it disappears from my list (the server also tells my other tabs). */
export function useLeaveConversation(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  return useMutation({
    mutationFn: () => api.delete<void>(`/api/conversations/${conversationId}/members/${me.id}`),
    onSuccess: () => forgetConversation(queryClient, conversationId),
  });
}

// --- Messages ----------------------------------------------------------------------------

export function useMessages(conversationId: string) {
  return useInfiniteQuery<
    MessagePage,
    Error,
    MessagePages,
    ReturnType<typeof messageKeys.list>,
    number | undefined
  >({
    queryKey: messageKeys.list(conversationId),
    queryFn: ({ pageParam, signal }) =>
      api.get<MessagePage>(
        `/api/conversations/${conversationId}/messages${query({ before: pageParam })}`,
        { signal },
      ),
    // No param: the latest page. Older pages come before it, paging back with `before`.
    initialPageParam: undefined as number | undefined,
    getNextPageParam: () => undefined,
    getPreviousPageParam: (first) =>
      first.hasMore && first.items.length ? first.items[0].seq : undefined,
    // Socket events keep the cached history current and `sync` fills any gap after a reconnect;
    // a refetch would only reload what is already there (and an infinite refetch starts from the oldest page).
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** A message typed here that the server has not confirmed yet. */
export interface PendingMessage {
  conversationId: string;
  clientMessageId: string;
  body: string;
  createdAt: string;
  status: 'sending' | 'failed';
}

export function usePendingMessages(conversationId: string): PendingMessage[] {
  const { data } = useQuery({
    queryKey: pendingKeys.list(conversationId),
    queryFn: () => [] as PendingMessage[],
    initialData: [] as PendingMessage[],
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return data;
}

function setPending(
  queryClient: QueryClient,
  conversationId: string,
  update: (pending: PendingMessage[]) => PendingMessage[],
) {
  queryClient.setQueryData<PendingMessage[]>(pendingKeys.list(conversationId), (current = []) =>
    update(current),
  );
}

/** Worth sending again: no answer, or the server failed. A refusal (4xx) would answer the same. */
function isTransient(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof SocketUnavailableError ||
    (error instanceof ApiRequestError && error.status >= 500)
  );
}

/**
 * Sends over the socket with an ack, or over REST when the socket is down or the ack is late.
 * Every attempt carries the same clientMessageId, so however many reach the server, it stores one message.
 */
async function sendMessage(pending: PendingMessage): Promise<MessageView> {
  const { conversationId, clientMessageId, body } = pending;
  try {
    return await socketRequest('message:send', { conversationId, clientMessageId, body });
  } catch (error) {
    if (!(error instanceof SocketUnavailableError)) throw error;
    return api.post<MessageView>(`/api/conversations/${conversationId}/messages`, {
      body,
      clientMessageId,
    });
  }
}

/**
 * `send(body)` shows the message at once as pending, then replaces it with the stored one.
 * A failed one stays, marked, until `retry` (same clientMessageId) or `discard`.
 */
export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const { mutate } = useMutation({
    mutationFn: sendMessage,
    retry: (failures, error) => failures < 3 && isTransient(error),
    retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
    onSuccess: (message) => storeMessage(queryClient, message, me.id),
    onError: (_error, failed) =>
      setPending(queryClient, failed.conversationId, (pending) =>
        pending.map((item) =>
          item.clientMessageId === failed.clientMessageId ? { ...item, status: 'failed' } : item,
        ),
      ),
  });

  const send = useCallback(
    (body: string) => {
      const pending: PendingMessage = {
        conversationId,
        clientMessageId: crypto.randomUUID(),
        body,
        createdAt: new Date().toISOString(),
        status: 'sending',
      };
      setPending(queryClient, conversationId, (current) => [...current, pending]);
      mutate(pending);
    },
    [conversationId, mutate, queryClient],
  );

  const retry = useCallback(
    (failed: PendingMessage) => {
      const again: PendingMessage = { ...failed, status: 'sending' };
      setPending(queryClient, conversationId, (current) =>
        current.map((item) => (item.clientMessageId === failed.clientMessageId ? again : item)),
      );
      mutate(again);
    },
    [conversationId, mutate, queryClient],
  );

  const discard = useCallback(
    (failed: PendingMessage) =>
      setPending(queryClient, conversationId, (current) =>
        current.filter((item) => item.clientMessageId !== failed.clientMessageId),
      ),
    [conversationId, queryClient],
  );

  return useMemo(() => ({ send, retry, discard }), [send, retry, discard]);
}

export function useEditMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ messageId, body }: { messageId: string; body: string }) => {
      try {
        return await socketRequest('message:edit', { conversationId, messageId, body });
      } catch (error) {
        if (!(error instanceof SocketUnavailableError)) throw error;
        return api.patch<MessageView>(
          `/api/conversations/${conversationId}/messages/${messageId}`,
          { body },
        );
      }
    },
    onSuccess: (message) => storeChangedMessage(queryClient, message),
  });
}

export function useDeleteMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (messageId: string) => {
      try {
        return await socketRequest('message:delete', { conversationId, messageId });
      } catch (error) {
        if (!(error instanceof SocketUnavailableError)) throw error;
        return api.delete<MessageView>(
          `/api/conversations/${conversationId}/messages/${messageId}`,
        );
      }
    },
    onSuccess: (message) => storeChangedMessage(queryClient, message),
  });
}

/** Moves my read watermark to `seq`: the badge clears at once, the server tells the other members. */
export function useMarkRead(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  return useMutation({
    mutationFn: async (seq: number): Promise<ReadUpdate> => {
      try {
        return await socketRequest('conversation:read', { conversationId, seq });
      } catch (error) {
        if (!(error instanceof SocketUnavailableError)) throw error;
        return api.post<ReadUpdate>(`/api/conversations/${conversationId}/read`, { seq });
      }
    },
    onMutate: (seq) =>
      patchConversation(queryClient, conversationId, (conversation) =>
        markReadLocally(conversation, seq, me.id),
      ),
    onSuccess: (update) =>
      patchConversation(queryClient, conversationId, (conversation) =>
        applyReadUpdate(conversation, update, me.id),
      ),
  });
}

export function useSearchMessages(conversationId: string, q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: searchKeys.messages(conversationId, term),
    queryFn: ({ signal }) =>
      api.get<SearchPage>(`/api/search/messages${query({ q: term, conversationId, limit: 20 })}`, {
        signal,
      }),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

// --- Users -------------------------------------------------------------------------------

/** People of my organisation (the first hundred matching `q`), with who is online. */
export function useUsers(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: userKeys.list(term),
    queryFn: ({ signal }) =>
      api.get<Page<UserSummary>>(`/api/users${query({ q: term, limit: USER_PAGE_SIZE })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

// --- Cache updates shared by acks and socket events ---------------------------------------

function findConversationInLists(
  queryClient: QueryClient,
  id: string,
): ConversationView | undefined {
  for (const [, data] of queryClient.getQueriesData<ConversationPages>({
    queryKey: conversationKeys.lists(),
  })) {
    const found = findInList(data, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Applies `update` to the conversation in its detail and in every list holding it. With
 * `reloadIfMissing` (new activity), an unfiltered list that does not hold it (a conversation
 * we have not seen yet, or one further down) is reloaded, since it now belongs at the top.
 */
function patchConversation(
  queryClient: QueryClient,
  id: string,
  update: (conversation: ConversationView) => ConversationView,
  { reloadIfMissing = false } = {},
) {
  queryClient.setQueryData<ConversationView>(
    conversationKeys.detail(id),
    (current) => current && update(current),
  );
  for (const [key, data] of queryClient.getQueriesData<ConversationPages>({
    queryKey: conversationKeys.lists(),
  })) {
    if (!data) continue;
    if (findInList(data, id))
      queryClient.setQueryData<ConversationPages>(key, updateInList(data, id, update));
    else if (reloadIfMissing && key[2] === '')
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
  }
}

/** A conversation as the server sent it (created, renamed, members changed). */
function storeConversation(queryClient: QueryClient, incoming: ConversationView) {
  const held =
    queryClient.getQueryData<ConversationView>(conversationKeys.detail(incoming.id)) ??
    findConversationInLists(queryClient, incoming.id);
  // A message event may have overtaken this view: keep the newer activity.
  const conversation =
    held && held.lastSeq > incoming.lastSeq
      ? {
          ...incoming,
          lastMessage: held.lastMessage,
          lastSeq: held.lastSeq,
          updatedAt: held.updatedAt,
          unreadCount: Math.max(0, held.lastSeq - incoming.lastReadSeq),
        }
      : incoming;
  queryClient.setQueryData(conversationKeys.detail(conversation.id), conversation);
  for (const [key, data] of queryClient.getQueriesData<ConversationPages>({
    queryKey: conversationKeys.lists(),
  })) {
    if (!data) continue;
    if (key[2] === '')
      queryClient.setQueryData<ConversationPages>(key, upsertInList(data, conversation));
    else if (findInList(data, conversation.id))
      queryClient.setQueryData<ConversationPages>(key, upsertInList(data, conversation));
    // A filtered list may or may not match the new conversation: let the server say.
    else void queryClient.invalidateQueries({ queryKey: key, exact: true });
  }
}

function forgetConversation(queryClient: QueryClient, id: string) {
  for (const [key, data] of queryClient.getQueriesData<ConversationPages>({
    queryKey: conversationKeys.lists(),
  })) {
    if (data) queryClient.setQueryData<ConversationPages>(key, removeFromList(data, id));
  }
  queryClient.removeQueries({ queryKey: conversationKeys.detail(id), exact: true });
  queryClient.removeQueries({ queryKey: messageKeys.list(id), exact: true });
  queryClient.removeQueries({ queryKey: pendingKeys.list(id), exact: true });
}

/** A stored message (ack, REST answer, `message:new`): once in the history, and in the list's preview. */
export function storeMessage(queryClient: QueryClient, message: MessageView, myId: string) {
  queryClient.setQueryData<MessagePages>(messageKeys.list(message.conversationId), (data) =>
    appendOnce(data, message),
  );
  if (message.senderId === myId) {
    setPending(queryClient, message.conversationId, (pending) =>
      pending.some((item) => item.clientMessageId === message.clientMessageId)
        ? pending.filter((item) => item.clientMessageId !== message.clientMessageId)
        : pending,
    );
  }
  patchConversation(
    queryClient,
    message.conversationId,
    (conversation) => applyNewMessage(conversation, message, myId),
    {
      reloadIfMissing: true,
    },
  );
}

function storeChangedMessage(queryClient: QueryClient, message: MessageView) {
  queryClient.setQueryData<MessagePages>(messageKeys.list(message.conversationId), (data) =>
    replaceMessage(data, message),
  );
  patchConversation(queryClient, message.conversationId, (conversation) =>
    applyMessageChange(conversation, message),
  );
}

/**
 * After every (re)connection: ask for what came after the last seq held in each cached history
 * and merge it, and reload the lists (unread counts, watermarks, presence may have moved meanwhile).
 */
async function catchUp(queryClient: QueryClient) {
  const cursors: Record<string, number> = {};
  for (const [key, data] of queryClient.getQueriesData<MessagePages>({
    queryKey: messageKeys.all,
  })) {
    if (data) cursors[String(key[1])] = lastHeldSeq(data) ?? 0;
  }
  void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
  void queryClient.invalidateQueries({ queryKey: userKeys.all });
  if (!Object.keys(cursors).length) return;

  try {
    const { conversations } = await socketRequest('sync', { cursors });
    for (const id of Object.keys(cursors)) {
      const page = conversations[id];
      const { data, gap } = page
        ? mergeSync(queryClient.getQueryData<MessagePages>(messageKeys.list(id)), page)
        : { data: undefined, gap: true };
      // More was missed than sync sends (or we are no longer a member): reload the latest page.
      if (gap) void queryClient.resetQueries({ queryKey: messageKeys.list(id), exact: true });
      else queryClient.setQueryData<MessagePages>(messageKeys.list(id), data);
    }
  } catch {
    void queryClient.resetQueries({ queryKey: messageKeys.all });
  }
}

/**
 * Keeps the cache current from the socket: mount once for the signed-in user. Events patch
 * cached data in place; nothing is polled.
 */
export function useConversationEvents() {
  const queryClient = useQueryClient();
  const me = useCurrentUser();

  useSocketEvent('message:new', (message) => {
    storeMessage(queryClient, message, me.id);
    setTyping(message.conversationId, message.senderId, false);
  });
  useSocketEvent('message:updated', (message) => storeChangedMessage(queryClient, message));
  useSocketEvent('message:deleted', (message) => storeChangedMessage(queryClient, message));
  useSocketEvent('conversation:new', (conversation) =>
    storeConversation(queryClient, conversation),
  );
  useSocketEvent('conversation:updated', (conversation) =>
    storeConversation(queryClient, conversation),
  );
  useSocketEvent('conversation:removed', ({ conversationId }) =>
    forgetConversation(queryClient, conversationId),
  );
  useSocketEvent('read:updated', (update) =>
    patchConversation(queryClient, update.conversationId, (conversation) =>
      applyReadUpdate(conversation, update, me.id),
    ),
  );
  useSocketEvent('typing', ({ conversationId, userId, typing }) => {
    if (userId !== me.id) setTyping(conversationId, userId, typing);
  });
  useSocketEvent('presence', (presence) => {
    let known = false;
    for (const [key, data] of queryClient.getQueriesData<Page<UserSummary>>({
      queryKey: userKeys.all,
    })) {
      if (!data) continue;
      known ||= data.items.some((user) => user.id === presence.userId);
      queryClient.setQueryData<Page<UserSummary>>(key, applyPresence(data, presence));
    }
    // Someone we have never listed (a new colleague) came online: list them.
    if (!known && presence.online)
      void queryClient.invalidateQueries({ queryKey: userKeys.list('') });
  });
  useSocketEvent('connect', () => void catchUp(queryClient));
}

/** Whether the person is online now; undefined when not among the people listed. */
export function useIsOnline(userId: string | undefined): boolean | undefined {
  const { data } = useUsers('');
  const user = userId ? data?.items.find((item) => item.id === userId) : undefined;
  return user ? Boolean(user.online) : undefined;
}
