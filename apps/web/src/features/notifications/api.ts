import type {
  AnnouncementRequest,
  NotificationPage,
  NotificationSettings,
  NotificationView,
} from '@mindsp/contracts';
import { client, dataOf } from '../../lib/api';

/** The REST calls of notifications, their settings and announcements, one function per request. */

/** How many the bell holds: enough for a glance; older ones are not paged in the dropdown. */
export const RECENT_NOTIFICATIONS = 20;

export const notificationsApi = {
  recent: (signal?: AbortSignal): Promise<NotificationPage> =>
    dataOf(
      client.GET('/api/notifications', {
        params: { query: { limit: RECENT_NOTIFICATIONS } },
        signal,
      }),
    ),
  page: (cursor: string | undefined, signal?: AbortSignal): Promise<NotificationPage> =>
    dataOf(client.GET('/api/notifications', { params: { query: { cursor } }, signal })),
  markRead: (id: string): Promise<NotificationView> =>
    dataOf(client.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
  markAllRead: (): Promise<{ ids: string[] }> => dataOf(client.POST('/api/notifications/read-all')),
  settings: (signal?: AbortSignal): Promise<NotificationSettings> =>
    dataOf(client.GET('/api/settings/notifications', { signal })),
  saveSettings: (settings: NotificationSettings): Promise<NotificationSettings> =>
    dataOf(client.PUT('/api/settings/notifications', { body: settings })),
  announce: (input: AnnouncementRequest): Promise<{ announcementId: string }> =>
    dataOf(client.POST('/api/admin/announcements', { body: input })),
};
