import type { Locale } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
}

/**
 * Who a notification goes to: people of the tenant (a conversation's are ConversationsReader's). Every
 * delivery (in-app row, socket push, email, digest) resolves its people through `users` when it
 * runs, not when its cause was recorded: someone deactivated since gets nothing.
 */
@Injectable()
export class NotificationRecipientsRepository {
  /** The active people of the tenant among `ids`: a deactivated person receives nothing. */
  users(tx: EntityManager, tenantId: string, ids: string[]): Promise<Recipient[]> {
    return tx.query(
      `SELECT id, email, display_name AS "displayName", locale FROM users
       WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND deactivated_at IS NULL`,
      [tenantId, ids],
    );
  }

  async everyoneBut(tx: EntityManager, tenantId: string, exceptId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM users
       WHERE tenant_id = $1 AND id <> $2 AND deactivated_at IS NULL ORDER BY id`,
      [tenantId, exceptId],
    );
    return rows.map((row) => row.id);
  }

  /** Display names by id, for the words of a notification. */
  async displayNames(tx: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; display_name: string }[] = await tx.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }
}
