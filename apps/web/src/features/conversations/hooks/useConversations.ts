import type { ConversationView, Page } from '@mindsp/contracts';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { conversationsApi } from '../api';
import type { ConversationPages } from '../cache/conversations';
import { conversationKeys } from '../keys';

/**
 * My conversations, most recent activity first, filtered by `q`; pages on with a cursor.
 * `archived`: the ones I archived instead of the others.
 */
export function useConversations(q: string, archived = false) {
  const term = q.trim();
  return useInfiniteQuery<
    Page<ConversationView>,
    Error,
    ConversationPages,
    ReturnType<typeof conversationKeys.list>,
    string | undefined
  >({
    queryKey: conversationKeys.list(term, archived),
    queryFn: ({ pageParam, signal }) => conversationsApi.list(term, pageParam, signal, archived),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While the user types a filter, the previous results stay on screen.
    placeholderData: keepPreviousData,
  });
}
