import type { MembershipUpdateRequest } from '@mindsp/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { conversationsApi } from '../api';
import { storeConversation } from '../cache/store';

/** My own state of a conversation: mute it, archive it (the server tells my other tabs). */
export function useMembership(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (state: MembershipUpdateRequest) =>
      conversationsApi.updateMembership(conversationId, state),
    onSuccess: (conversation) => storeConversation(queryClient, conversation),
  });
}
