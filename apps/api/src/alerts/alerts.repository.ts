import type { AlertResponse } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Alert, AlertRecipient } from './alert.entity';

export interface NewAlert {
  tenantId: string;
  senderId: string;
  conversationId: string | null;
  title: string;
  body: string;
}

/** A recipient with the name they are shown by. */
export type RecipientRow = AlertRecipient & { displayName: string };

/**
 * The SQL of alerts and their recipients. Every method takes the transaction of TenantDatabase
 * (row-level security holds it to one tenant) and names its tenant.
 */
@Injectable()
export class AlertsRepository {
  insert(tx: EntityManager, alert: NewAlert): Promise<Alert> {
    const repository = tx.getRepository(Alert);
    return repository.save(repository.create({ ...alert, round: 1 }));
  }

  async insertRecipients(
    tx: EntityManager,
    { tenantId, alertId, userIds }: { tenantId: string; alertId: string; userIds: string[] },
  ) {
    await tx
      .getRepository(AlertRecipient)
      .insert(userIds.map((userId) => ({ tenantId, alertId, userId, notifiedCount: 1 })));
  }

  find(tx: EntityManager, tenantId: string, id: string): Promise<Alert | null> {
    return tx.getRepository(Alert).findOneBy({ tenantId, id });
  }

  /** Every recipient with their answer, by name. */
  async recipients(tx: EntityManager, tenantId: string, alertId: string): Promise<RecipientRow[]> {
    const rows: {
      user_id: string;
      display_name: string;
      response: AlertResponse | null;
      responded_at: Date | null;
      notified_count: number;
    }[] = await tx.query(
      `SELECT r.user_id, u.display_name, r.response, r.responded_at, r.notified_count
       FROM alert_recipients r JOIN users u ON u.id = r.user_id
       WHERE r.alert_id = $1 AND r.tenant_id = $2
       ORDER BY u.display_name, r.user_id`,
      [alertId, tenantId],
    );
    return rows.map((row) => ({
      alertId,
      tenantId,
      userId: row.user_id,
      displayName: row.display_name,
      response: row.response,
      respondedAt: row.responded_at,
      notifiedCount: row.notified_count,
    }));
  }

  /** Records (or replaces) a recipient's answer; null when they are not a recipient. */
  async answer(
    tx: EntityManager,
    a: { tenantId: string; alertId: string; userId: string; response: AlertResponse },
  ): Promise<Date | null> {
    const [rows]: [{ responded_at: Date }[], number] = await tx.query(
      `UPDATE alert_recipients SET response = $4, responded_at = clock_timestamp()
       WHERE alert_id = $1 AND user_id = $2 AND tenant_id = $3
       RETURNING responded_at`,
      [a.alertId, a.userId, a.tenantId, a.response],
    );
    return rows[0]?.responded_at ?? null;
  }

  /**
   * Moves the alert from round `round - 1` to `round` and returns it; null when that round already
   * ran (its job ran twice) or the alert is gone. The row lock makes two runs take turns.
   */
  async advanceRound(
    tx: EntityManager,
    { tenantId, alertId, round }: { tenantId: string; alertId: string; round: number },
  ): Promise<Alert | null> {
    const [, updated]: [unknown, number] = await tx.query(
      `UPDATE alerts SET round = $3 WHERE id = $1 AND tenant_id = $2 AND round = $3 - 1`,
      [alertId, tenantId, round],
    );
    return updated ? this.find(tx, tenantId, alertId) : null;
  }

  /**
   * Counts one more notification for those who have not answered, and returns who they are. A
   * recipient deactivated since is not waited for: no round goes on for them.
   */
  async countRenotified(tx: EntityManager, tenantId: string, alertId: string): Promise<string[]> {
    const [rows]: [{ user_id: string }[], number] = await tx.query(
      `UPDATE alert_recipients r SET notified_count = notified_count + 1
       FROM users u
       WHERE r.alert_id = $1 AND r.tenant_id = $2 AND r.response IS NULL
         AND u.id = r.user_id AND u.deactivated_at IS NULL
       RETURNING r.user_id`,
      [alertId, tenantId],
    );
    return rows.map((row) => row.user_id).sort();
  }
}
