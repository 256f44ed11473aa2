import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { adminQuery, serverUrl } from '../test-database';

/**
 * The medium tier: services against a real PostgreSQL, without HTTP or sockets. One migrated
 * template database per run; each spec file copies it into a database of its own (fast: a file
 * copy on the server), so files never see each other's rows.
 */
export default async function globalSetup() {
  const template = `mindsp_medium_${Date.now()}_${process.pid}`;
  await adminQuery(`CREATE DATABASE "${template}"`);
  const db = await new DataSource(dataSourceOptions(serverUrl(template))).initialize();
  await db.runMigrations();
  await db.destroy();
  process.env.MEDIUM_TEMPLATE = template;
  process.env.REDIS_URL = process.env.TEST_REDIS_URL || 'redis://localhost:6379/13';
  process.env.JWT_SECRET = 'medium-secret-that-is-at-least-32-characters';
  process.env.NODE_ENV = 'test';
}
