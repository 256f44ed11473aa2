import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every send clears `archived_at` for the members who archived the conversation. Without an index
 * that statement walked all of a group's member rows (5,000 in a service-wide group) per message;
 * with this partial one it reads only the archived few.
 */
export class ArchivedMembersIndex1733920000000 implements MigrationInterface {
  name = 'ArchivedMembersIndex1733920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX conversation_members_archived ON conversation_members (conversation_id)
      WHERE archived_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX conversation_members_archived`);
  }
}
