import { mentionsIn, type Locale } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database';
import { DeliveryService } from './delivery.service';
import type { MessageJobData } from './notification-jobs';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { mentionsAsText, textsFor } from './notification-texts';

/** How much of the message a mention notification shows. */
const PREVIEW_LENGTH = 200;

/**
 * Mention notifications: each current member a message mentions (by `<@id>`, or all of them by
 * `<@all>`, which the send allowed only to a group's creator or an admin) gets a `mention`
 * notification, connected or not, and even if they muted the conversation: being called by name
 * is what muting must not hide. Delivered as a `deliver` (one key per message), so a retried
 * message job adds nothing twice and the user's preferences for `mention` apply.
 */
@Injectable()
export class MentionNotificationsService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly recipients: NotificationRecipientsRepository,
    private readonly delivery: DeliveryService,
  ) {}

  async onMessage(job: MessageJobData): Promise<{ mentioned: number }> {
    // The send told: no mention token, no need to read the message.
    if (job.mentions === false) return { mentioned: 0 };
    const plan = await this.tenantDb.transaction(job.tenantId, async (tx) => {
      const message = await this.recipients.mentioningMessage(tx, job.messageId);
      if (!message) return null;
      const { userIds, everyone } = mentionsIn(message.body);
      if (!userIds.length && !everyone) return null;
      const mentioned = await this.recipients.membersAmong(
        tx,
        job.conversationId,
        everyone ? null : userIds,
        job.senderId,
      );
      if (!mentioned.length) return null;
      const users = await this.recipients.users(tx, job.tenantId, mentioned);
      // Tokens read as names in the preview: the names of now (a notification is a snapshot).
      const names = await this.recipients.displayNames(tx, userIds);
      return { message, users, names };
    });
    if (!plan) return { mentioned: 0 };
    const byLocale = new Map<Locale, string[]>();
    for (const user of plan.users)
      byLocale.set(user.locale, [...(byLocale.get(user.locale) ?? []), user.id]);
    for (const [locale, userIds] of byLocale) {
      const t = textsFor(locale);
      const body = [...mentionsAsText(locale, plan.message.body, plan.names)];
      await this.delivery.deliver({
        tenantId: job.tenantId,
        key: `mention:${job.messageId}`,
        userIds,
        type: 'mention',
        title: t.mentioned(plan.message.senderName),
        body:
          body.length > PREVIEW_LENGTH
            ? `${body.slice(0, PREVIEW_LENGTH).join('')}…`
            : body.join(''),
        data: {
          conversationId: job.conversationId,
          messageId: job.messageId,
          seq: plan.message.seq,
          senderIds: [job.senderId],
        },
        actionUrl: `/messages/${job.conversationId}`,
      });
    }
    return { mentioned: plan.users.length };
  }
}
