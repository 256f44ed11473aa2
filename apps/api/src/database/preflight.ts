import Redis from 'ioredis';
import { Client } from 'pg';
import type { AppConfig } from '../config/config';

/** A dependency we cannot reach: says which, where we looked and how to start it. */
export class UnreachableServiceError extends Error {}

const HOW_TO_START = {
  PostgreSQL:
    'Start it with `docker compose -f docker/compose.yaml up -d postgres` (or `pg_ctlcluster 15 main start` on Debian), or point DATABASE_URL at a running server.',
  Redis:
    'Start it with `docker compose -f docker/compose.yaml up -d redis` (or `redis-server --daemonize yes`), or point REDIS_URL at a running server.',
};

/** The URL as it is safe to print: the password masked. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable url)';
  }
}

function unreachable(service: keyof typeof HOW_TO_START, url: string, cause: unknown): never {
  const reason = cause instanceof Error ? cause.message || cause.name : String(cause);
  throw new UnreachableServiceError(
    `Cannot reach ${service} at ${maskUrl(url)} (${reason}).\n${HOW_TO_START[service]}`,
  );
}

const DATABASE_MISSING = '3D000';

async function connectPostgres(url: string, timeoutSeconds: number): Promise<Client> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutSeconds * 1000,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Checks PostgreSQL answers. With `createDatabase`, a database that does not exist yet is created
 * (the start command does this so a fresh machine needs no manual step).
 */
export async function checkPostgres(
  url: string,
  timeoutSeconds: number,
  { createDatabase = false } = {},
): Promise<void> {
  try {
    const client = await connectPostgres(url, timeoutSeconds);
    await client.end();
  } catch (error) {
    if ((error as { code?: string }).code !== DATABASE_MISSING)
      unreachable('PostgreSQL', url, error);
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    if (!createDatabase) {
      unreachable(
        'PostgreSQL',
        url,
        new Error(
          `database "${name}" does not exist; \`pnpm start\` or \`pnpm nx run api:migrate\` creates it`,
        ),
      );
    }
    await createDatabaseNamed(url, name, timeoutSeconds);
  }
}

async function createDatabaseNamed(url: string, name: string, timeoutSeconds: number) {
  const serverUrl = new URL(url);
  serverUrl.pathname = '/postgres';
  const admin = await connectPostgres(serverUrl.toString(), timeoutSeconds).catch((error) =>
    unreachable('PostgreSQL', serverUrl.toString(), error),
  );
  try {
    const escaped = name.replace(/"/g, '""');
    await admin.query(`CREATE DATABASE "${escaped}"`);
  } catch (error) {
    // Another process may have created it between our check and now.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await admin.end();
  }
}

export async function checkRedis(url: string, timeoutSeconds: number): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutSeconds * 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    unreachable('Redis', url, error);
  } finally {
    redis.disconnect();
  }
}

/**
 * Through a pooler in transaction mode the app's connections run as DATABASE_URL's user, with its
 * role's settings (no startup options: see dataSourceOptions). A user that bypasses row-level
 * security would see every tenant, and one without idle_in_transaction_session_timeout would let
 * an abandoned transaction hold its locks for hours: either refuses to boot, saying what to do.
 */
export async function checkPoolerRole(url: string, timeoutSeconds: number): Promise<void> {
  const client = await connectPostgres(url, timeoutSeconds);
  try {
    const { rows } = await client.query<{ user: string; bypasses: boolean; abandoned: string }>(
      `SELECT current_user AS user, rolsuper OR rolbypassrls AS bypasses,
              current_setting('idle_in_transaction_session_timeout') AS abandoned
       FROM pg_roles WHERE rolname = current_user`,
    );
    const { user, bypasses, abandoned } = rows[0]!;
    const fix = 'see docs/scaling.md, "PgBouncer"';
    if (bypasses) {
      throw new Error(
        `DATABASE_TRANSACTION_POOLING: DATABASE_URL's user "${user}" bypasses row-level security; it must be the app role (${fix}).`,
      );
    }
    if (abandoned === '0') {
      throw new Error(
        `DATABASE_TRANSACTION_POOLING: role "${user}" has no idle_in_transaction_session_timeout: ALTER ROLE "${user}" SET idle_in_transaction_session_timeout = '10s' (${fix}).`,
      );
    }
  } finally {
    await client.end();
  }
}

/**
 * Run before any process boots, so a missing service is a clear message, not a hang. `asOwner`:
 * the CLI (migrations, seed), which connects as the tables' owner, never through the pooler.
 */
export async function preflight(
  config: AppConfig,
  options: { createDatabase?: boolean; asOwner?: boolean } = {},
) {
  await checkPostgres(config.databaseUrl, config.serviceTimeoutSeconds, options);
  if (config.databaseTransactionPooling && !options.asOwner) {
    await checkPoolerRole(config.databaseUrl, config.serviceTimeoutSeconds);
  }
  await checkRedis(config.redisUrl, config.serviceTimeoutSeconds);
}
