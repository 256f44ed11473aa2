import type { NotificationPage, NotificationView } from '@mindsp/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { notificationKeys } from '../keys';
import { type ReadUpdate, applyRead, readsUnknown, receiveNotification } from './notifications';

// The notification cache writers applied to the query cache.

export function storeNotification(queryClient: QueryClient, notification: NotificationView) {
  const current = queryClient.getQueryData<NotificationPage>(notificationKeys.recent());
  // Not loaded yet: the list, when it loads, will hold it.
  if (!current) return;
  queryClient.setQueryData(notificationKeys.recent(), receiveNotification(current, notification));
}

export function storeRead(queryClient: QueryClient, update: ReadUpdate) {
  const current = queryClient.getQueryData<NotificationPage>(notificationKeys.recent());
  if (!current) return;
  queryClient.setQueryData(
    notificationKeys.recent(),
    applyRead(current, update, new Date().toISOString()),
  );
  // Read ones we do not hold were counted in unreadCount: ask for the true count.
  if (readsUnknown(current, update))
    void queryClient.invalidateQueries({ queryKey: notificationKeys.recent() });
}
