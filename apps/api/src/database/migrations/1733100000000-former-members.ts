import type { MigrationInterface, QueryRunner } from 'typeorm';
import { wallTenantTable } from './1733000000000-tenant-wall';

/** Receipts count each person only for the messages sent while they were a member (issue 6.7). */
export class FormerMembers1733100000000 implements MigrationInterface {
  name = 'FormerMembers1733100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE conversation_members
        -- The conversation's last_seq when they joined; 0 for the founding members.
        ADD COLUMN joined_after_seq bigint NOT NULL DEFAULT 0`);
    // Members added before this column: the last message sent before they joined.
    await db.query(`
      UPDATE conversation_members m SET joined_after_seq = coalesce(
        (SELECT max(seq) FROM messages
         WHERE conversation_id = m.conversation_id AND created_at < m.joined_at), 0)`);

    // A table of its own, so that every membership query stays about current members only.
    await db.query(`
      CREATE TABLE conversation_former_members (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL,
        joined_after_seq bigint NOT NULL,
        -- The conversation's last_seq when they left: they were there for (joined_after_seq, left_at_seq].
        left_at_seq bigint NOT NULL,
        -- Their read watermark, frozen when they left.
        last_read_seq bigint NOT NULL,
        left_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, user_id)
      )`);
    // As for members: the tenant is always the conversation's, as the writing tenant sees it.
    await db.query(`
      CREATE FUNCTION conversation_former_members_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.tenant_id := (SELECT tenant_id FROM conversations WHERE id = NEW.conversation_id);
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER conversation_former_members_tenant
      BEFORE INSERT OR UPDATE OF conversation_id ON conversation_former_members
      FOR EACH ROW EXECUTE FUNCTION conversation_former_members_tenant()`);
    await wallTenantTable(db, 'conversation_former_members');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE conversation_former_members`);
    await db.query(`DROP FUNCTION conversation_former_members_tenant()`);
    await db.query(`ALTER TABLE conversation_members DROP COLUMN joined_after_seq`);
  }
}
