import type { NotificationPage, NotificationView } from '@mindsp/contracts';

/** What `notification:read` says: these notifications, or all of them, were read. */
export type ReadUpdate = { ids: string[] } | { all: true };

const isUnread = (notification: NotificationView) => notification.readAt === null;

/**
 * A notification pushed live: a new one goes on top; one already held (a coalesced message
 * notification, "3 new messages from Bob", comes again with the same id) is replaced and moves
 * to the top. The unread count follows what changed, so a replayed push counts once.
 */
export function receiveNotification(
  page: NotificationPage,
  incoming: NotificationView,
): NotificationPage {
  const held = page.items.find((item) => item.id === incoming.id);
  const delta = (isUnread(incoming) ? 1 : 0) - (held && isUnread(held) ? 1 : 0);
  return {
    ...page,
    items: [incoming, ...page.items.filter((item) => item.id !== incoming.id)],
    unreadCount: Math.max(0, page.unreadCount + delta),
  };
}

/**
 * Marks read what the update names. The count drops by the unread ones this page holds;
 * `readsUnknown` tells the caller when the update named some it does not hold (their state,
 * and so the count, must be asked again).
 */
export function applyRead(
  page: NotificationPage,
  update: ReadUpdate,
  readAt: string,
): NotificationPage {
  if ('all' in update) {
    if (page.unreadCount === 0 && !page.items.some(isUnread)) return page;
    return {
      ...page,
      items: page.items.map((item) => (isUnread(item) ? { ...item, readAt } : item)),
      unreadCount: 0,
    };
  }
  const ids = new Set(update.ids);
  let newlyRead = 0;
  const items = page.items.map((item) => {
    if (!ids.has(item.id) || !isUnread(item)) return item;
    newlyRead++;
    return { ...item, readAt };
  });
  if (newlyRead === 0) return page;
  return { ...page, items, unreadCount: Math.max(0, page.unreadCount - newlyRead) };
}

/** True when the update names a notification this page does not hold. */
export function readsUnknown(page: NotificationPage, update: ReadUpdate): boolean {
  if ('all' in update) return false;
  const held = new Set(page.items.map((item) => item.id));
  return update.ids.some((id) => !held.has(id));
}
