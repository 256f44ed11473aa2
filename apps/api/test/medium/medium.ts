import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../src/common/authenticated-user';
import { ConfigModule } from '../../src/config/config.module';
import { dataSourceOptions } from '../../src/database/data-source';
import { DatabaseModule } from '../../src/database/database.module';
import { APP_ROLE } from '../../src/database/migrations/1733000000000-tenant-wall';
import { RealtimeModule } from '../../src/realtime/realtime.module';
import { RedisModule } from '../../src/redis/redis.module';
import { adminQuery, serverUrl } from '../test-database';

export interface MediumSuite {
  module: TestingModule;
  /** The tables' owner, for fixtures and for checking what was really stored. */
  owner: DataSource;
  get<T>(type: new (...args: never[]) => T): T;
}

/**
 * For one spec file: a database of its own (a copy of the migrated template) and the given feature
 * modules built on it, as the app role, with their real providers, PostgreSQL and Redis; no HTTP,
 * no sockets (the realtime server is not attached, so pushes go nowhere).
 */
export function mediumSuite(imports: ModuleMetadata['imports']): () => MediumSuite {
  let suite: MediumSuite | undefined;
  beforeAll(async () => {
    const name = `${process.env.MEDIUM_TEMPLATE}_${randomUUID().slice(0, 8)}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${process.env.MEDIUM_TEMPLATE}"`);
    // The modules connect as the app role, as the API does once it runs as one: row-level security
    // holds them to the tenant of each transaction, and shows them nothing outside one.
    const ownerUrl = serverUrl(name);
    process.env.DATABASE_URL = `${ownerUrl}?options=${encodeURIComponent(`-c role=${APP_ROLE}`)}`;
    const module = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, RealtimeModule, ...(imports ?? [])],
    }).compile();
    await module.init();
    const owner = await new DataSource(dataSourceOptions(ownerUrl)).initialize();
    suite = { module, owner, get: (type) => module.get(type) };
  });
  afterAll(async () => {
    await suite?.owner.destroy();
    await suite?.module.close();
  });
  return () => {
    if (!suite) throw new Error('mediumSuite is used before its beforeAll ran');
    return suite;
  };
}

/** A tenant of its own with people in it (the first is its admin), straight into the database. */
export async function seedTenant(owner: DataSource, ...names: string[]) {
  const slug = `m-${randomUUID().slice(0, 8)}`;
  const [tenant] = await owner.query(
    `INSERT INTO tenants (slug, name) VALUES ($1, $1) RETURNING id`,
    [slug],
  );
  const people: AuthenticatedUser[] = [];
  for (const [i, name] of names.entries()) {
    const role = i === 0 ? 'admin' : 'member';
    const [user] = await owner.query(
      `INSERT INTO users (tenant_id, email, display_name, password_hash, role)
       VALUES ($1, $2, $3, 'not-a-hash', $4) RETURNING id`,
      [tenant.id, `${name.toLowerCase()}@${slug}.test`, name, role],
    );
    people.push({ id: user.id, tenantId: tenant.id, role });
  }
  return people;
}
