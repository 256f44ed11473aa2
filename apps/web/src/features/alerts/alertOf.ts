import type { NotificationView } from '@mindsp/contracts';

/** The alert an `alert` notification is about (its `data.alertId`), if it is one. */
export function alertIdOf(notification: NotificationView): string | undefined {
  const alertId = notification.data.alertId;
  return notification.type === 'alert' && typeof alertId === 'string' ? alertId : undefined;
}
