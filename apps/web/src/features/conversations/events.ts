import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../lib/socket';
import { useCurrentUser } from '../auth/queries';
import { messagesApi } from './api';
import { applyReadUpdate } from './cache/conversations';
import { type MessagePages, lastHeldSeq, mergeSync } from './cache/messages';
import {
  forgetConversation,
  patchConversation,
  storeChangedMessage,
  storeConversation,
  storeMessage,
} from './cache/store';
import { conversationKeys, historyConversationId, messageKeys } from './keys';
import { setTyping } from './typing';

/**
 * After every (re)connection: ask for what came after the last seq held in each cached history
 * and merge it, and reload the lists (unread counts and watermarks may have moved meanwhile).
 */
async function catchUp(queryClient: QueryClient) {
  const cursors: Record<string, number> = {};
  for (const [key, data] of queryClient.getQueriesData<MessagePages>({
    queryKey: messageKeys.all,
  })) {
    if (data) cursors[historyConversationId(key)] = lastHeldSeq(data) ?? 0;
  }
  void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
  if (!Object.keys(cursors).length) return;

  try {
    const { conversations } = await messagesApi.sync(cursors);
    for (const id of Object.keys(cursors)) {
      const page = conversations[id];
      const { data, gap } = page
        ? mergeSync(queryClient.getQueryData<MessagePages>(messageKeys.history(id)), page)
        : { data: undefined, gap: true };
      // More was missed than sync sends (or we are no longer a member): reload the latest page.
      if (gap) void queryClient.resetQueries({ queryKey: messageKeys.history(id), exact: true });
      else queryClient.setQueryData<MessagePages>(messageKeys.history(id), data);
    }
  } catch {
    void queryClient.resetQueries({ queryKey: messageKeys.all });
  }
}

/**
 * Routes the socket's conversation and message events into the cache: mount once for the
 * signed-in user. Events patch cached data in place; nothing is polled.
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
  useSocketEvent('connect', () => void catchUp(queryClient));
}
