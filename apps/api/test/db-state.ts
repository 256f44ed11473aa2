import type { TestApp } from './app';

export interface TableState {
  rows: number;
  /** md5 of every row as text: an update changes it even when the count stays. */
  digest: string;
}

/** Every table of the database, its row count and a digest of its rows. */
export async function databaseState(t: TestApp): Promise<Record<string, TableState>> {
  const tables: { tablename: string }[] = await t.db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const state: Record<string, TableState> = {};
  for (const { tablename } of tables) {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS rows,
              md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest
       FROM "${tablename}" x`,
    );
    state[tablename] = row;
  }
  return state;
}
