import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../lib/socket';
import { useCurrentUser } from '../auth/queries';
import { applyReadUpdate } from './cache/conversations';
import {
  forgetConversation,
  patchConversation,
  storeChangedMessage,
  storeConversation,
  storeLiveMessage,
} from './cache/store';
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
