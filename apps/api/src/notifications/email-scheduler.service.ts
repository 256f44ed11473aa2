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

/** Who an email would go to, with the preferences that decide it. */
export interface EmailRecipient {
  tenantId: string;
  userId: string;
  settings: NotificationSettings;
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
export class EmailSchedulerService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly emails: NotificationEmailsRepository,
    @InjectQueue(QUEUES.emails) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The emails these causes earn by each recipient's preferences, recorded in `tx`. */
  async claim(
    tx: EntityManager,
    claims: { recipient: EmailRecipient; cause: EmailCause }[],
  ): Promise<EmailFollowUp[]> {
    const earned = claims
      .filter(({ recipient, cause }) => cause.urgent || recipient.settings.types[cause.type].email)
      .map(({ recipient, cause }) => ({
        recipient,
        cause,
        inDigest: !cause.urgent && recipient.settings.emailDigest !== 'off',
      }));
    await this.emails.claim(
      tx,
      earned.map(({ recipient: { tenantId, userId }, cause, inDigest }) => ({
        tenantId,
        userId,
        ...cause,
        inDigest,
      })),
    );
    return earned.map(({ recipient, cause, inDigest }) => ({
      ...recipient,
      key: cause.key,
      urgent: cause.urgent,
      inDigest,
    }));
  }

  async enqueue(followUps: EmailFollowUp[]): Promise<void> {
    for (const followUp of followUps.filter((f) => f.inDigest)) await this.scheduleDigest(followUp);
    const alone = followUps.filter((f) => !f.inDigest);
    if (!alone.length) return;
    await this.queue.addBulk(
      alone.map(({ tenantId, userId, key, urgent }) => {
        const data: SendEmailJobData = { tenantId, userId, key, urgent };
        return {
          name: SEND_EMAIL_JOB,
          data,
          opts: {
            jobId: sendEmailJobId(userId, key),
            ...EMAIL_JOB_OPTIONS,
            ...(urgent ? { priority: 1 } : {}),
          },
        };
      }),
    );
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
