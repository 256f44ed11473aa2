import type { MigrationInterface, QueryRunner } from 'typeorm';
import { wallTenantTable } from './1733000000000-tenant-wall';

/**
 * Urgent alerts and their recipients' answers. Everything an alert needs to go on after a restart
 * is here (and in its delayed `renotify` job): who answered, who was notified how many times, and
 * which re-notification round ran last.
 */
export class Alerts1733460000000 implements MigrationInterface {
  name = 'Alerts1733460000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        sender_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
        title varchar(100) NOT NULL,
        body text NOT NULL,
        -- The last notification round that ran (1: the first). Round n runs only from n - 1, so a
        -- re-notification job that runs twice notifies once.
        round integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, tenant_id)
      )`);
    await db.query(`
      CREATE TABLE alert_recipients (
        alert_id uuid NOT NULL,
        tenant_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        response varchar(16) CHECK (response IN ('received', 'available', 'unavailable')),
        responded_at timestamptz,
        -- Times they were notified, the first included.
        notified_count integer NOT NULL DEFAULT 1,
        PRIMARY KEY (alert_id, user_id),
        -- A recipient row always belongs to its alert's tenant.
        FOREIGN KEY (alert_id, tenant_id) REFERENCES alerts(id, tenant_id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX alert_recipients_user_idx ON alert_recipients (user_id)`);
    await wallTenantTable(db, 'alerts');
    await wallTenantTable(db, 'alert_recipients');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE alert_recipients`);
    await db.query(`DROP TABLE alerts`);
  }
}
