import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '../../auth/queries';
import { conversationsApi } from '../api';
import { applyReadUpdate, markReadLocally } from '../cache/conversations';
import { patchConversation } from '../cache/store';

/** Moves my read watermark to `seq`: the badge clears at once, the server tells the other members. */
export function useMarkRead(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  return useMutation({
    mutationFn: (seq: number) => conversationsApi.markRead(conversationId, seq),
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
