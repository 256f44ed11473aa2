import type { ReminderType } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ReminderStatus, Reminder } from './reminder.entity';

export interface NewReminder {
  tenantId: string;
  createdBy: string;
  conversationId: string | null;
  type: ReminderType;
  title: string;
  body: string;
  remindAt: Date;
  userIds: string[];
}

export interface ReminderPageInput {
  tenantId: string;
  userId: string;
  status: ReminderStatus;
  /** Rows to read: one more than the page, to tell whether another follows. */
  limit: number;
  /** The last row of the previous page: remind_at as PostgreSQL wrote it, id. */
  after?: [string, string];
}

/** A reminder row with its sort key as PostgreSQL wrote it (microseconds kept for the cursor). */
export type ReminderRow = Reminder & { remindKey: string };

/**
 * The SQL of reminders. Every method takes the transaction of TenantDatabase (row-level security
 * holds it to one tenant) and names its tenant.
 */
@Injectable()
export class RemindersRepository {
  insert(tx: EntityManager, reminder: NewReminder): Promise<Reminder> {
    const repository = tx.getRepository(Reminder);
    return repository.save(repository.create({ ...reminder, status: 'scheduled' }));
  }

  /**
   * The reminders a user set or is reminded by: `scheduled` soonest first, the others most recent
   * first (keyset on remind_at, id).
   */
  async page(
    tx: EntityManager,
    { tenantId, userId, status, limit, after }: ReminderPageInput,
  ): Promise<ReminderRow[]> {
    const upcoming = status === 'scheduled';
    const order = upcoming ? 'ASC' : 'DESC';
    const qb = tx
      .getRepository(Reminder)
      .createQueryBuilder('r')
      .addSelect('r.remind_at::text', 'remind_key')
      .where('r.tenant_id = :tenantId AND r.status = :status', { tenantId, status })
      .andWhere('(r.created_by = :userId OR r.user_ids @> ARRAY[:userId]::uuid[])', { userId });
    if (after) {
      qb.andWhere(
        `(r.remind_at, r.id) ${upcoming ? '>' : '<'} (:afterAt::timestamptz, :afterId::uuid)`,
        { afterAt: after[0], afterId: after[1] },
      );
    }
    const { entities, raw } = await qb
      .orderBy('r.remind_at', order)
      .addOrderBy('r.id', order)
      .limit(limit)
      .getRawAndEntities<{ remind_key: string }>();
    return entities.map((entity, i) => Object.assign(entity, { remindKey: raw[i]!.remind_key }));
  }

  /** A reminder the user may see: set by them or for them, or any of the tenant's for an admin. */
  findVisible(
    tx: EntityManager,
    {
      tenantId,
      id,
      userId,
      asAdmin,
    }: { tenantId: string; id: string; userId: string; asAdmin: boolean },
  ): Promise<Reminder | null> {
    const qb = tx
      .getRepository(Reminder)
      .createQueryBuilder('r')
      .where('r.id = :id AND r.tenant_id = :tenantId', { id, tenantId });
    if (!asAdmin) {
      qb.andWhere('(r.created_by = :userId OR r.user_ids @> ARRAY[:userId]::uuid[])', { userId });
    }
    return qb.getOne();
  }

  /** Cancels a reminder still scheduled; false when it was sent (or cancelled) first. */
  async cancel(tx: EntityManager, tenantId: string, id: string): Promise<boolean> {
    const result = await tx
      .getRepository(Reminder)
      .update(
        { id, tenantId, status: 'scheduled' },
        { status: 'cancelled', cancelledAt: () => 'now()' },
      );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Marks a scheduled reminder sent and returns it; null when it is gone, cancelled or already sent.
   * The row lock orders it with a cancellation: exactly one of them wins.
   */
  async markSent(tx: EntityManager, tenantId: string, id: string): Promise<Reminder | null> {
    const [, updated]: [unknown, number] = await tx.query(
      `UPDATE reminders SET status = 'sent', sent_at = now()
       WHERE id = $1 AND tenant_id = $2 AND status = 'scheduled'`,
      [id, tenantId],
    );
    return updated ? tx.getRepository(Reminder).findOneBy({ id, tenantId }) : null;
  }
}
