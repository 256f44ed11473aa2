import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MessageView } from '@mindsp/contracts';
import { messagesApi } from '../api';
import { applyPinChange } from '../cache/pins';
import { storeChangedMessage } from '../cache/store';
import { pinKeys } from '../keys';

/** A new version of a message (an edit, a reaction, a pin): its copy in the history and the pinned list. */
export function storeMessageState(queryClient: QueryClient, message: MessageView) {
  storeChangedMessage(queryClient, message);
  queryClient.setQueryData<MessageView[]>(pinKeys.list(message.conversationId), (list) =>
    applyPinChange(list, message),
  );
}

/** Adds or takes back my reaction; the answer (the message with its reactions) replaces the copy. */
export function useReaction(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      messageId,
      emoji,
      reacted,
    }: {
      messageId: string;
      emoji: string;
      reacted: boolean;
    }) => messagesApi.react(conversationId, messageId, emoji, reacted),
    onSuccess: (message) => storeMessageState(queryClient, message),
  });
}

export function usePin(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, pinned }: { messageId: string; pinned: boolean }) =>
      messagesApi.pin(conversationId, messageId, pinned),
    onSuccess: (message) => storeMessageState(queryClient, message),
  });
}

/** The conversation's pinned messages, kept fresh by `message:updated` (see events.ts). */
export function usePinnedMessages(conversationId: string) {
  return useQuery({
    queryKey: pinKeys.list(conversationId),
    queryFn: ({ signal }) => messagesApi.pins(conversationId, signal),
  });
}
