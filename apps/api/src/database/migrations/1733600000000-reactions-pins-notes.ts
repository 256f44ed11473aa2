import type { MigrationInterface, QueryRunner } from 'typeorm';
import { wallTenantTable } from './1733000000000-tenant-wall';

/** The walled table this migration adds. */
export const REACTION_TABLES = ['message_reactions'];

/**
 * Reactions, pins and timeline notes: the rest of what a member sees change in a conversation.
 *
 * - `message_reactions`: one row per (message, emoji, person). A reaction added or taken back gives
 *   its message the conversation's next change number, so `sync` returns the message again with
 *   its reactions (the row's absence is the "taken back").
 * - `messages.pinned_at/pinned_by`: a pin is a state of the message, changed the same way.
 * - `messages.note`: a timeline note (renamed, added, removed, left) is a message the server writes,
 *   with a seq like any other, so it sits in the history where it happened and reaches an offline
 *   member by the seq cursor. Its body is empty (nothing to search); the note says what happened.
 * - `conversations.meta_change`: the change number of the latest rename or member change, so that
 *   `sync` knows to send the conversation's new title and members to a client behind it.
 */
export class ReactionsPinsNotes1733600000000 implements MigrationInterface {
  name = 'ReactionsPinsNotes1733600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages ADD COLUMN note jsonb`);
    await db.query(`ALTER TABLE messages ADD COLUMN pinned_at timestamptz`);
    await db.query(
      `ALTER TABLE messages ADD COLUMN pinned_by uuid REFERENCES users(id) ON DELETE SET NULL`,
    );
    // The pinned list of a conversation, newest pin first.
    await db.query(
      `CREATE INDEX messages_pinned_idx ON messages (conversation_id, pinned_at DESC) WHERE pinned_at IS NOT NULL`,
    );
    await db.query(`ALTER TABLE conversations ADD COLUMN meta_change bigint NOT NULL DEFAULT 0`);

    await db.query(`
      CREATE TABLE message_reactions (
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        emoji varchar(32) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, emoji, user_id)
      )`);
    await wallTenantTable(db, 'message_reactions');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE message_reactions`);
    await db.query(`ALTER TABLE conversations DROP COLUMN meta_change`);
    await db.query(`DROP INDEX messages_pinned_idx`);
    await db.query(`ALTER TABLE messages DROP COLUMN pinned_by`);
    await db.query(`ALTER TABLE messages DROP COLUMN pinned_at`);
    await db.query(`ALTER TABLE messages DROP COLUMN note`);
  }
}
