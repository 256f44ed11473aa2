import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { OutboxEvents } from '../outbox/outbox-events';
import { QUEUES } from '../queues/queue-connection';
import { MentionNotificationsService } from './mention-notifications.service';
import { MessageNotificationsService } from './message-notifications.service';
import { MESSAGE_JOB, messageJobSchedule, type MessageJobData } from './notification-jobs';

/**
 * What notifications make of a `message.sent` event (conversations record it in the send's
 * transaction and know nothing more). A message that mentions someone is notified at once; any
 * other waits MESSAGE_NOTIFY_DELAY in its conversation's window job (messageJobSchedule), which
 * reads the conversation as it is then: the members still away, their unread counts. Presence is
 * asked there, in the worker, never while a send holds its row lock.
 */
@Injectable()
export class MessageSentService {
  constructor(
    private readonly messages: MessageNotificationsService,
    private readonly mentions: MentionNotificationsService,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onMessageSent(
    event: OutboxEvents['message.sent'],
  ): Promise<{ coalescedInto: string } | Awaited<ReturnType<MessageSentService['notify']>>> {
    const schedule = messageJobSchedule(
      { id: event.messageId, conversationId: event.conversationId },
      event.mentions,
      this.config.messageNotifyDelaySeconds * 1000,
    );
    if (!schedule.runAt) return this.notify(event);
    // The window's other messages find the job there (BullMQ ignores an add under an id it holds).
    await this.queue.add(MESSAGE_JOB, event, {
      jobId: schedule.jobId,
      delay: Math.max(0, schedule.runAt.getTime() - Date.now()),
    });
    return { coalescedInto: schedule.jobId };
  }

  /** A message's (or a window's) notifications: its unread streaks', then its mentions' (each idempotent). */
  async notify(data: MessageJobData) {
    const streaks = await this.messages.onMessage(data);
    return { ...streaks, ...(await this.mentions.onMessage(data)) };
  }
}
