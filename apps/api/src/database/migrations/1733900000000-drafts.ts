import type { MigrationInterface, QueryRunner } from 'typeorm';
import { wallTenantTable } from './1733000000000-tenant-wall';

/**
 * Drafts: the text a member typed in a conversation and has not sent yet, one per member and
 * conversation, kept on the server so that another device of theirs finds it. A send by that
 * member clears it (a trigger, so every way of sending does, in the send's own transaction).
 */
export class Drafts1733900000000 implements MigrationInterface {
  name = 'Drafts1733900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE conversation_drafts (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        body text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, user_id)
      )`);
    await wallTenantTable(db, 'conversation_drafts');
    await db.query(`
      CREATE FUNCTION clear_sender_draft() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM conversation_drafts
        WHERE conversation_id = NEW.conversation_id AND user_id = NEW.sender_id;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER messages_clear_sender_draft AFTER INSERT ON messages
      FOR EACH ROW EXECUTE FUNCTION clear_sender_draft()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER messages_clear_sender_draft ON messages`);
    await db.query(`DROP FUNCTION clear_sender_draft()`);
    await db.query(`DROP TABLE conversation_drafts`);
  }
}
