import type { Page, PresenceView, UserSummary } from '@mindsp/contracts';

/** A presence event: the user's online flag and last-seen time, wherever a user list holds them. */
export function applyPresence(
  data: Page<UserSummary> | undefined,
  presence: PresenceView,
): Page<UserSummary> | undefined {
  if (!data) return data;
  const index = data.items.findIndex((user) => user.id === presence.userId);
  if (index === -1) return data;
  const user = data.items[index];
  if (user.online === presence.online && user.lastSeenAt === presence.lastSeenAt) return data;
  return {
    ...data,
    items: data.items.with(index, {
      ...user,
      online: presence.online,
      lastSeenAt: presence.lastSeenAt,
    }),
  };
}
