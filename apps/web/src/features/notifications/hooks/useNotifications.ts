import { useQuery } from '@tanstack/react-query';
import { notificationsApi } from '../api';
import { notificationKeys } from '../keys';

/**
 * My most recent notifications and my unread count. Kept current by the socket
 * (`useNotificationEvents`): nothing is polled.
 */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.recent(),
    queryFn: ({ signal }) => notificationsApi.recent(signal),
    staleTime: Infinity,
  });
}
