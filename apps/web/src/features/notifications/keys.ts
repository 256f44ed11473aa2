/** The query keys of notifications and their settings. */
export const notificationKeys = {
  all: ['notifications'] as const,
  /** The bell's list: the most recent notifications and the unread count. */
  recent: () => [...notificationKeys.all, 'recent'] as const,
  /** Every notification, paged back with a cursor (the notifications page). */
  history: () => [...notificationKeys.all, 'history'] as const,
  settings: () => [...notificationKeys.all, 'settings'] as const,
};
