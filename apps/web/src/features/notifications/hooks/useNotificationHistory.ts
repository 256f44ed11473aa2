import type { NotificationPage } from '@mindsp/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { notificationsApi } from '../api';
import { notificationKeys } from '../keys';

/** All my notifications, newest first, paged back with a cursor. */
export function useNotificationHistory() {
  return useInfiniteQuery({
    queryKey: notificationKeys.history(),
    queryFn: ({ pageParam, signal }) => notificationsApi.page(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: NotificationPage) => last.nextCursor ?? undefined,
  });
}
