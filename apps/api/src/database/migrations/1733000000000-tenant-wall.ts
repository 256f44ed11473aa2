import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose every row belongs to one tenant: row-level security keeps each tenant to its own. */
export const TENANT_TABLES = ['users', 'conversations', 'conversation_members', 'messages'];

/** Tables that got a tenant_id here, filled from the row they belong to. */
const DERIVED_TENANT = [
  { table: 'conversation_members', from: 'conversations', key: 'conversation_id' },
  { table: 'messages', from: 'conversations', key: 'conversation_id' },
  // Not walled (a refresh is looked up before its tenant is known), but it names the tenant to set.
  { table: 'refresh_tokens', from: 'users', key: 'user_id' },
];

/** The role the API and the worker run as: not a superuser and without BYPASSRLS. */
export const APP_ROLE = 'mindsp_app';

/**
 * Puts a table with a `tenant_id` column behind the wall. Every migration that adds a
 * tenant-owned table calls this (and adds the table to the list the wall test checks).
 */
export async function wallTenantTable(db: QueryRunner, table: string): Promise<void> {
  await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await db.query(`
    CREATE POLICY tenant_wall ON ${table}
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())`);
}

/**
 * The second wall between tenants (the first is the application's own checks): PostgreSQL
 * row-level security, FORCEd so that the tables' owner is held by it too, against the tenant set
 * per transaction (`app.tenant_id`). With no tenant set, a walled table shows no rows and takes none.
 */
export class TenantWall1733000000000 implements MigrationInterface {
  name = 'TenantWall1733000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION current_tenant_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$`);

    for (const { table, from, key } of DERIVED_TENANT) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN tenant_id uuid`);
      await db.query(
        `UPDATE ${table} t SET tenant_id = f.tenant_id FROM ${from} f WHERE f.id = t.${key}`,
      );
      await db.query(`ALTER TABLE ${table} ALTER COLUMN tenant_id SET NOT NULL`);
      // Always taken from the parent row as the inserting tenant sees it: a row can never claim a
      // tenant other than its parent's, and a parent of another tenant is invisible (NULL: refused).
      await db.query(`
        CREATE FUNCTION ${table}_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.tenant_id := (SELECT tenant_id FROM ${from} WHERE id = NEW.${key});
          RETURN NEW;
        END $$`);
      await db.query(`
        CREATE TRIGGER ${table}_tenant BEFORE INSERT OR UPDATE OF ${key} ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ${table}_tenant()`);
    }
    await db.query(`CREATE INDEX messages_tenant_idx ON messages (tenant_id)`);

    for (const table of TENANT_TABLES) await wallTenantTable(db, table);

    // Roles are per cluster: another database of the same server may have made it already.
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
        END IF;
      END $$`);
    await db.query(`GRANT ${APP_ROLE} TO CURRENT_USER`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await db.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`,
    );
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    // Tables of later migrations are the app's to use as well.
    await db.query(`
      ALTER DEFAULT PRIVILEGES IN SCHEMA public
      GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`,
    );
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await db.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    for (const table of TENANT_TABLES) {
      await db.query(`DROP POLICY tenant_wall ON ${table}`);
      await db.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await db.query(`DROP INDEX messages_tenant_idx`);
    for (const { table } of DERIVED_TENANT) {
      await db.query(`DROP TRIGGER ${table}_tenant ON ${table}`);
      await db.query(`DROP FUNCTION ${table}_tenant()`);
      await db.query(`ALTER TABLE ${table} DROP COLUMN tenant_id`);
    }
    await db.query(`DROP FUNCTION current_tenant_id()`);
  }
}
