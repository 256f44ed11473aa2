import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '../src/database/data-source';
import { adminQuery, serverUrl } from './test-database';

const LAST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1]!;

const DIST = join(__dirname, '../dist');

interface Exit {
  code: number | null;
  output: string;
  seconds: number;
}

/** Runs a built entry point (main.js, cli.js) as ops would, and collects what it printed. */
function run(
  entry: string,
  args: string[],
  env: Record<string, string>,
  killAfterMs = 20_000,
): Promise<Exit> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(DIST, entry), ...args], {
      env: {
        PATH: process.env.PATH,
        JWT_SECRET: process.env.JWT_SECRET,
        REDIS_URL: process.env.REDIS_URL,
        DATABASE_URL: process.env.DATABASE_URL,
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

describe('boot', () => {
  it('exits non-zero within 15 s naming PostgreSQL and how to start it when it is unreachable', async () => {
    const exit = await run('main.js', [], {
      DATABASE_URL: 'postgres://postgres:s3cret@127.0.0.1:1/mindsp',
      PORT: '0',
    });
    expect(exit.code).toBe(1);
    expect(exit.seconds).toBeLessThan(15);
    expect(exit.output).toContain(
      'Cannot reach PostgreSQL at postgres://postgres:***@127.0.0.1:1/mindsp',
    );
    expect(exit.output).toContain('docker compose -f docker/compose.yaml up -d postgres');
    expect(exit.output).not.toContain('s3cret');
  });

  it('exits non-zero within 15 s naming Redis and how to start it when it is unreachable', async () => {
    const exit = await run('main.js', [], { REDIS_URL: 'redis://:hidden@127.0.0.1:1', PORT: '0' });
    expect(exit.code).toBe(1);
    expect(exit.seconds).toBeLessThan(15);
    expect(exit.output).toContain('Cannot reach Redis at redis://:***@127.0.0.1:1');
    expect(exit.output).toContain('redis-server');
    expect(exit.output).not.toContain('hidden');
  });

  it('the worker refuses to start the same way', async () => {
    const exit = await run('worker.js', [], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(exit.code).toBe(1);
    expect(exit.output).toContain('Cannot reach Redis');
  });

  it('stops on an invalid setting, naming the variable', async () => {
    const exit = await run('main.js', [], { PORT: 'eighty', JWT_ACCESS_TTL: 'soon' });
    expect(exit.code).toBe(1);
    expect(exit.output).toContain('PORT:');
    expect(exit.output).toContain('JWT_ACCESS_TTL:');
  });

  it('prepare creates a missing database, migrates and seeds it once; a second run keeps the data', async () => {
    const name = `mindsp_boot_${Date.now()}`;
    const url = serverUrl(name);
    try {
      const first = await run('cli.js', ['prepare'], { DATABASE_URL: url });
      expect(first.output).toContain('Seeded the demo data');
      expect(first.code).toBe(0);

      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(
        `INSERT INTO users (tenant_id, email, display_name, password_hash) SELECT id, 'kept@demo.test', 'Kept', 'x' FROM tenants WHERE slug = 'demo'`,
      );
      const second = await run('cli.js', ['prepare'], { DATABASE_URL: url });
      expect(second.code).toBe(0);
      expect(second.output).toContain('demo seed skipped');
      const { rows } = await client.query(`SELECT email FROM users ORDER BY email`);
      await client.end();
      expect(rows.map((row) => row.email)).toEqual([
        'alice@demo.test',
        'bob@demo.test',
        'carol@demo.test',
        'dave@other.test',
        'kept@demo.test',
      ]);

      const revert = await run('cli.js', ['revert'], { DATABASE_URL: url });
      expect(revert.code).toBe(0);
      const again = await run('cli.js', ['migrate'], { DATABASE_URL: url });
      // The last migration is the one undone, and the one applied again.
      expect(again.output).toContain(`Applied ${new LAST_MIGRATION().name}`);
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
