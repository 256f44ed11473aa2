import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replies (a message names the one it answers) and each member's own state of a conversation:
 * muted, archived. New columns of tables already behind the tenant wall: their rows stay walled.
 * Mentions need no column: they are tokens in the body (see libs/contracts/src/replies.ts).
 */
export class RepliesMentionsMembership1733800000000 implements MigrationInterface {
  name = 'RepliesMentionsMembership1733800000000';

  async up(db: QueryRunner): Promise<void> {
    // No foreign key: a message is never removed (deleting keeps the row and its seq), and the
    // send checks that the original is of the same conversation.
    await db.query(`ALTER TABLE messages ADD COLUMN reply_to_id uuid`);
    await db.query(`
      ALTER TABLE conversation_members
        ADD COLUMN muted boolean NOT NULL DEFAULT false,
        -- Set when the member archived it; a new message in the conversation clears it.
        ADD COLUMN archived_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conversation_members DROP COLUMN muted, DROP COLUMN archived_at`);
    await db.query(`ALTER TABLE messages DROP COLUMN reply_to_id`);
  }
}
