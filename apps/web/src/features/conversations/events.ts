import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../lib/socket';
import { useCurrentUser } from '../auth/queries';
import { applyReadUpdate } from './cache/conversations';
import {
  forgetConversation,
  patchConversation,
  storeConversation,
  storeLiveMessage,
} from './cache/store';
import { storeMessageState } from './hooks/useMessageState';
import { pinKeys } from './keys';
import { catchUp, watchGap } from './sync';
import { setTyping } from './typing';

/**
 * Routes the socket's conversation and message events into the cache: mount once for the
 * signed-in user. Events patch cached data in place; nothing is polled.
 */
export function useConversationEvents() {
  const queryClient = useQueryClient();
  const me = useCurrentUser();

  useSocketEvent('message:new', (message) => {
    if (storeLiveMessage(queryClient, message, me.id))
      watchGap(queryClient, message.conversationId);
    setTyping(message.conversationId, message.senderId, false);
  });
  // An edit, a reaction or a pin: the history's copy and the pinned list.
  useSocketEvent('message:updated', (message) => storeMessageState(queryClient, message));
  useSocketEvent('message:deleted', (message) => storeMessageState(queryClient, message));
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
  useSocketEvent('connect', () => {
    // Pins changed while away come back with the next fetch of an open pinned list.
    void queryClient.invalidateQueries({ queryKey: pinKeys.all });
    void catchUp(queryClient);
  });
}
