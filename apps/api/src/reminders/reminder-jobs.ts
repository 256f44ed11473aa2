import type { Reminder } from './reminder.entity';
import type { OutboxJob } from '../outbox/outbox.repository';
import {
  DELIVER_JOB,
  type DeliveryJobData,
  deliveryJobId,
} from '../notifications/notification-delivery';
import { QUEUES } from '../queues/queue-connection';

/** The `reminders` queue's job that delivers a reminder at its time. */
export const FIRE_REMINDER_JOB = 'fire';

export interface FireReminderJobData {
  tenantId: string;
  reminderId: string;
}

/** One job per reminder, ever: a retried create makes no second one, and a cancel can find it. */
export function reminderJobId(reminderId: string): string {
  return `reminder-${reminderId}`;
}

export function fireReminderJob(reminder: Reminder): OutboxJob<FireReminderJobData> {
  return {
    queue: QUEUES.reminders,
    name: FIRE_REMINDER_JOB,
    jobId: reminderJobId(reminder.id),
    data: { tenantId: reminder.tenantId, reminderId: reminder.id },
    runAt: reminder.remindAt,
  };
}

/** The notifications a reminder becomes, for each of its targets. */
export function reminderDelivery(reminder: Reminder): OutboxJob<DeliveryJobData> {
  const key = `reminder:${reminder.id}`;
  return {
    queue: QUEUES.notifications,
    name: DELIVER_JOB,
    jobId: deliveryJobId(key),
    data: {
      tenantId: reminder.tenantId,
      key,
      userIds: reminder.userIds,
      type: reminder.type,
      title: reminder.title,
      body: reminder.body,
      data: {
        reminderId: reminder.id,
        remindAt: reminder.remindAt.toISOString(),
        conversationId: reminder.conversationId,
      },
      actionUrl: reminder.conversationId ? `/messages/${reminder.conversationId}` : null,
    },
  };
}
