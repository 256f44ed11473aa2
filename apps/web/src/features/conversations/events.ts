import { useQueryClient } from '@tanstack/react-query';
import type { EventWriters } from '../../lib/socket';
import { useCurrentUser } from '../auth/queries';
import { applyReadUpdate } from './cache/conversations';
import { forgetConversation, patchConversation, storeConversation } from './cache/store';
import { storeMessageState } from './hooks/useMessageState';
import { pinKeys } from './keys';
import { catchUp, receiveMessage } from './sync';
import { setTyping } from './typing';

/**
 * What conversations do with the socket's events (the app's event router hands them here):
 * events patch cached data in place; nothing is polled.
 */
export function useConversationEventWriters(): EventWriters {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  return {
    'message:new': (message) => {
      receiveMessage(queryClient, message, me.id);
      setTyping(message.conversationId, message.senderId, false);
    },
    // An edit, a reaction or a pin: the history's copy and the pinned list.
    'message:updated': (message) => storeMessageState(queryClient, message),
    'message:deleted': (message) => storeMessageState(queryClient, message),
    'conversation:new': (conversation) => storeConversation(queryClient, conversation),
    'conversation:updated': (conversation) => storeConversation(queryClient, conversation),
    'conversation:removed': ({ conversationId }) => forgetConversation(queryClient, conversationId),
    'read:updated': (update) =>
      patchConversation(queryClient, update.conversationId, (conversation) =>
        applyReadUpdate(conversation, update, me.id),
      ),
    typing: ({ conversationId, userId, typing }) => {
      if (userId !== me.id) setTyping(conversationId, userId, typing);
    },
    connect: () => {
      // Pins changed while away come back with the next fetch of an open pinned list.
      void queryClient.invalidateQueries({ queryKey: pinKeys.all });
      void catchUp(queryClient);
    },
  };
}
