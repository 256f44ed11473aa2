import type { NotificationType } from '@mindsp/contracts';

/**
 * The one way any feature notifies people: a `deliver` job on the `notifications` queue (recorded in
 * the outbox of the change that causes it, see outbox/outbox.repository.ts). The worker's
 * notifications processor turns it into notification rows (one per recipient, unique per
 * recipient and `key`, so a retried job creates nothing twice), pushes `notification:new` to each
 * recipient's sockets, and schedules the emails their preferences ask for.
 */
export const DELIVER_JOB = 'deliver';

export interface DeliveryJobData {
  tenantId: string;
  /** Deterministic, unique per cause (e.g. `reminder:<id>`, `alert:<id>:round:2`). */
  key: string;
  userIds: string[];
  type: NotificationType;
  title: string;
  body: string;
  data: Record<string, unknown>;
  actionUrl: string | null;
  /**
   * Urgent alerts: in-app, browser notification and email always, at once: preferences, quiet
   * hours and the digest do not apply.
   */
  urgent?: boolean;
  /**
   * In the app only: the cause emails on its own terms (mentions: one email per unread streak,
   * MentionNotificationsService), not one per delivery.
   */
  inAppOnly?: boolean;
}

/** The job id of a delivery: the key, made safe for BullMQ (no ':' in custom ids). */
export function deliveryJobId(key: string): string {
  return `deliver-${key.replace(/:/g, '-')}`;
}
