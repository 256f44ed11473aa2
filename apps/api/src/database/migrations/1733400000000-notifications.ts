import type { MigrationInterface, QueryRunner } from 'typeorm';
import { wallTenantTable } from './1733000000000-tenant-wall';

/** The tables of notifications: each tenant-owned, so each behind the wall. */
export const NOTIFICATION_TABLES = [
  'notifications',
  'notification_settings',
  'notification_emails',
];

/**
 * Notifications, each user's notification settings, and the emails they caused. Every row names
 * its user and tenant; a user deleted takes their rows along.
 */
export class Notifications1733400000000 implements MigrationInterface {
  name = 'Notifications1733400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type varchar(16) NOT NULL,
        -- The cause (a delivery's key; a conversation's unread streak): a retried job finds its row.
        key text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        action_url text,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, key)
      )`);
    // The bell's page (newest first) and its unread count.
    await db.query(
      `CREATE INDEX notifications_page_idx ON notifications (user_id, created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        -- { [type]: { inApp, email } }: a type missing here takes the default (both on).
        types jsonb NOT NULL DEFAULT '{}',
        quiet_enabled boolean NOT NULL DEFAULT false,
        quiet_start varchar(5) NOT NULL DEFAULT '22:00',
        quiet_end varchar(5) NOT NULL DEFAULT '07:00',
        time_zone text NOT NULL DEFAULT 'Europe/Paris',
        email_digest varchar(8) NOT NULL DEFAULT 'off',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // One row per email a cause earned: the guard that makes it exactly one, and, with a digest,
    // what waits for the next summary (digest_batch null until a digest job takes it).
    await db.query(`
      CREATE TABLE notification_emails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key text NOT NULL,
        type varchar(16) NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        action_url text,
        urgent boolean NOT NULL DEFAULT false,
        in_digest boolean NOT NULL DEFAULT false,
        digest_batch text,
        -- Set once the SMTP server took it: a job run again (or added again) sends nothing more.
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, key)
      )`);
    await db.query(`
      CREATE INDEX notification_emails_digest_idx ON notification_emails (user_id)
      WHERE in_digest AND digest_batch IS NULL`);

    for (const table of NOTIFICATION_TABLES) await wallTenantTable(db, table);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...NOTIFICATION_TABLES].reverse()) await db.query(`DROP TABLE ${table}`);
  }
}
