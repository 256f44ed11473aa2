import type { NotificationSettings } from '@mindsp/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { renderDigestEmail, renderNotificationEmail } from './email-templates';
import { MailerService } from './mailer.service';
import { NotificationEmailsRepository } from './notification-emails.repository';
import type { DigestJobData, SendEmailJobData } from './notification-jobs';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { quietHoursEnd } from './notification-settings';

/** Set on a job quiet hours hold, so a change of quiet hours releases it (and nothing else). */
export interface Held {
  heldUntil?: number;
}

/**
 * What the `emails` jobs do. An email already sent is not sent again (its row says so), quiet hours
 * hold a job until they end (except urgent ones), and an SMTP failure throws: the job retries
 * with backoff.
 */
@Injectable()
export class EmailSenderService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly emails: NotificationEmailsRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly recipients: NotificationRecipientsRepository,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendOne(job: Job<SendEmailJobData & Held>, token?: string) {
    const { tenantId, userId, key, urgent } = job.data;
    const found = await this.tenantDb.transaction(tenantId, async (tx) => {
      const [user] = await this.recipients.users(tx, tenantId, [userId]);
      const email = user ? await this.emails.findUnsent(tx, userId, key) : null;
      return user && email ? { user, email, settings: await this.settings.find(tx, userId) } : null;
    });
    // Sent already (this job ran before, or was added again), or its user is gone.
    if (!found) return { skipped: 'already sent, or no such user' };
    if (!urgent) await this.holdDuringQuietHours(job, token, found.settings);
    const { user, email } = found;
    await this.mailer.send({
      id: job.id!,
      to: user.email,
      ...renderNotificationEmail(user.locale, this.config.publicUrl, email, urgent),
    });
    await this.tenantDb.transaction(tenantId, (tx) => this.emails.markSent(tx, [email.id]));
    return { sent: user.email };
  }

  async sendDigest(job: Job<DigestJobData & Held>, token?: string) {
    const { tenantId, userId } = job.data;
    const found = await this.tenantDb.transaction(tenantId, async (tx) => {
      const [user] = await this.recipients.users(tx, tenantId, [userId]);
      return user ? { user, settings: await this.settings.find(tx, userId) } : null;
    });
    if (!found) return { skipped: 'no such user' };
    // Held before the batch is taken: what arrives meanwhile joins this summary.
    await this.holdDuringQuietHours(job, token, found.settings);
    const items = await this.tenantDb.transaction(tenantId, (tx) =>
      this.emails.takeDigestBatch(tx, userId, job.id!),
    );
    if (!items.length) return { skipped: 'nothing waiting' };
    await this.mailer.send({
      id: job.id!,
      to: found.user.email,
      ...renderDigestEmail(found.user.locale, this.config.publicUrl, items),
    });
    await this.tenantDb.transaction(tenantId, (tx) =>
      this.emails.markSent(
        tx,
        items.map((item) => item.id),
      ),
    );
    return { sent: found.user.email, items: items.length };
  }

  /** Inside the user's quiet hours, the job waits (delayed, not failed) until they end. */
  private async holdDuringQuietHours(
    job: Job<Held>,
    token: string | undefined,
    settings: NotificationSettings,
  ) {
    const end = quietHoursEnd(settings.quietHours, new Date());
    if (!end) return;
    await job.updateData({ ...job.data, heldUntil: end.getTime() });
    await job.moveToDelayed(end.getTime(), token);
    throw new DelayedError();
  }
}
