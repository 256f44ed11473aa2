import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { QUEUES } from '../queues/queue-connection';
import { DeliveryService } from './delivery.service';
import { DELIVER_JOB, type DeliveryJobData } from './notification-delivery';
import {
  MENTION_EMAIL_JOB,
  MESSAGE_EMAIL_JOB,
  MESSAGE_JOB,
  type MentionEmailJobData,
  type MessageEmailJobData,
  type MessageJobData,
} from './notification-jobs';
import { MentionNotificationsService } from './mention-notifications.service';
import { MessageNotificationsService } from './message-notifications.service';

/**
 * The `notifications` queue: deliveries, message and mention notifications, and their delayed
 * email checks.
 */
@Processor(QUEUES.notifications)
export class NotificationsProcessor extends WorkerHost {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly messages: MessageNotificationsService,
    private readonly mentions: MentionNotificationsService,
  ) {
    super();
  }

  process(job: Job): Promise<unknown> {
    switch (job.name) {
      case DELIVER_JOB:
        return this.delivery.deliver(job.data as DeliveryJobData);
      case MESSAGE_JOB:
        return this.onMessage(job.data as MessageJobData);
      case MESSAGE_EMAIL_JOB:
        return this.messages.onEmailCheck(job.data as MessageEmailJobData);
      case MENTION_EMAIL_JOB:
        return this.mentions.onEmailCheck(job.data as MentionEmailJobData);
      default:
        // Retrying cannot teach this worker a new job name.
        throw new UnrecoverableError(`No notifications job named "${job.name}"`);
    }
  }

  /** A sent message: its unread streaks' notifications, then its mentions' (each idempotent). */
  private async onMessage(data: MessageJobData) {
    const streaks = await this.messages.onMessage(data);
    return { ...streaks, ...(await this.mentions.onMessage(data)) };
  }
}
