import type { MigrationInterface, QueryRunner } from 'typeorm';
import { wallTenantTable } from './1733000000000-tenant-wall';

/**
 * Files attached to messages. A row is made at upload (message_id NULL), claimed by the send that
 * names it, and deleted with its message; the bytes live in the file storage under `storage_key`.
 * The message keeps a copy of its attachments' views (`messages.attachments`), so every path that
 * reads messages (pages, sync, changes, the conversation list) carries them without a join.
 */
export class Attachments1733700000000 implements MigrationInterface {
  name = 'Attachments1733700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE message_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        uploader_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        message_id uuid REFERENCES messages (id) ON DELETE CASCADE,
        name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        storage_key text NOT NULL,
        thumbnail_key text,
        width integer,
        height integer,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The tenant is always the conversation's, as for messages: a row cannot claim another.
    await db.query(`
      CREATE FUNCTION message_attachments_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.tenant_id := (SELECT tenant_id FROM conversations WHERE id = NEW.conversation_id);
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER message_attachments_tenant BEFORE INSERT OR UPDATE OF conversation_id
      ON message_attachments FOR EACH ROW EXECUTE FUNCTION message_attachments_tenant()`);
    await db.query(
      `CREATE INDEX message_attachments_message_idx ON message_attachments (message_id)`,
    );
    // The purge of uploads never sent looks for old unclaimed rows only.
    await db.query(`
      CREATE INDEX message_attachments_unsent_idx ON message_attachments (created_at)
      WHERE message_id IS NULL`);
    await wallTenantTable(db, 'message_attachments');
    await db.query(`ALTER TABLE messages ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages DROP COLUMN attachments`);
    await db.query(`DROP TABLE message_attachments`);
    await db.query(`DROP FUNCTION message_attachments_tenant()`);
  }
}
