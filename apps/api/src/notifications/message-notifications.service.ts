import { mentionsIn } from '@mindsp/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { PresenceService } from '../people/presence.service';
import { QUEUES } from '../queues/queue-connection';
import type { OutboxEvents } from '../outbox/outbox-events';
import { DeliveryService, type EmailCheckOutcome } from './delivery.service';
import type { Notice } from './notification-channel';
import {
  MESSAGE_EMAIL_JOB,
  messageEmailJobId,
  type MessageEmailJobData,
  type MessageJobData,
} from './notification-jobs';
import { NotificationPushService } from './notification-push.service';
import { ConversationsReader, type UnreadMember } from '../conversations/conversations.reader';
import {
  NotificationRecipientsRepository,
  type Recipient,
} from './notification-recipients.repository';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { mentionsAsText, newMessagesTitle } from './notification-texts';
import { NotificationsRepository } from './notifications.repository';

/** How much of the last message a notification shows. */
const PREVIEW_LENGTH = 200;

/** The key of a member's unread streak in a conversation: one notification while it lasts. */
const streakKey = (conversationId: string, readSeq: number) =>
  `message:${conversationId}:${readSeq}`;

/**
 * Message notifications. Each member who is not connected gets one notification per conversation
 * while it is unread ("3 nouveaux messages de Alice Martin"), its count taken from their unread
 * count, so replaying a job rewrites the same thing. If the conversation is still unread after
 * MESSAGE_EMAIL_DELAY, one email.
 */
@Injectable()
export class MessageNotificationsService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly notifications: NotificationsRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly recipients: NotificationRecipientsRepository,
    private readonly conversations: ConversationsReader,
    private readonly presence: PresenceService,
    private readonly delivery: DeliveryService,
    private readonly push: NotificationPushService,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onMessage(job: MessageJobData): Promise<{ notified: number }> {
    const { delivered, emailChecks } = await this.tenantDb.transaction(job.tenantId, async (tx) => {
      const unread = await this.conversations.unreadMembers(tx, job.conversationId);
      const connected = await this.presence.connected(unread.map((member) => member.userId));
      const offline = unread.filter((member) => !connected.has(member.userId));
      // The usual case in a busy conversation: everyone is connected and reads it live.
      if (!offline.length) return { delivered: null, emailChecks: [] };
      const users = await this.recipients.users(
        tx,
        job.tenantId,
        offline.map((member) => member.userId),
      );
      const settings = await this.settings.findMany(
        tx,
        users.map((user) => user.id),
      );
      const notices: Notice[] = [];
      const emailChecks: MessageEmailJobData[] = [];
      for (const user of users) {
        const member = offline.find((m) => m.userId === user.id)!;
        const prefs = settings.get(user.id)!.types.message;
        if (prefs.inApp) notices.push(await this.streakNotice(tx, job, user, member));
        if (prefs.email) {
          emailChecks.push({
            tenantId: job.tenantId,
            userId: user.id,
            conversationId: job.conversationId,
            readSeq: member.lastReadSeq,
          });
        }
      }
      return { delivered: await this.delivery.record(tx, job.tenantId, notices), emailChecks };
    });
    await delivered?.afterCommit();
    for (const check of emailChecks) {
      // The first message of a streak sets the time; later ones find the job already there.
      await this.queue.add(MESSAGE_EMAIL_JOB, check, {
        jobId: messageEmailJobId(check),
        delay: this.config.email.messageDelaySeconds * 1000,
      });
    }
    return { notified: delivered?.byChannel.get('inApp')?.length ?? 0 };
  }

  /** Reading a conversation reads the notifications of the streaks it ended, on every tab. */
  async onConversationRead(event: OutboxEvents['conversation.read']): Promise<{ read: number }> {
    const ids = await this.tenantDb.transaction(event.tenantId, (tx) =>
      this.notifications.markConversationRead(tx, event),
    );
    this.push.read(event.userId, ids);
    return { read: ids.length };
  }

  /** Still unread since the streak began? Then the one email it earns, by the user's preferences. */
  async onEmailCheck(job: MessageEmailJobData): Promise<EmailCheckOutcome> {
    return this.delivery.emailIfStillOwed(job.tenantId, async (tx) => {
      const member = await this.conversations.memberState(tx, job.conversationId, job.userId);
      if (!member || member.lastReadSeq !== job.readSeq || member.lastSeq <= member.lastReadSeq)
        return 'read';
      const [user] = await this.recipients.users(tx, job.tenantId, [job.userId]);
      if (!user) return 'gone';
      const { senderIds: _, ...text } = await this.describe(tx, job.conversationId, user, member);
      return {
        tenantId: job.tenantId,
        userId: user.id,
        type: 'message',
        key: streakKey(job.conversationId, job.readSeq),
        ...text,
        data: { conversationId: job.conversationId },
        actionUrl: `/messages/${job.conversationId}`,
        urgent: false,
      };
    });
  }

  /** The streak's one notification, rewritten while its count grows. */
  private async streakNotice(
    tx: EntityManager,
    job: MessageJobData,
    user: Recipient,
    member: UnreadMember,
  ): Promise<Notice> {
    const { senderIds, ...text } = await this.describe(tx, job.conversationId, user, member);
    return {
      tenantId: job.tenantId,
      userId: user.id,
      type: 'message',
      key: streakKey(job.conversationId, member.lastReadSeq),
      ...text,
      data: {
        conversationId: job.conversationId,
        count: member.lastSeq - member.lastReadSeq,
        senderIds,
      },
      actionUrl: `/messages/${job.conversationId}`,
      urgent: false,
      channels: ['inApp'],
      coalesce: true,
    };
  }

  /** "3 nouveaux messages de Alice Martin", with the last message as the body. */
  private async describe(
    tx: EntityManager,
    conversationId: string,
    user: Recipient,
    member: UnreadMember,
  ) {
    const summary = await this.conversations.unreadSummary(tx, conversationId, {
      afterSeq: member.lastReadSeq,
      upToSeq: member.lastSeq,
      readerId: user.id,
    });
    const count = member.lastSeq - member.lastReadSeq;
    // Mentions read as the names of now, never as raw `<@id>` tokens.
    const names = await this.recipients.displayNames(tx, mentionsIn(summary.lastBody).userIds);
    const lastBody = mentionsAsText(user.locale, summary.lastBody, names);
    const body = [...lastBody];
    return {
      title: newMessagesTitle(
        user.locale,
        count,
        summary.senders.map((sender) => sender.displayName),
      ),
      body: body.length > PREVIEW_LENGTH ? `${body.slice(0, PREVIEW_LENGTH).join('')}…` : lastBody,
      senderIds: summary.senders.map((sender) => sender.id),
    };
  }
}
