import type { NotificationView } from '@mindsp/contracts';

/**
 * Where opening a notification leads: its `actionUrl` (the conversation, the alert), else the
 * notifications page with it shown whole (an announcement has nowhere else to go, and its text
 * is cut short in the bell and the toast).
 */
export function notificationTarget(notification: NotificationView): string {
  return notification.actionUrl ?? `/notifications?id=${encodeURIComponent(notification.id)}`;
}
