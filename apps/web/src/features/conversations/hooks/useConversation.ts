import type { ConversationView } from '@mindsp/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { conversationsApi } from '../api';
import { findConversationInLists } from '../cache/store';
import { conversationKeys } from '../keys';

/** One conversation with its members and read watermarks. */
export function useConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useQuery<ConversationView>({
    queryKey: conversationKeys.detail(conversationId),
    queryFn: ({ signal }) => conversationsApi.get(conversationId, signal),
    // Opened from the list: show what the list knows at once.
    placeholderData: () => findConversationInLists(queryClient, conversationId),
  });
}
