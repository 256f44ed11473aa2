import { Client } from 'pg';

/** The server tests create their databases on: DATABASE_URL's, with the database name swapped. */
export function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@localhost:5432/mindsp');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
