import 'reflect-metadata';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { seedDemo } from '../src/seed';
import { adminQuery, serverUrl } from './test-database';

/** A database of its own for this run, migrated and seeded; a Redis db of its own, emptied. */
export default async function globalSetup() {
  const name = `mindsp_test_${Date.now()}_${process.pid}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  process.env.TEST_DATABASE_NAME = name;
  process.env.DATABASE_URL = serverUrl(name);
  process.env.REDIS_URL = process.env.TEST_REDIS_URL || 'redis://localhost:6379/15';
  process.env.JWT_SECRET = 'test-secret-that-is-at-least-32-characters';
  process.env.NODE_ENV = 'test';
  // Notifications of messages at once: tests wait for them (notification-faults checks the delay).
  process.env.MESSAGE_NOTIFY_DELAY = '0';
  // Suites make hundreds of requests per user per minute; the limit itself has its own test.
  process.env.REQUEST_LIMIT = '100000';
  // Likewise alerts, reminders, announcements and probes: floods.e2e-spec tests their limits.
  for (const name of ['ALERT', 'REMINDER', 'ANNOUNCEMENT'])
    for (const scope of ['USER', 'TENANT']) process.env[`${name}_LIMIT_PER_${scope}`] = '100000';
  process.env.PROBE_LIMIT_PER_TENANT = '100000';

  const db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL)).initialize();
  await db.runMigrations();
  await seedDemo(db);
  await db.destroy();

  const redis = new Redis(process.env.REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
}
