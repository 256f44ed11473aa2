import type { ConversationView, NotificationPage } from '@mindsp/contracts';

/**
 * What the tab title counts: the unread conversations, plus the unread notifications that are
 * not about a conversation message (mentions, reminders, FMPA, alerts, announcements). A
 * `message` notification ("3 new messages from Bob") is about a conversation already counted
 * as unread: counting it too would show 2 for one conversation.
 */
export function unreadForTitle(
  notifications: NotificationPage | undefined,
  conversations: readonly ConversationView[],
): number {
  const unreadConversations = conversations.filter((c) => c.unreadCount > 0).length;
  if (!notifications) return unreadConversations;
  const unreadMessageNotifications = notifications.items.filter(
    (item) => item.type === 'message' && item.readAt === null,
  ).length;
  return unreadConversations + Math.max(0, notifications.unreadCount - unreadMessageNotifications);
}

/** "(3) MindSP Messaging", or the bare name when nothing is unread; "99+" past 99. */
export function tabTitle(appName: string, unread: number): string {
  if (unread <= 0) return appName;
  return `(${unread > 99 ? '99+' : unread}) ${appName}`;
}
