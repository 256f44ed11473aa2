import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { messagesApi } from '../api';
import { searchKeys } from '../keys';

/** Messages of the conversation matching `q` (accents and case ignored by the server). */
export function useSearchMessages(conversationId: string, q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: searchKeys.messages(conversationId, term),
    queryFn: ({ signal }) => messagesApi.search(conversationId, term, signal),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
