import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  type RunningApi,
  type RunningProcess,
  answers,
  apiMain,
  startApi,
  startProcess,
} from './api-process';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    loginLimitPerEmail: number;
    /** The run's database, for the tests to make people of their own (fresh-people.ts). */
    databaseUrl: string;
    /** The API's environment in this run (beside the runner's own), for a test's own instance. */
    apiEnv: Record<string, string>;
  }
}

const workspaceRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const apiWorker = resolve(workspaceRoot, 'apps/api/dist/worker.js');
const apiCli = resolve(workspaceRoot, 'apps/api/dist/cli.js');
const webDist = resolve(workspaceRoot, 'apps/web/dist');

// Overridable so that two checkouts can run their browser tests side by side.
const PORT = Number(process.env.WEB_E2E_PORT ?? 3199);
const BASE_URL = `http://localhost:${PORT}`;
const LOGIN_LIMIT_PER_EMAIL = 3;

/**
 * Starts the built API on a fresh database (migrated and seeded with the demo tenants) and
 * serving the built SPA, and a queue worker (notifications, announcements and probes are its
 * jobs), so the browser tests run the product as it ships.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const [file, build] of [
    [apiMain, 'pnpm nx run api:build'],
    [apiWorker, 'pnpm nx run api:build'],
    [apiCli, 'pnpm nx run api:build'],
    [resolve(webDist, 'index.html'), 'pnpm nx run web:build'],
  ]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run \`${build}\` first (or \`pnpm nx run web:e2e\`).`);
  }
  if (await answers(`${BASE_URL}/api/health`)) {
    throw new Error(
      `Something already listens on port ${PORT}; stop it before running the browser tests.`,
    );
  }

  const database = await createDatabase();
  // Attachments of the run go to a folder of their own, removed with the database.
  const filesDir = mkdtempSync(join(tmpdir(), 'mindsp-web-e2e-files-'));
  const apiEnv: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: String(PORT),
    DATABASE_URL: database.url,
    REDIS_URL: process.env.WEB_E2E_REDIS_URL ?? 'redis://localhost:6379/14',
    WEB_DIST: webDist,
    JWT_SECRET: 'e2e-secret-at-least-32-characters-long!!',
    // Failed logins are counted in Redis, which outlives this database: a small per-account
    // limit lets a test reach 429 quickly, and a large per-IP one keeps repeated runs from
    // locking every account out of 127.0.0.1.
    LOGIN_LIMIT_PER_EMAIL: String(LOGIN_LIMIT_PER_EMAIL),
    LOGIN_LIMIT_PER_IP: '1000',
    // Every test sends what it needs, in any order: the per-person sending rate must not make
    // one test depend on how much the tests before it sent.
    MESSAGE_RATE_LIMIT: '1000',
    // The same for alerts, reminders and announcements (their limits have API tests of their own).
    ALERT_LIMIT_PER_USER: '1000',
    ALERT_LIMIT_PER_TENANT: '1000',
    REMINDER_LIMIT_PER_USER: '1000',
    REMINDER_LIMIT_PER_TENANT: '1000',
    ANNOUNCEMENT_LIMIT_PER_USER: '1000',
    ANNOUNCEMENT_LIMIT_PER_TENANT: '1000',
    // A message's notifications for the absent at once, not after the default grace.
    MESSAGE_NOTIFY_DELAY: '0',
    FILES_DIR: filesDir,
  };
  const env: NodeJS.ProcessEnv = { ...process.env, ...apiEnv };

  let api: RunningApi | undefined;
  let worker: RunningProcess | undefined;
  const teardown = async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await database.drop();
    rmSync(filesDir, { recursive: true, force: true });
  };

  try {
    await runCli(['prepare'], env);
    // Jobs left in this Redis database by an earlier run belong to tenants that no longer exist.
    await flushRedis(env.REDIS_URL!);
    api = startApi(env, BASE_URL);
    worker = startProcess(apiWorker, env);
    await api.ready();
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide('baseUrl', BASE_URL);
  project.provide('loginLimitPerEmail', LOGIN_LIMIT_PER_EMAIL);
  project.provide('databaseUrl', database.url);
  project.provide('apiEnv', apiEnv);
  return teardown;
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = new URL(
    process.env.DATABASE_URL ?? 'postgres://postgres@localhost:5432/mindsp',
  );
  const name = `mindsp_web_e2e_${Date.now()}`;
  // CREATE/DROP DATABASE cannot target the database we are connected to: use the maintenance one.
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';

  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    drop: () =>
      withClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => undefined),
  };
}

async function withClient<T>(url: URL, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${url.host} (from DATABASE_URL): ${String(error)}`,
      { cause: error },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [apiCli, ...args], {
      cwd: workspaceRoot,
      env,
      timeout: 60_000,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `\`node apps/api/dist/cli.js ${args.join(' ')}\` failed:\n${stderr || stdout || String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Empties the browser tests' Redis database. Queue job ids are deterministic (`outbox-<id>`, ...):
 * a job id left by an earlier run would make BullMQ skip this run's job with the same id.
 */
async function flushRedis(redisUrl: string): Promise<void> {
  const url = new URL(redisUrl);
  const database = Number(url.pathname.slice(1) || '0');
  await new Promise<void>((done, fail) => {
    const socket = connect(Number(url.port || 6379), url.hostname);
    let replies = '';
    socket.setTimeout(5_000, () =>
      socket.destroy(new Error(`Redis at ${url.host} did not answer`)),
    );
    socket.on('error', fail);
    socket.on('data', (chunk) => {
      replies += chunk.toString();
      if (replies.includes('-')) socket.destroy(new Error(`Redis refused: ${replies.trim()}`));
      else if (replies.split('+OK').length - 1 === 2) socket.end(done);
    });
    socket.write(`SELECT ${database}\r\nFLUSHDB\r\n`);
  });
}
