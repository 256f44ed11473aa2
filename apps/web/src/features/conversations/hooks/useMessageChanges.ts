import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messagesApi } from '../api';
import { storeChangedMessage } from '../cache/store';

/** Edits and deletes my own messages; the answer replaces the cached copy. */
export function useMessageChanges(conversationId: string) {
  const queryClient = useQueryClient();
  const edit = useMutation({
    mutationFn: ({ messageId, body }: { messageId: string; body: string }) =>
      messagesApi.edit(conversationId, messageId, body),
    onSuccess: (message) => storeChangedMessage(queryClient, message),
  });
  const remove = useMutation({
    mutationFn: (messageId: string) => messagesApi.delete(conversationId, messageId),
    onSuccess: (message) => storeChangedMessage(queryClient, message),
  });
  return { edit, remove };
}
