import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1732400000000 implements MigrationInterface {
  name = 'Foundation1732400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes and search configurations use it.
    await db.query(`
      CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await db.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar NOT NULL UNIQUE,
        name varchar NOT NULL
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        email varchar NOT NULL,
        display_name varchar NOT NULL,
        password_hash varchar NOT NULL,
        role varchar(16) NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'member')),
        locale varchar(8) NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_tenant_email_unique UNIQUE (tenant_id, email)
      )`);
    await db.query(`CREATE INDEX users_tenant_name_idx ON users (tenant_id, display_name, id)`);
    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        secret_hash varchar NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await db.query(`CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE refresh_tokens`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE tenants`);
    await db.query(`DROP FUNCTION immutable_unaccent(text)`);
  }
}
