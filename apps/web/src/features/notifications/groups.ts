import {
  NOTIFICATION_GROUPS,
  type NotificationType,
  type NotificationView,
} from '@mindsp/contracts';

export type NotificationGroup = keyof typeof NOTIFICATION_GROUPS;

/** The bell's sections in the seed's order: FMPA, Messages, Système. */
const GROUP_ORDER = Object.keys(NOTIFICATION_GROUPS) as NotificationGroup[];

export function groupOf(type: NotificationType): NotificationGroup {
  return (
    GROUP_ORDER.find((group) =>
      (NOTIFICATION_GROUPS[group] as readonly NotificationType[]).includes(type),
    ) ?? 'system'
  );
}

/** The notifications by section, each newest first as given; empty sections are left out. */
export function groupNotifications(
  items: NotificationView[],
): { group: NotificationGroup; items: NotificationView[] }[] {
  return GROUP_ORDER.map((group) => ({
    group,
    items: items.filter((item) => groupOf(item.type) === group),
  })).filter((section) => section.items.length > 0);
}
