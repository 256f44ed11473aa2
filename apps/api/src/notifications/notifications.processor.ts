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
import type { OutboxEvents } from '../outbox/outbox-events';
import { MentionNotificationsService } from './mention-notifications.service';
import { MessageNotificationsService } from './message-notifications.service';
import { MessageSentService } from './message-sent.service';

/**
 * The `notifications` queue: deliveries, the `message.sent` event and the message jobs it becomes,
 * and the delayed email checks of messages and mentions.
 */
@Processor(QUEUES.notifications)
export class NotificationsProcessor extends WorkerHost {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly messages: MessageNotificationsService,
    private readonly mentions: MentionNotificationsService,
    private readonly messageSent: MessageSentService,
  ) {
    super();
  }

  process(job: Job): Promise<unknown> {
    switch (job.name) {
      case DELIVER_JOB:
        return this.delivery.deliver(job.data as DeliveryJobData);
      case 'message.sent':
        return this.messageSent.onMessageSent(job.data as OutboxEvents['message.sent']);
      case 'conversation.read':
        return this.messages.onConversationRead(job.data as OutboxEvents['conversation.read']);
      case MESSAGE_JOB:
        return this.messageSent.notify(job.data as MessageJobData);
      case MESSAGE_EMAIL_JOB:
        return this.messages.onEmailCheck(job.data as MessageEmailJobData);
      case MENTION_EMAIL_JOB:
        return this.mentions.onEmailCheck(job.data as MentionEmailJobData);
      default:
        // Retrying cannot teach this worker a new job name.
        throw new UnrecoverableError(`No notifications job named "${job.name}"`);
    }
  }
}
