import type { NotificationPage, NotificationView } from '@mindsp/contracts';

// Test data for the notification helpers' tests.

export function notification(
  id: string,
  overrides: Partial<NotificationView> = {},
): NotificationView {
  return {
    id,
    type: 'system',
    title: `title ${id}`,
    body: `body ${id}`,
    data: {},
    actionUrl: null,
    readAt: null,
    createdAt: '2025-01-01T12:00:00.000Z',
    ...overrides,
  };
}

export function page(items: NotificationView[], unreadCount?: number): NotificationPage {
  return {
    items,
    nextCursor: null,
    unreadCount: unreadCount ?? items.filter((item) => item.readAt === null).length,
  };
}

export const READ_AT = '2025-01-01T13:00:00.000Z';
