import { mentionsIn, type Locale } from '@mindsp/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { QUEUES } from '../queues/queue-connection';
import { DeliveryService, type EmailCheckOutcome } from './delivery.service';
import {
  MENTION_EMAIL_JOB,
  mentionEmailJobId,
  type MentionEmailJobData,
  type MessageJobData,
} from './notification-jobs';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { mentionsAsText, textsFor } from './notification-texts';
import { preview } from './mention-email-text';
import { mentionEmailText } from './mention-email-text';
import { ConversationsReader } from '../conversations/conversations.reader';

/** The most mentions one email lists; it counts the others. */
const MENTIONS_PER_EMAIL = 50;

/**
 * Mention notifications: each current member a message mentions (by `<@id>`, or all of them by
 * `<@all>`, which the send allowed only to a group's creator or an admin) gets a `mention`
 * notification in the app, connected or not, and even if they muted the conversation: being called
 * by name is what muting must not hide. Delivered as a `deliver` (one key per message), so a
 * retried message job adds nothing twice and the user's preferences for `mention` apply.
 *
 * Emails are coalesced as message emails are: one per member and unread streak of the
 * conversation, MENTION_EMAIL_DELAY after the first mention, listing the mentions still unread then
 * (thirty mentions in ten seconds made thirty emails). A muted conversation sends none: muting
 * silences the inbox, the bell still shows the mention (as Mattermost does).
 */
@Injectable()
export class MentionNotificationsService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly recipients: NotificationRecipientsRepository,
    private readonly conversations: ConversationsReader,
    private readonly delivery: DeliveryService,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onMessage(job: MessageJobData): Promise<{ mentioned: number }> {
    // The send told: no mention token, no need to read the message.
    if (job.mentions === false) return { mentioned: 0 };
    const plan = await this.tenantDb.transaction(job.tenantId, async (tx) => {
      const message = await this.conversations.mentioningMessage(tx, job.messageId);
      if (!message) return null;
      const { userIds, everyone } = mentionsIn(message.body);
      if (!userIds.length && !everyone) return null;
      const mentioned = await this.conversations.membersAmong(
        tx,
        job.conversationId,
        everyone ? null : userIds,
        job.senderId,
      );
      if (!mentioned.length) return null;
      const users = await this.recipients.users(tx, job.tenantId, mentioned);
      // Tokens read as names in the preview: the names of now (a notification is a snapshot).
      const names = await this.recipients.displayNames(tx, userIds);
      const members = await this.conversations.memberships(
        tx,
        job.conversationId,
        users.map((user) => user.id),
      );
      return { message, users, names, members };
    });
    if (!plan) return { mentioned: 0 };
    const byLocale = new Map<Locale, string[]>();
    for (const user of plan.users)
      byLocale.set(user.locale, [...(byLocale.get(user.locale) ?? []), user.id]);
    for (const [locale, userIds] of byLocale) {
      const t = textsFor(locale);
      await this.delivery.deliver({
        tenantId: job.tenantId,
        key: `mention:${job.messageId}`,
        userIds,
        type: 'mention',
        title: t.mentioned(plan.message.senderName),
        body: preview(mentionsAsText(locale, plan.message.body, plan.names)),
        data: {
          conversationId: job.conversationId,
          messageId: job.messageId,
          seq: plan.message.seq,
          senderIds: [job.senderId],
        },
        actionUrl: `/messages/${job.conversationId}`,
        inAppOnly: true,
      });
    }
    // The streak's first mention sets the time; later ones find the job there (BullMQ ignores
    // an add under an id it holds).
    const emailChecks: MentionEmailJobData[] = plan.members
      .filter((member) => !member.muted)
      .map((member) => ({
        tenantId: job.tenantId,
        userId: member.userId,
        conversationId: job.conversationId,
        readSeq: member.lastReadSeq,
      }));
    if (emailChecks.length) {
      await this.queue.addBulk(
        emailChecks.map((data) => ({
          name: MENTION_EMAIL_JOB,
          data,
          opts: {
            jobId: mentionEmailJobId(data),
            delay: this.config.mentionEmailDelaySeconds * 1000,
          },
        })),
      );
    }
    return { mentioned: plan.users.length };
  }

  /** The one email of a streak's mentions, if some are still unread and the member wants it. */
  async onEmailCheck(job: MentionEmailJobData): Promise<EmailCheckOutcome> {
    return this.delivery.emailIfStillOwed(job.tenantId, async (tx) => {
      const [member] = await this.conversations.memberships(tx, job.conversationId, [job.userId]);
      if (!member) return 'no longer a member';
      // Muted since the mention: the bell has it, the inbox stays quiet.
      if (member.muted) return 'muted';
      const [user] = await this.recipients.users(tx, job.tenantId, [job.userId]);
      if (!user) return 'gone';
      const unread = await this.conversations.unreadMentions(tx, {
        conversationId: job.conversationId,
        userId: user.id,
        afterSeq: Math.max(job.readSeq, member.lastReadSeq),
        limit: MENTIONS_PER_EMAIL,
      });
      if (!unread.total) return 'read';
      const names = await this.recipients.displayNames(
        tx,
        unread.mentions.flatMap((mention) => mentionsIn(mention.body).userIds),
      );
      return {
        tenantId: job.tenantId,
        userId: user.id,
        type: 'mention',
        key: `mention:${job.conversationId}:${job.readSeq}`,
        ...mentionEmailText(user.locale, unread, names),
        data: { conversationId: job.conversationId },
        actionUrl: `/messages/${job.conversationId}`,
        urgent: false,
      };
    });
  }
}
