import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search index takes each message's words at insert, not in a pending list. With GIN's
 * fastupdate (the default) inserts are cheap until the list passes gin_pending_list_limit; then one
 * send merges it all into the index, holding its conversation's row lock meanwhile: under steady
 * traffic that was a stall every few seconds, every conversation's sends queued behind it.
 */
export class SearchIndexNoPendingList1733930000000 implements MigrationInterface {
  name = 'SearchIndexNoPendingList1733930000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX messages_search_idx SET (fastupdate = off)`);
    // What is already pending goes into the index now.
    await db.query(`SELECT gin_clean_pending_list('messages_search_idx')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX messages_search_idx RESET (fastupdate)`);
  }
}
