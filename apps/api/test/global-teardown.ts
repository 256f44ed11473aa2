import { adminQuery } from './test-database';

export default async function globalTeardown() {
  const name = process.env.TEST_DATABASE_NAME;
  if (name) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
