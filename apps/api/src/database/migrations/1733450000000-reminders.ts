import type { MigrationInterface, QueryRunner } from 'typeorm';
import { wallTenantTable } from './1733000000000-tenant-wall';

/**
 * Reminders: a notification scheduled for a time (a delayed `fire` job, recorded in the outbox with
 * the row). The status is the guarantee: the job delivers only a reminder still `scheduled`, and
 * marks it `sent` in the same transaction, so a cancelled one never fires and none fires twice.
 */
export class Reminders1733450000000 implements MigrationInterface {
  name = 'Reminders1733450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- The conversation it is about (its members were the targets, or it is where it opens).
        conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
        type varchar(16) NOT NULL CHECK (type IN ('reminder', 'fmpa')),
        title varchar(100) NOT NULL,
        body text NOT NULL,
        remind_at timestamptz NOT NULL,
        -- Who is reminded, resolved when it was created (a bounded list: a group at most).
        user_ids uuid[] NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'sent', 'cancelled')),
        sent_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // "My reminders": those I set, and those set for me, by status and time.
    await db.query(
      `CREATE INDEX reminders_created_by_idx ON reminders (created_by, status, remind_at, id)`,
    );
    await db.query(`CREATE INDEX reminders_user_ids_idx ON reminders USING gin (user_ids)`);
    await wallTenantTable(db, 'reminders');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE reminders`);
  }
}
