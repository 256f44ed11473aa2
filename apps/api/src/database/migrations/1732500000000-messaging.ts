import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Messaging1732500000000 implements MigrationInterface {
  name = 'Messaging1732500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN last_seen_at timestamptz`);
    await db.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL CHECK (kind IN ('direct', 'group')),
        title varchar(100),
        -- "smallerUserId:largerUserId" for direct conversations: one per pair.
        direct_key varchar(80),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        -- The last seq handed out; bumped in the same transaction as the message insert.
        last_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT conversations_direct_unique UNIQUE (tenant_id, direct_key),
        CONSTRAINT conversations_group_title CHECK (kind = 'direct' OR title IS NOT NULL)
      )`);
    await db.query(`
      CREATE TABLE conversation_members (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- The read watermark: every message with seq <= last_read_seq is read by this member.
        last_read_seq bigint NOT NULL DEFAULT 0,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, user_id)
      )`);
    await db.query(
      `CREATE INDEX conversation_members_user_idx ON conversation_members (user_id, conversation_id)`,
    );

    // Full-text search that ignores accents ("reunion" finds "Réunion"), with French stemming.
    await db.query(`CREATE TEXT SEARCH CONFIGURATION mindsp_search (COPY = french)`);
    await db.query(`
      ALTER TEXT SEARCH CONFIGURATION mindsp_search
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem`);
    await db.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        sender_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        client_message_id varchar(64) NOT NULL,
        body text NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('mindsp_search', body)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        -- Pages and catch-up go by seq: this index serves them.
        CONSTRAINT messages_conversation_seq_unique UNIQUE (conversation_id, seq),
        -- Idempotent send: a retry with the same clientMessageId finds the original.
        CONSTRAINT messages_sender_client_id_unique UNIQUE (sender_id, client_message_id)
      )`);
    await db.query(`CREATE INDEX messages_search_idx ON messages USING gin (search_vector)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE messages`);
    await db.query(`DROP TEXT SEARCH CONFIGURATION mindsp_search`);
    await db.query(`DROP TABLE conversation_members`);
    await db.query(`DROP TABLE conversations`);
    await db.query(`ALTER TABLE users DROP COLUMN last_seen_at`);
  }
}
