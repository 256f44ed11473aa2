/** The query keys of notifications and their settings. */
export const notificationKeys = {
  all: ['notifications'] as const,
  /** The bell's list: the most recent notifications and the unread count. */
  recent: () => [...notificationKeys.all, 'recent'] as const,
  settings: () => [...notificationKeys.all, 'settings'] as const,
};
