import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: a status text each person sets for others to see ("En intervention"), and deactivation
 * by an admin. A deactivated person cannot sign in or refresh; their row stays, so their messages
 * keep their author's name.
 */
export class PeopleStatus1733910000000 implements MigrationInterface {
  name = 'PeopleStatus1733910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN status_text varchar(140)`);
    await db.query(`ALTER TABLE users ADD COLUMN deactivated_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN deactivated_at`);
    await db.query(`ALTER TABLE users DROP COLUMN status_text`);
  }
}
