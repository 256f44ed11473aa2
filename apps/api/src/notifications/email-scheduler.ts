import type { NotificationSettings, NotificationType } from '@mindsp/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { QUEUES } from '../queues/queue-connection';
import { NotificationEmailsRepository } from './notification-emails.repository';
import {
  DIGEST_JOB,
  EMAIL_JOB_OPTIONS,
  SEND_EMAIL_JOB,
  digestJobId,
  sendEmailJobId,
  type DigestJobData,
  type SendEmailJobData,
} from './notification-jobs';
import { msUntilLocalTime } from './notification-settings';

export interface EmailCause {
  key: string;
  type: NotificationType;
  title: string;
  body: string;
  actionUrl: string | null;
  urgent: boolean;
}

/** What to queue once the cause's transaction committed. */
export interface EmailFollowUp {
  tenantId: string;
  userId: string;
  key: string;
  urgent: boolean;
  settings: NotificationSettings;
  inDigest: boolean;
}

/**
 * Decides, by the user's preferences, whether a cause earns an email and whether it goes alone or
 * in the next digest. The row is recorded in the cause's transaction (one per user and cause);
 * the job is added after commit with an id derived from the cause, so a retried cause adds it once.
 */
@Injectable()
export class EmailScheduler {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly emails: NotificationEmailsRepository,
    @InjectQueue(QUEUES.emails) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async claim(
    tx: EntityManager,
    {
      tenantId,
      userId,
      settings,
    }: { tenantId: string; userId: string; settings: NotificationSettings },
    cause: EmailCause,
  ): Promise<EmailFollowUp | null> {
    // Urgent: always, at once, alone.
    if (!cause.urgent && !settings.types[cause.type].email) return null;
    const inDigest = !cause.urgent && settings.emailDigest !== 'off';
    await this.emails.claim(tx, { tenantId, userId, ...cause, inDigest });
    return { tenantId, userId, key: cause.key, urgent: cause.urgent, settings, inDigest };
  }

  async enqueue(followUps: EmailFollowUp[]): Promise<void> {
    for (const followUp of followUps) {
      if (followUp.inDigest) await this.scheduleDigest(followUp);
      else {
        const data: SendEmailJobData = {
          tenantId: followUp.tenantId,
          userId: followUp.userId,
          key: followUp.key,
          urgent: followUp.urgent,
        };
        await this.queue.add(SEND_EMAIL_JOB, data, {
          jobId: sendEmailJobId(followUp.userId, followUp.key),
          ...EMAIL_JOB_OPTIONS,
          ...(followUp.urgent ? { priority: 1 } : {}),
        });
      }
    }
  }

  /**
   * The digest job of the oldest email waiting: due one period after it (hourly), or at the next
   * daily time in the user's time zone. Named after that email, so it is added once.
   */
  private async scheduleDigest({ tenantId, userId, settings }: EmailFollowUp) {
    const oldest = await this.tenantDb.transaction(tenantId, (tx) =>
      this.emails.oldestWaitingForDigest(tx, userId),
    );
    if (!oldest) return;
    const since = oldest.createdAt.getTime();
    const dueIn =
      settings.emailDigest === 'hourly'
        ? this.config.email.hourlyDigestSeconds * 1000
        : msUntilLocalTime(
            oldest.createdAt,
            this.config.email.dailyDigestAt,
            settings.quietHours.timeZone,
          );
    const data: DigestJobData = { tenantId, userId };
    await this.queue.add(DIGEST_JOB, data, {
      jobId: digestJobId(oldest.id),
      delay: Math.max(0, since + dueIn - Date.now()),
      ...EMAIL_JOB_OPTIONS,
    });
  }
}
