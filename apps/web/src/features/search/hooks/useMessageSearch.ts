import type { SearchPage } from '@mindsp/contracts';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { searchApi, type MessageSearchFilters } from '../api';
import { messageSearchKeys } from '../keys';

/**
 * Messages matching the words and filters, best first, paged on. The scope is the filters'
 * `conversationId`: one conversation (its header's search), or all of mine when absent.
 */
export function useMessageSearch(filters: MessageSearchFilters) {
  return useInfiniteQuery<
    SearchPage,
    Error,
    { pages: SearchPage[] },
    ReturnType<typeof messageSearchKeys.results>,
    string | undefined
  >({
    queryKey: messageSearchKeys.results(filters),
    queryFn: ({ pageParam, signal }) => searchApi.messages(filters, pageParam, signal),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: filters.q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
