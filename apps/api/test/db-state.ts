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
  /**
   * The sum of a hash of each row as text: any change of content changes it, whatever the order.
   * An md5 of the rows sorted as text cost a sort of the whole table per look, and the fuzz looks
   * after every case: over a minute once earlier suites had filled the tables.
   */
  digest: string;
}

/** Every table of the database, its row count and a digest of its rows, in one query. */
export function databaseState(connection?: Client): Promise<Record<string, TableState>> {
  const read = async (client: Client) => {
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const { rows } = await client.query<TableState & { name: string }>(
      tables.rows
        .map(
          ({ tablename }) =>
            `SELECT '${tablename}' AS name, count(*)::int AS rows,
                    coalesce(sum(hashtext(x::text)::bigint), 0)::text AS digest FROM "${tablename}" x`,
        )
        .join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map(({ name, ...state }) => [name, state]));
  };
  return connection ? read(connection) : asOwner(read);
}
