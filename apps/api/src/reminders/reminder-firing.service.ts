import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database';
import { OutboxRepository } from '../outbox/outbox.repository';
import { type FireReminderJobData, reminderDelivery } from './reminder-jobs';
import { RemindersRepository } from './reminders.repository';

/** The worker's side of reminders: a `fire` job delivers its reminder, once. */
@Injectable()
export class ReminderFiringService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly reminders: RemindersRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  /**
   * Marks the reminder sent and records its delivery in one transaction. A reminder cancelled,
   * already sent (the job ran twice) or gone is "skipped": no error, so no retries.
   */
  fire({ tenantId, reminderId }: FireReminderJobData): Promise<'sent' | 'skipped'> {
    return this.tenantDb.transaction(tenantId, async (tx) => {
      const reminder = await this.reminders.markSent(tx, tenantId, reminderId);
      if (!reminder) return 'skipped';
      await this.outbox.record(tx, reminderDelivery(reminder));
      return 'sent';
    });
  }
}
