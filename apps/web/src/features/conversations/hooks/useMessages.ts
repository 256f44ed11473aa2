import type { MessagePage } from '@mindsp/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { messagesApi } from '../api';
import type { MessagePages } from '../cache/messages';
import { messageKeys } from '../keys';

/** A conversation's history: the latest page first, older pages as the user scrolls up. */
export function useMessages(conversationId: string) {
  return useInfiniteQuery<
    MessagePage,
    Error,
    MessagePages,
    ReturnType<typeof messageKeys.history>,
    number | undefined
  >({
    queryKey: messageKeys.history(conversationId),
    queryFn: ({ pageParam, signal }) => messagesApi.page(conversationId, pageParam, signal),
    // No param: the latest page. Older pages come before it, paging back with `before`.
    initialPageParam: undefined as number | undefined,
    getNextPageParam: () => undefined,
    getPreviousPageParam: (first) =>
      first.hasMore && first.items.length ? first.items[0].seq : undefined,
    // Socket events keep the cached history current and `sync` fills any gap after a reconnect;
    // a refetch would only reload what is already there (and an infinite refetch starts from the oldest page).
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
