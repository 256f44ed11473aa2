import type { ConversationView, MessageView } from '@mindsp/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { conversationKeys, heldKeys, listFilter, messageKeys, pendingKeys } from '../keys';
import {
  type ConversationPages,
  applyMessageChange,
  applyNewMessage,
  findInList,
  removeFromList,
  updateInList,
  upsertInList,
} from './conversations';
import {
  type HeldMessages,
  type MessagePages,
  hasGap,
  receiveLive,
  releaseHeld,
  replaceMessage,
} from './messages';
import { type PendingMessage, updatePending } from './pending';
import { applyOriginalChange } from './quotes';

/**
 * Applies the pure writers to the query cache: acks, REST answers and socket events all store
 * what the server said through these, so every cached copy (detail, lists, history) agrees.
 */

function cachedLists(queryClient: QueryClient) {
  return queryClient
    .getQueriesData<ConversationPages>({ queryKey: conversationKeys.lists() })
    .filter((entry): entry is [(typeof entry)[0], ConversationPages] => entry[1] !== undefined);
}

/**
 * A list or detail being read may have been read before the change an event brings (a page just
 * opened, or the refetch a reconnection asks for): its answer would replace the event's patch, and
 * the conversation would show nothing new, or a wrong unread count, until the next event. Such a
 * query is read once more when that read ends: once per read, so it takes traffic during every
 * read to keep a list reloading.
 */
const rereadScheduled = new WeakSet<object>();

function rereadLoading(queryClient: QueryClient, conversationId: string) {
  const cache = queryClient.getQueryCache();
  for (const queryKey of [conversationKeys.lists(), conversationKeys.detail(conversationId)])
    for (const query of cache.findAll({ queryKey })) {
      if (query.state.fetchStatus !== 'fetching' || rereadScheduled.has(query)) continue;
      rereadScheduled.add(query);
      const stop = cache.subscribe(() => {
        if (query.state.fetchStatus !== 'idle') return;
        stop();
        rereadScheduled.delete(query);
        void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
      });
    }
}

export function findConversationInLists(
  queryClient: QueryClient,
  conversationId: string,
): ConversationView | undefined {
  for (const [, data] of cachedLists(queryClient)) {
    const found = findInList(data, conversationId);
    if (found) return found;
  }
  return undefined;
}

/**
 * Applies `update` to the conversation in its detail and in every list holding it. With
 * `reloadIfMissing` (new activity), an unfiltered list that does not hold it (a conversation
 * we have not seen yet, or one further down) is reloaded, since it now belongs at the top.
 */
export function patchConversation(
  queryClient: QueryClient,
  conversationId: string,
  update: (conversation: ConversationView) => ConversationView,
  { reloadIfMissing = false } = {},
) {
  queryClient.setQueryData<ConversationView>(
    conversationKeys.detail(conversationId),
    (current) => current && update(current),
  );
  for (const [key, data] of cachedLists(queryClient)) {
    if (findInList(data, conversationId))
      queryClient.setQueryData<ConversationPages>(key, updateInList(data, conversationId, update));
    else if (reloadIfMissing && listFilter(key) === '')
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
  }
  rereadLoading(queryClient, conversationId);
}

/** A conversation as the server sent it (created, renamed, members changed). */
export function storeConversation(queryClient: QueryClient, incoming: ConversationView) {
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
  for (const [key, data] of cachedLists(queryClient)) {
    if (listFilter(key) === '' || findInList(data, conversation.id))
      queryClient.setQueryData<ConversationPages>(key, upsertInList(data, conversation));
    // A filtered list may or may not match the new conversation: let the server say.
    else void queryClient.invalidateQueries({ queryKey: key, exact: true });
  }
  rereadLoading(queryClient, conversation.id);
}

/** Left, removed, or deleted: nothing of the conversation stays cached. */
export function forgetConversation(queryClient: QueryClient, conversationId: string) {
  for (const [key, data] of cachedLists(queryClient))
    queryClient.setQueryData<ConversationPages>(key, removeFromList(data, conversationId));
  for (const key of [
    conversationKeys.detail(conversationId),
    messageKeys.history(conversationId),
    pendingKeys.list(conversationId),
    heldKeys.list(conversationId),
  ])
    queryClient.removeQueries({ queryKey: key, exact: true });
}

export function setPending(
  queryClient: QueryClient,
  conversationId: string,
  update: (pending: PendingMessage[]) => PendingMessage[],
) {
  queryClient.setQueryData<PendingMessage[]>(pendingKeys.list(conversationId), (current = []) =>
    update(current),
  );
}

/**
 * A message the server stored, from whichever comes first: `message:new`, or (for my own) the
 * send's answer (ack or REST). Into the history in seq order (held back while one before it is
 * missing), then the list's preview and my pending copy. The second arrival of the same message
 * changes nothing: it is stored once. Returns whether a message is still missing, for the caller
 * to ask a sync.
 */
export function storeMessage(
  queryClient: QueryClient,
  message: MessageView,
  myId: string,
): boolean {
  const { conversationId } = message;
  const history = queryClient.getQueryData<MessagePages>(messageKeys.history(conversationId));
  const held = heldMessages(queryClient, conversationId);
  if (isStored(history, held, message)) return false;
  const next = receiveLive(history, held, message);
  if (next.data)
    queryClient.setQueryData<MessagePages>(messageKeys.history(conversationId), next.data);
  if (next.held !== held)
    queryClient.setQueryData<HeldMessages>(heldKeys.list(conversationId), next.held);
  storeActivity(queryClient, message, myId);
  return hasGap(next.data, next.held);
}

/** Already in the history or held back, as this version or a later one. */
function isStored(history: MessagePages | undefined, held: HeldMessages, message: MessageView) {
  const copy =
    history?.pages.flatMap((page) => page.items).find((item) => item.id === message.id) ??
    held.find((item) => item.id === message.id);
  return copy !== undefined && copy.changeSeq >= message.changeSeq;
}

/** After a sync filled the history: the held messages that now follow it go in. */
export function releaseHeldMessages(queryClient: QueryClient, conversationId: string): boolean {
  const { data, held } = releaseHeld(
    queryClient.getQueryData<MessagePages>(messageKeys.history(conversationId)),
    heldMessages(queryClient, conversationId),
  );
  if (data) queryClient.setQueryData<MessagePages>(messageKeys.history(conversationId), data);
  queryClient.setQueryData<HeldMessages>(heldKeys.list(conversationId), held);
  return hasGap(data, held);
}

function heldMessages(queryClient: QueryClient, conversationId: string): HeldMessages {
  return queryClient.getQueryData<HeldMessages>(heldKeys.list(conversationId)) ?? [];
}

/** What a stored message changes outside the history: my pending copy goes, the list's preview moves. */
export function storeActivity(queryClient: QueryClient, message: MessageView, myId: string) {
  if (message.senderId === myId)
    setPending(queryClient, message.conversationId, (pending) =>
      updatePending(pending, message.clientMessageId, () => null),
    );
  patchConversation(
    queryClient,
    message.conversationId,
    (conversation) => applyNewMessage(conversation, message, myId),
    { reloadIfMissing: true },
  );
}

/** An edit or a deletion: the history's copy and, for the last message, the list's preview. */
export function storeChangedMessage(queryClient: QueryClient, message: MessageView) {
  queryClient.setQueryData<MessagePages>(messageKeys.history(message.conversationId), (data) =>
    applyOriginalChange(replaceMessage(data, message), message),
  );
  patchConversation(queryClient, message.conversationId, (conversation) =>
    applyMessageChange(conversation, message),
  );
}
