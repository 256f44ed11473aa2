import {
  DELIVER_JOB,
  type DeliveryJobData,
  deliveryJobId,
} from '../notifications/notification-delivery';
import type { OutboxJob } from '../outbox/outbox.repository';
import { QUEUES } from '../queues/queue-connection';
import type { Alert } from './alert.entity';

/** The `alerts` queue's job that notifies again those who have not answered an alert. */
export const RENOTIFY_ALERT_JOB = 'renotify';

export interface RenotifyAlertJobData {
  tenantId: string;
  alertId: string;
  /** The round this job runs (2 for the first re-notification). */
  round: number;
}

/**
 * One notification round of an alert, to `userIds`: urgent, so in-app, browser notification and
 * email at once, whatever their preferences and quiet hours. The round is in the key: each round
 * is delivered once however often its job runs.
 */
export function alertDelivery(
  alert: Alert,
  userIds: string[],
  round: number,
): OutboxJob<DeliveryJobData> {
  const key = `alert:${alert.id}:round:${round}`;
  return {
    queue: QUEUES.notifications,
    name: DELIVER_JOB,
    jobId: deliveryJobId(key),
    data: {
      tenantId: alert.tenantId,
      key,
      userIds,
      type: 'alert',
      title: alert.title,
      body: alert.body,
      data: { alertId: alert.id, round, senderId: alert.senderId },
      actionUrl: `/alerts/${alert.id}`,
      urgent: true,
    },
  };
}

/** The re-notification `round`, due `delaySeconds` from now. Its id carries the round. */
export function renotifyAlertJob(
  alert: Alert,
  round: number,
  delaySeconds: number,
): OutboxJob<RenotifyAlertJobData> {
  return {
    queue: QUEUES.alerts,
    name: RENOTIFY_ALERT_JOB,
    jobId: `alert-${alert.id}-round-${round}`,
    data: { tenantId: alert.tenantId, alertId: alert.id, round },
    runAt: new Date(Date.now() + delaySeconds * 1000),
  };
}
