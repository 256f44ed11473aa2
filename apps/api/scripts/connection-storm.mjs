// Connection storm probe: N sockets of one tenant connect at once to a built API (dist/main.js)
// started here under `node --cpu-prof`; prints connect time, presence events delivered, server
// RSS per idle authenticated socket, and the profile's top self-time functions.
// Usage (from apps/api, after `pnpm nx run api:build`):
//   REDIS_URL=redis://localhost:6379/11 node scripts/connection-storm.mjs 1000
import { spawn, execFileSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');
const { Client } = require('pg');

const N = Number(process.argv[2] ?? 1000);
const SECRET = 'storm-secret-that-is-at-least-32-characters';
const db = `mindsp_storm_${process.pid}`;
const base = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const env = {
  ...process.env,
  DATABASE_URL: `${base}/${db}`,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://localhost:6379/11',
  JWT_SECRET: SECRET,
  NODE_ENV: 'production',
  PORT: String(20000 + (process.pid % 20000)),
  SOCKETS_PER_USER: '20',
  LOG_LEVEL: 'error',
};

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function token(sub, tid) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, tid, role: 'member', sid: randomUUID(), iat: now, exp: now + 3600 })}`;
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
}

const admin = new Client({ connectionString: `${base}/postgres` });
await admin.connect();
console.error('seeding');
await admin.query(`CREATE DATABASE "${db}"`);
execFileSync('node', ['dist/cli.js', 'migrate'], { env, stdio: 'ignore' });
const pg = new Client({ connectionString: env.DATABASE_URL });
await pg.connect();
const [tenant] = (
  await pg.query(`INSERT INTO tenants (slug, name) VALUES ('storm', 'storm') RETURNING id`)
).rows;
const users = (
  await pg.query(
    `INSERT INTO users (tenant_id, email, display_name, password_hash, role)
     SELECT $1, 'u' || i || '@storm.test', 'User ' || i, 'x', 'member' FROM generate_series(1, $2) i
     RETURNING id`,
    [tenant.id, N],
  )
).rows.map((r) => r.id);
// Groups of 10, as the load client drives them: each socket joins one conversation room.
for (let g = 0; g < N / 10; g++) {
  const [c] = (
    await pg.query(
      `INSERT INTO conversations (tenant_id, kind, title, created_by) VALUES ($1, 'group', $2, $3) RETURNING id`,
      [tenant.id, `g${g}`, users[g * 10]],
    )
  ).rows;
  await pg.query(
    `INSERT INTO conversation_members (conversation_id, user_id, last_read_seq) SELECT $1, unnest($2::uuid[]), 0`,
    [c.id, users.slice(g * 10, g * 10 + 10)],
  );
}
await pg.end();

const profDir = mkdtempSync(join(tmpdir(), 'storm-prof-'));
const { openSync } = await import('node:fs');
const out = openSync(join(profDir, 'server.log'), 'w');
const server = spawn('node', ['--cpu-prof', `--cpu-prof-dir=${profDir}`, 'dist/main.js'], {
  env,
  stdio: ['ignore', out, out],
});
const url = `http://127.0.0.1:${env.PORT}`;
for (;;) {
  try {
    // Any answer: the server is up (health may say 503 for a reason of its own).
    await fetch(`${url}/api/health`);
    break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Resident memory of the server (no forced GC: the same method before and after a change).
const memory = async () => ({
  rss: Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) * 1024,
});
await sleep(1000);
const before = await memory();
console.error('server up, connecting');

let presenceEvents = 0;
let presenceEntries = 0;
const t0 = Date.now();
const sockets = users.map((id) => {
  const s = io(url, {
    auth: { token: token(id, tenant.id) },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 60000,
  });
  s.on('presence', (p) => {
    presenceEvents++;
    presenceEntries += Array.isArray(p) ? p.length : 1;
  });
  return s;
});
const results = await Promise.all(
  sockets.map(
    (s) =>
      new Promise((resolve) => {
        s.once('connect', () => resolve(true));
        s.once('connect_error', (e) => {
          if (process.env.STORM_DEBUG) console.error('connect_error', e.message);
          resolve(false);
        });
      }),
  ),
);
const connectMs = Date.now() - t0;
if (process.env.STORM_DEBUG) console.error('connected', results.filter(Boolean).length);
// Subscribe each socket to its group's people (the new protocol; ignored by the old server).
await Promise.all(
  sockets.map((s, i) => {
    const g = Math.floor(i / 10);
    return s
      .timeout(30000)
      .emitWithAck('presence:subscribe', { userIds: users.slice(g * 10, g * 10 + 10) })
      .catch(() => undefined);
  }),
);
await sleep(5000);
const after = await memory();
const connected = results.filter(Boolean).length;
console.log(
  JSON.stringify({
    sockets: N,
    connected,
    connectMs,
    presenceEvents,
    presenceEntries,
    rssBeforeMB: +(before.rss / 1048576).toFixed(1),
    rssAfterMB: +(after.rss / 1048576).toFixed(1),
    rssPerSocketKB: +((after.rss - before.rss) / connected / 1024).toFixed(1),
  }),
);
for (const s of sockets) s.disconnect();
await sleep(2000);
server.kill('SIGINT');
await new Promise((r) => server.once('exit', r));
await admin.query(`DROP DATABASE "${db}" WITH (FORCE)`);
await admin.end();

// Self time per function over the whole run (boot excluded roughly by being small).
const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (file) {
  const prof = JSON.parse(readFileSync(join(profDir, file), 'utf8'));
  const self = new Map();
  const dt = prof.timeDeltas;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  prof.samples.forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('node_modules/').pop().split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = (self.get('(idle) :-1') ?? 0) + (self.get('(program) :-1') ?? 0);
  console.log(
    `profile ${join(profDir, file)}: busy ${((total - (self.get('(idle) :-1') ?? 0)) / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms`,
  );
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}
process.exit(0);
