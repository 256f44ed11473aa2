import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './api-process';
import { waitFor } from './wait-for';

/** The repository's settings (docker/pgbouncer/pgbouncer.ini), which a deployment's file starts with. */
const SETTINGS = join(__dirname, '..', '..', '..', 'docker', 'pgbouncer', 'pgbouncer.ini');
const PGBOUNCER = process.env.PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';

export interface PgBouncer {
  port: number;
  /** DATABASE_URL's form through this PgBouncer, for `user` (one of those it was given) and `database`. */
  url(user: string, database: string): string;
  /** A query on its admin console (`SHOW SERVERS`...). */
  admin(sql: string): Promise<Record<string, unknown>[]>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Debian's PgBouncer on a free loopback port, with the repository's settings and then this run's:
 * every database of the local PostgreSQL, `users` (name → password) in its userlist, and
 * `overrides` (e.g. `default_pool_size = 1`). PgBouncer refuses to run as root: it then runs as
 * `nobody`.
 */
export async function startPgBouncer(
  users: Record<string, string>,
  overrides: Record<string, string | number> = {},
): Promise<PgBouncer> {
  const dir = mkdtempSync(join(tmpdir(), 'mindsp-pgbouncer-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const postgres = new URL(process.env.DATABASE_URL!);
  const userlist = join(dir, 'userlist.txt');
  writeFileSync(
    userlist,
    Object.entries(users)
      .map(([name, password]) => `"${name}" "${password}"`)
      .join('\n') + '\n',
  );
  const ini = join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    [
      // Its [pgbouncer] section, then this run's keys (the last of a key wins). PgBouncer 1.18's
      // %include lost the keys written before it: the file is copied instead.
      '[databases]',
      `* = host=${postgres.hostname} port=${postgres.port || 5432}`,
      readFileSync(SETTINGS, 'utf8'),
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      "unix_socket_dir = ''",
      `auth_file = ${userlist}`,
      `admin_users = ${Object.keys(users)[0]}`,
      ...Object.entries(overrides).map(([key, value]) => `${key} = ${value}`),
      '',
    ].join('\n'),
  );
  chmodSync(userlist, 0o644);
  chmodSync(ini, 0o644);
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'nobody'] : []), ini], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const admin = Object.keys(users)[0]!;
  const url = (user: string, database: string) =>
    `postgres://${user}:${encodeURIComponent(users[user]!)}@127.0.0.1:${port}/${database}`;
  const adminQuery = async (sql: string) => {
    // The admin console speaks the simple protocol only: a query without values is sent so.
    const client = new Client({ connectionString: url(admin, 'pgbouncer') });
    await client.connect();
    try {
      return (await client.query<Record<string, unknown>>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  const listening = async () => {
    if (child.exitCode !== null) throw new Error('PgBouncer exited');
    return adminQuery('SHOW VERSION').then(
      () => true,
      () => false,
    );
  };
  await waitFor(listening, 10_000, 'PgBouncer listening').catch((error: Error) => {
    throw new Error(`${error.message}:\n${output}`);
  });
  return {
    port,
    url,
    admin: adminQuery,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
