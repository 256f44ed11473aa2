import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each conversation counts its changes (`last_change`): a message sent, edited or deleted takes the
 * next value, stored on the message as `change_seq`. A client that holds a conversation up to change
 * N asks for the messages with `change_seq > N`: it gets what changed while it was away (edits,
 * deletions) as well as what is new. The state of each message is its latest change, so nothing
 * needs compacting: an old change is simply overwritten by the next.
 */
export class ChangeStream1733500000000 implements MigrationInterface {
  name = 'ChangeStream1733500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conversations ADD COLUMN last_change bigint NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE messages ADD COLUMN change_seq bigint`);
    // Existing messages: their seq is a valid change number (ascending, at most last_seq).
    await db.query(`UPDATE messages SET change_seq = seq`);
    await db.query(`UPDATE conversations SET last_change = last_seq`);
    await db.query(`ALTER TABLE messages ALTER COLUMN change_seq SET NOT NULL`);
    // Rows written by other means than a send (fixtures, bench baselines) count as never changed:
    // they still come to a client by their seq.
    await db.query(`ALTER TABLE messages ALTER COLUMN change_seq SET DEFAULT 0`);
    await db.query(
      `CREATE INDEX messages_conversation_change_idx ON messages (conversation_id, change_seq)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX messages_conversation_change_idx`);
    await db.query(`ALTER TABLE messages DROP COLUMN change_seq`);
    await db.query(`ALTER TABLE conversations DROP COLUMN last_change`);
  }
}
