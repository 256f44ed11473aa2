import type { CreateConversationRequest } from '@mindsp/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { conversationsApi } from '../api';
import { storeConversation } from '../cache/store';

/** Creates a group, or opens (creating if need be) the direct conversation with one person. */
export function useCreateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateConversationRequest) => conversationsApi.create(input),
    onSuccess: (conversation) => storeConversation(queryClient, conversation),
  });
}
