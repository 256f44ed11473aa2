import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmailSchedulerService } from './email-scheduler.service';
import type { Addressed, ChannelOutcome, NotificationChannel } from './notification-channel';

/**
 * Email, by the person's preferences: alone or in their digest, held through quiet hours
 * (EmailSchedulerService decides; EmailsProcessor sends).
 */
@Injectable()
export class EmailChannel implements NotificationChannel {
  readonly name = 'email';

  constructor(private readonly emails: EmailSchedulerService) {}

  async record(tx: EntityManager, notices: Addressed[]): Promise<ChannelOutcome> {
    const followUps = await this.emails.claim(
      tx,
      notices.map(({ notice, settings }) => ({
        recipient: { tenantId: notice.tenantId, userId: notice.userId, settings },
        cause: {
          key: notice.key,
          type: notice.type,
          title: notice.title,
          body: notice.body,
          actionUrl: notice.actionUrl,
          urgent: notice.urgent,
        },
      })),
    );
    return {
      delivered: followUps.map(({ key, userId }) => ({ key, userId })),
      afterCommit: () => this.emails.enqueue(followUps),
    };
  }
}
