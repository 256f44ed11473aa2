import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Gathered } from '../common/gathered';
import { TenantDatabase } from '../database/tenant-database';
import type { DeliveryJobData } from './notification-delivery';
import {
  NOTIFICATION_CHANNELS,
  type ChannelName,
  type Notice,
  type NotificationChannel,
} from './notification-channel';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { NotificationSettingsRepository } from './notification-settings.repository';

export interface DeliveryOutcome {
  notified: number;
  emails: number;
}

/** What a delivery did per channel, and what it does once its transaction commits. */
export interface Delivered {
  byChannel: Map<ChannelName, { key: string; userId: string }[]>;
  afterCommit: () => Promise<void>;
}

/**
 * How long a delivery waits for the others the worker is running at the same moment (up to
 * QUEUE_CONCURRENCY): they share one transaction.
 */
const GATHER_MS = 2;

/**
 * The one path of every notification, whatever its cause (a `deliver` job of reminders, alerts,
 * announcements and mentions; a message's unread streak; a delayed email check): each notice goes,
 * for an active person only, through each channel (NOTIFICATION_CHANNELS) by their preferences.
 * Run again, it finds the rows and emails of its keys and adds nothing.
 *
 * `deliver` jobs of one moment and tenant are done in one transaction, with one statement per
 * table: one each cost a PostgreSQL commit and five round trips, and `pnpm bench` counted 215
 * single-recipient jobs/s beside 2,930 for a bare BullMQ worker. A batch that fails is retried job
 * by job (Gathered), so a bad job fails alone.
 */
export interface EmailCheckOutcome {
  emailed: boolean;
  reason?: string;
}

@Injectable()
export class DeliveryService {
  private readonly gathered = new Gathered<DeliveryJobData, DeliveryOutcome>(
    GATHER_MS,
    (tenantId, jobs) => this.deliverTogether(tenantId, jobs),
  );

  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly settings: NotificationSettingsRepository,
    private readonly recipients: NotificationRecipientsRepository,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  /** A `deliver` job: its notice for each of its people. */
  deliver(job: DeliveryJobData): Promise<DeliveryOutcome> {
    return this.gathered.add(job.tenantId, job);
  }

  /**
   * Records `notices` in `tx`, through every channel each asks for; call `afterCommit` once `tx`
   * committed (pushes, emails queued). People gone from the tenant since the cause are left out.
   */
  async record(tx: EntityManager, tenantId: string, notices: Notice[]): Promise<Delivered> {
    const users = await this.recipients.users(tx, tenantId, [
      ...new Set(notices.map((notice) => notice.userId)),
    ]);
    const settings = await this.settings.findMany(
      tx,
      users.map((user) => user.id),
    );
    const addressed = notices
      .filter((notice) => settings.has(notice.userId))
      .map((notice) => ({ notice, settings: settings.get(notice.userId)! }));
    const byChannel = new Map<ChannelName, { key: string; userId: string }[]>();
    const after: (() => Promise<void> | void)[] = [];
    for (const channel of this.channels) {
      const mine = addressed.filter(
        ({ notice }) => !notice.channels || notice.channels.includes(channel.name),
      );
      if (!mine.length) continue;
      const outcome = await channel.record(tx, mine);
      byChannel.set(channel.name, outcome.delivered);
      after.push(outcome.afterCommit);
    }
    return {
      byChannel,
      afterCommit: async () => {
        for (const run of after) await run();
      },
    };
  }

  /**
   * A delayed email check (a message streak's, a mention streak's): `decide` answers, in one
   * transaction, why no email is owed any more, or the one notice to email. Sent by the person's
   * preferences for the notice's type.
   */
  async emailIfStillOwed(
    tenantId: string,
    decide: (tx: EntityManager) => Promise<Omit<Notice, 'channels'> | string>,
  ): Promise<EmailCheckOutcome> {
    let type = '';
    const delivered = await this.tenantDb.transaction(tenantId, async (tx) => {
      const notice = await decide(tx);
      if (typeof notice === 'string') return notice;
      type = notice.type;
      return this.record(tx, tenantId, [{ ...notice, channels: ['email'] }]);
    });
    if (typeof delivered === 'string') return { emailed: false, reason: delivered };
    await delivered.afterCommit();
    if (!delivered.byChannel.get('email')?.length)
      return { emailed: false, reason: `email off for ${type}` };
    return { emailed: true };
  }

  /** `record` in a transaction of its own, then what follows its commit. */
  async deliverNow(tenantId: string, notices: Notice[]): Promise<Delivered> {
    const delivered = await this.tenantDb.transaction(tenantId, (tx) =>
      this.record(tx, tenantId, notices),
    );
    await delivered.afterCommit();
    return delivered;
  }

  private async deliverTogether(
    tenantId: string,
    jobs: DeliveryJobData[],
  ): Promise<DeliveryOutcome[]> {
    const notices = jobs.flatMap((job) =>
      [...new Set(job.userIds)].map((userId): Notice => ({
        tenantId,
        userId,
        type: job.type,
        key: job.key,
        title: job.title,
        body: job.body,
        data: job.data,
        actionUrl: job.actionUrl,
        urgent: job.urgent === true,
        // Mentions are emailed apart, one email per unread streak (MentionNotificationsService).
        ...(job.inAppOnly && { channels: ['inApp'] as const }),
      })),
    );
    const { byChannel } = await this.deliverNow(tenantId, notices);
    // Keys are unique per cause: what a job did is what carries its key.
    const count = (channel: ChannelName, key: string) =>
      (byChannel.get(channel) ?? []).filter((done) => done.key === key).length;
    return jobs.map((job) => ({
      notified: count('inApp', job.key),
      emails: count('email', job.key),
    }));
  }
}
