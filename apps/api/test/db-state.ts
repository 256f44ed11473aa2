import { Client } from 'pg';

/*
 * Reads the database as its owner (the superuser of the run's database), beside the app's own
 * connections: row-level security holds the app role to one tenant per transaction, and these
 * checks must see every row of every tenant.
 */

/** A connection as the owner; the caller ends it. */
export async function ownerConnection(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

async function asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = await ownerConnection();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function ownerQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []) {
  return asOwner(async (client) => (await client.query(sql, params)).rows as T[]);
}

export interface TableState {
  rows: number;
  /** md5 of every row as text: an update changes it even when the count stays. */
  digest: string;
}

/** Every table of the database, its row count and a digest of its rows. */
export function databaseState(connection?: Client): Promise<Record<string, TableState>> {
  const read = async (client: Client) => {
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const state: Record<string, TableState> = {};
    for (const { tablename } of tables.rows) {
      const { rows } = await client.query<TableState>(
        `SELECT count(*)::int AS rows,
                md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest
         FROM "${tablename}" x`,
      );
      state[tablename] = rows[0]!;
    }
    return state;
  };
  return connection ? read(connection) : asOwner(read);
}
