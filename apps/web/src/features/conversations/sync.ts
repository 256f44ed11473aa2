import type { MessageView } from '@mindsp/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { SocketUnavailableError, getConnectionState } from '../../lib/socket';
import { messagesApi } from './api';
import { type MessagePages, changeCursor, gapFreeSeq, mergeSync } from './cache/messages';
import { releaseHeldMessages, storeConversation, storeMessage } from './cache/store';
import { conversationKeys, heldKeys, historyConversationId, messageKeys } from './keys';

/** How long a hole in a history may wait for its live event before we ask the server. */
export const GAP_WAIT_MS = 1_500;

/**
 * Asks the server for what came after the gap-free seq of each history and merges it. A
 * history the server has too much for (or that we lost access to) is reloaded instead.
 */
export async function syncHistories(queryClient: QueryClient, conversationIds: string[]) {
  const cursors: Record<string, number> = {};
  const changes: Record<string, number> = {};
  for (const id of conversationIds) {
    const data = queryClient.getQueryData<MessagePages>(messageKeys.history(id));
    if (!data) continue;
    cursors[id] = gapFreeSeq(data) ?? 0;
    // Edits and deletions of what we hold, made while we were away, come back too.
    const change = changeCursor(data);
    if (change !== undefined) changes[id] = change;
  }
  if (!Object.keys(cursors).length) return;
  const { conversations } = await messagesApi.sync(cursors, changes);
  for (const id of Object.keys(cursors)) {
    const page = conversations[id];
    const { data, gap } = page
      ? mergeSync(queryClient.getQueryData<MessagePages>(messageKeys.history(id)), page)
      : { data: undefined, gap: true };
    // Its title or members changed while we were away: the conversation as it is now.
    if (page?.conversation) storeConversation(queryClient, page.conversation);
    if (gap) reload(queryClient, id);
    else {
      queryClient.setQueryData<MessagePages>(messageKeys.history(id), data);
      if (releaseHeldMessages(queryClient, id)) watchGap(queryClient, id);
    }
  }
}

function reload(queryClient: QueryClient, conversationId: string) {
  queryClient.removeQueries({ queryKey: heldKeys.list(conversationId), exact: true });
  void queryClient.resetQueries({ queryKey: messageKeys.history(conversationId), exact: true });
}

const gapTimers = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * A message is missing in the history: give its live event a moment (they can arrive out of
 * order), then, if the hole is still there, ask the server with a sync.
 */
export function watchGap(queryClient: QueryClient, conversationId: string) {
  if (gapTimers.has(conversationId)) return;
  gapTimers.set(
    conversationId,
    setTimeout(() => {
      gapTimers.delete(conversationId);
      // Filled meanwhile (the late event came): nothing to ask.
      if (releaseHeldMessages(queryClient, conversationId))
        syncHistories(queryClient, [conversationId]).catch(() => {
          // No answer (the socket dropped): the catch-up at the next connection asks again.
        });
    }, GAP_WAIT_MS),
  );
}

/**
 * After every (re)connection: sync each cached history from its gap-free seq, and reload the
 * lists (unread counts and watermarks may have moved meanwhile).
 */
export async function catchUp(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
  const ids = queryClient
    .getQueriesData<MessagePages>({ queryKey: messageKeys.all })
    .filter(([, data]) => data !== undefined)
    .map(([key]) => historyConversationId(key));
  try {
    await syncHistories(queryClient, ids);
  } catch (error) {
    // The connection dropped before the answer: the next connection catches up again, from
    // the same cursors (reloading now, offline, would only empty the histories).
    if (error instanceof SocketUnavailableError && getConnectionState() !== 'connected') return;
    // Refused, or no answer on a live connection: the histories may miss anything, reload them.
    void queryClient.resetQueries({ queryKey: messageKeys.all });
  }
}

/**
 * The one way a stored message reaches the cache, for `message:new` and for my send's answer
 * alike: stored once, whichever comes first; a hole before it is watched.
 */
export function receiveMessage(queryClient: QueryClient, message: MessageView, myId: string) {
  if (storeMessage(queryClient, message, myId)) watchGap(queryClient, message.conversationId);
}
