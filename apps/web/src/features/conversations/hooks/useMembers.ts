import type { MemberView, Page } from '@mindsp/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { conversationsApi } from '../api';
import { conversationKeys } from '../keys';

/** A group's members by name, a hundred at a time (a service-wide group has thousands). */
export function useMembers(conversationId: string, memberCount: number) {
  return useInfiniteQuery({
    queryKey: conversationKeys.members(conversationId, memberCount),
    queryFn: ({ pageParam, signal }) => conversationsApi.members(conversationId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<MemberView>) => last.nextCursor ?? undefined,
  });
}
