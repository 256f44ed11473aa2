import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database';
import { EmailScheduler, type EmailFollowUp } from './email-scheduler';
import type { DeliveryJobData } from './notification-delivery';
import { NotificationPush } from './notification-push';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { NotificationSettingsRepository } from './notification-settings.repository';
import {
  NotificationsRepository,
  toNotificationView,
  type NotificationRow,
} from './notifications.repository';

/**
 * What a `deliver` job does: for each recipient, a notification (if they want it in the app, or it
 * is urgent), pushed live to their sockets, and an email by their preferences. Run again, it finds
 * the rows and emails of its key and adds nothing.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly notifications: NotificationsRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly recipients: NotificationRecipientsRepository,
    private readonly emails: EmailScheduler,
    private readonly push: NotificationPush,
  ) {}

  async deliver(job: DeliveryJobData): Promise<{ notified: number; emails: number }> {
    const urgent = job.urgent === true;
    const { created, followUps } = await this.tenantDb.transaction(job.tenantId, async (tx) => {
      // People gone from the tenant since the job was recorded are left out.
      const users = await this.recipients.users(tx, job.tenantId, [...new Set(job.userIds)]);
      const settings = await this.settings.findMany(
        tx,
        users.map((user) => user.id),
      );
      const created: NotificationRow[] = await this.notifications.insertMany(
        tx,
        users
          .filter((user) => urgent || settings.get(user.id)!.types[job.type].inApp)
          .map((user) => ({
            tenantId: job.tenantId,
            userId: user.id,
            type: job.type,
            key: job.key,
            title: job.title,
            body: job.body,
            data: job.data,
            actionUrl: job.actionUrl,
          })),
      );
      const followUps: EmailFollowUp[] = [];
      for (const user of users) {
        const followUp = await this.emails.claim(
          tx,
          { tenantId: job.tenantId, userId: user.id, settings: settings.get(user.id)! },
          {
            key: job.key,
            type: job.type,
            title: job.title,
            body: job.body,
            actionUrl: job.actionUrl,
            urgent,
          },
        );
        if (followUp) followUps.push(followUp);
      }
      return { created, followUps };
    });
    for (const row of created) this.push.created(row.userId, toNotificationView(row));
    await this.emails.enqueue(followUps);
    return { notified: created.length, emails: followUps.length };
  }
}
