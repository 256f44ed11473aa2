/** The query keys of the people of my organisation; the filter is a named part. */
export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => [...userKeys.all, 'list', { q }] as const,
  /** Who is online now (`GET /api/users/online`, first page). */
  online: () => [...userKeys.all, 'online'] as const,
};

/** What this tab knows of people's presence: one entry, a map by user id (see cache/presence.ts). */
export const presenceKeys = {
  all: ['presence'] as const,
};
