import { Client } from 'pg';
import { serverUrl } from '../test-database';

/** Drops the template and every per-file copy of it. */
export default async function globalTeardown() {
  const template = process.env.MEDIUM_TEMPLATE;
  if (!template) return;
  const client = new Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${template}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
