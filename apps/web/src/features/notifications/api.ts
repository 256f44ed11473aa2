import type {
  AnnouncementRequest,
  NotificationPage,
  NotificationSettings,
  NotificationView,
} from '@mindsp/contracts';
import { api, queryString } from '../../lib/api';

/** The REST calls of notifications, their settings and announcements, one function per request. */

/** How many the bell holds: enough for a glance; older ones are not paged in the dropdown. */
export const RECENT_NOTIFICATIONS = 20;

export const notificationsApi = {
  recent: (signal?: AbortSignal) =>
    api.get<NotificationPage>(`/api/notifications${queryString({ limit: RECENT_NOTIFICATIONS })}`, {
      signal,
    }),
  page: (cursor: string | undefined, signal?: AbortSignal) =>
    api.get<NotificationPage>(`/api/notifications${queryString({ cursor })}`, { signal }),
  markRead: (id: string) => api.post<NotificationView>(`/api/notifications/${id}/read`),
  markAllRead: () => api.post<{ ids: string[] }>('/api/notifications/read-all'),
  settings: (signal?: AbortSignal) =>
    api.get<NotificationSettings>('/api/settings/notifications', { signal }),
  saveSettings: (settings: NotificationSettings) =>
    api.put<NotificationSettings>('/api/settings/notifications', settings),
  announce: (input: AnnouncementRequest) =>
    api.post<{ announcementId: string }>('/api/admin/announcements', input),
};
