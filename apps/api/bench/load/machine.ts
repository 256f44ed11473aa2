import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type Redis from 'ioredis';
import { withClient } from './database';
import { API_DIR } from './processes';
import type { Machine } from './report';

/** What the figures were measured on: they mean little without it. */
export async function machine(dbUrl: string, redis: Redis): Promise<Machine> {
  const postgres = await withClient(
    { connectionString: dbUrl },
    async (db) => (await db.query('SHOW server_version')).rows[0].server_version,
  );
  const info = await redis.info('server');
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? '?',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
    os: `${type()} ${release()}`,
    node: process.version,
    postgres: `PostgreSQL ${postgres}`,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?',
    socketIo: JSON.parse(readFileSync(join(API_DIR, 'node_modules/socket.io/package.json'), 'utf8'))
      .version,
  };
}
