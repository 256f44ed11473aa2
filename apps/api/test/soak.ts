/**
 * `pnpm soak` (`pnpm nx run api:soak`): 50 clients of one organisation, in 10 groups of 5, send
 * 10,000 messages through HAProxy (as `api:cluster` runs it) to two API processes, while their sockets are
 * forcibly closed (one live socket every `CUT_EVERY` messages sent: at least 100 real closes), one
 * API instance is killed and started again, and Redis (a redis-server of its own) is restarted
 * once. Faults are paced by progress, not by time, so a fast machine gets as many as a slow one,
 * and only what really happened is counted: a cut of a socket already reconnecting is no cut. At the end, per conversation, the seqs must be
 * gap-free and every client must hold every message exactly once, in order. Prints the counts;
 * exits non-zero otherwise. Uses a database of its own, dropped at the end.
 *
 * Needs the API built (`dist/`), PostgreSQL at DATABASE_URL's server; starts everything else.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { startHaproxy } from '../src/cluster/haproxy';
import { freePort, startApiProcess, stopApiProcess, type ApiProcess } from './api-process';
import { differences, Follower } from './follower';
import { OwnRedis } from './redis-server';
import { adminQuery, serverUrl } from './test-database';

const CLIENTS = 50;
const GROUP_SIZE = 5;
const MESSAGES = 10_000;
const MIN_DROPS = 100;
/** One live socket cut every this many messages sent: 200 planned for 10,000. */
const CUT_EVERY = 50;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) =>
  console.log(`[soak ${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}`);
const t0 = Date.now();

/** A POST as a client makes it: a 503 (a database busy past its timeouts) is tried again. */
async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });
    if (res.ok) return (await res.json()) as T;
    if (res.status !== 503 || attempt === 10) {
      throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
    }
    await pause(500);
  }
}

async function main(): Promise<number> {
  const database = `mindsp_soak_${Date.now()}`;
  const env = {
    DATABASE_URL: serverUrl(database),
    JWT_SECRET: process.env.JWT_SECRET ?? 'soak-secret-that-is-at-least-32-characters',
    MESSAGE_RATE_LIMIT: '1000000',
    SOCKET_EVENT_LIMIT: '1000000',
    SOCKET_USER_EVENT_LIMIT: '1000000',
    REQUEST_LIMIT: '1000000',
    LOGIN_LIMIT_PER_IP: '1000',
  };
  const prepared = spawnSync(process.execPath, [join(__dirname, '../dist/cli.js'), 'prepare'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (prepared.status !== 0) throw new Error(`prepare failed:\n${prepared.stderr}`);
  const redis = await OwnRedis.start();
  const apiEnv = { ...env, REDIS_URL: redis.url };
  const apis: ApiProcess[] = await Promise.all([startApiProcess(apiEnv), startApiProcess(apiEnv)]);
  const front = await startHaproxy(
    apis.map((api, i) => ({ name: `api-${i + 1}`, port: api.port })),
    { port: await freePort() },
  );
  const owner = new Client({ connectionString: env.DATABASE_URL });
  await owner.connect();
  const followers: Follower[] = [];
  // Ctrl+C: the processes this started go with it.
  const interrupted = () => {
    apis.forEach((api) => api.child.kill('SIGKILL'));
    front.child.kill('SIGKILL');
    void redis.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    // One organisation, 50 people (the demo password's hash reused: hashing is slow on purpose).
    const [{ id: tenantId }] = (
      await owner.query(`INSERT INTO tenants (slug, name) VALUES ('soak', 'Soak') RETURNING id`)
    ).rows;
    const emails = Array.from({ length: CLIENTS }, (_, i) => `pompier${i + 1}@soak.test`);
    await owner.query(
      `INSERT INTO users (tenant_id, email, display_name, password_hash, role)
       SELECT $1, e, e, (SELECT password_hash FROM users WHERE email = 'alice@demo.test'), 'member'
       FROM unnest($2::text[]) AS e`,
      [tenantId, emails],
    );
    const sessions = await Promise.all(
      emails.map((email) =>
        post<{ accessToken: string; user: { id: string } }>(`${front.url}/api/auth/login`, {
          tenant: 'soak',
          email,
          password: 'demo1234',
        }),
      ),
    );
    const groups: string[] = [];
    for (let g = 0; g < CLIENTS / GROUP_SIZE; g++) {
      const members = sessions.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE);
      const group = await post<{ id: string }>(
        `${front.url}/api/conversations`,
        {
          kind: 'group',
          title: `Groupe ${g + 1}`,
          memberIds: members.slice(1).map((m) => m.user.id),
        },
        members[0]!.accessToken,
      );
      groups.push(group.id);
    }
    sessions.forEach((session, i) =>
      followers.push(
        new Follower(front.url, session.accessToken, [groups[Math.floor(i / GROUP_SIZE)]!]),
      ),
    );
    await Promise.all(followers.map((f) => f.ready()));
    log(`${CLIENTS} clients connected through HAProxy to ${apis.length} API instances`);

    // Faults, while it runs: a live socket cut every CUT_EVERY messages sent (chosen among those
    // connected at that moment, so each one counted is a real close).
    let drops = 0;
    const cutOne = () => {
      const live = followers.filter((f) => f.socket.connected);
      if (live.length && live[Math.floor(Math.random() * live.length)]!.dropConnection())
        drops += 1;
    };

    // Traffic: each client sends its share, one message after the other, retrying until stored.
    let sent = 0;
    const perClient = MESSAGES / CLIENTS;
    const sending = Promise.all(
      followers.map(async (follower, i) => {
        for (let n = 1; n <= perClient; n++) {
          await follower.send(
            follower.conversationIds[0]!,
            randomUUID(),
            `client ${i + 1} message ${n}`,
          );
          sent += 1;
          if (sent % CUT_EVERY === 0) cutOne();
        }
      }),
    );
    let instanceRestarts = 0;
    let redisRestarts = 0;
    const faults = (async () => {
      while (sent < MESSAGES * 0.3) await pause(50);
      const killed = apis[0]!;
      killed.child.kill('SIGKILL');
      await killed.exited;
      log(`API instance on port ${killed.port} killed (SIGKILL) at ${sent} messages sent`);
      apis[0] = await startApiProcess({ ...apiEnv, PORT: String(killed.port) });
      instanceRestarts += 1;
      log(`API instance on port ${killed.port} started again (listening)`);
      while (sent < MESSAGES * 0.6) await pause(50);
      await redis.down();
      log(`Redis killed at ${sent} messages sent`);
      await pause(2000);
      await redis.up();
      redisRestarts += 1;
      log('Redis started again (it answers PING)');
    })();
    const progress = setInterval(
      () => log(`${sent} / ${MESSAGES} sent, ${drops} sockets closed`),
      10_000,
    );
    await Promise.all([sending, faults]);
    clearInterval(progress);
    log(`all ${sent} sends acknowledged; checking every client against the database`);

    // Every client catches up (its gap timer or its next connection would ask the same).
    const problems: string[] = [];
    let storedTotal = 0;
    for (const conversationId of groups) {
      const stored = (
        await owner.query(
          `SELECT id, seq::int AS seq FROM messages WHERE conversation_id = $1 ORDER BY seq`,
          [conversationId],
        )
      ).rows as { id: string; seq: number }[];
      storedTotal += stored.length;
      if (stored.length !== MESSAGES / groups.length) {
        problems.push(
          `conversation ${conversationId}: ${stored.length} stored, expected ${MESSAGES / groups.length}`,
        );
      }
      for (const follower of followers.filter((f) => f.conversationIds[0] === conversationId)) {
        for (let i = 0; follower.cursor(conversationId) < stored.length && i < 100; i++) {
          await follower.sync().catch(() => pause(200));
        }
        problems.push(
          ...differences(follower, conversationId, stored).map(
            (p) => `a client of ${conversationId}: ${p}`,
          ),
        );
        if (follower.conflicts)
          problems.push(`a client saw ${follower.conflicts} conflicting message(s)`);
      }
    }
    if (drops < MIN_DROPS) problems.push(`only ${drops} sockets closed, fewer than ${MIN_DROPS}`);
    if (instanceRestarts !== 1) problems.push(`${instanceRestarts} API instance restarts, not 1`);
    if (redisRestarts !== 1) problems.push(`${redisRestarts} Redis restarts, not 1`);
    const sum = (pick: (f: Follower) => number) =>
      followers.reduce((total, f) => total + pick(f), 0);
    console.log(
      [
        '',
        `soak: ${((Date.now() - t0) / 1000).toFixed(1)} s`,
        `  messages sent and acknowledged  ${sent}`,
        `  messages stored                 ${storedTotal} in ${groups.length} conversations (seqs gap-free: ${problems.some((p) => p.includes('stored seq')) ? 'no' : 'yes'})`,
        `  live sockets forcibly closed    ${drops} (one every ${CUT_EVERY} messages sent)`,
        `  connections (incl. reconnects)  ${sum((f) => f.connections)}`,
        `  sends retried (same id)         ${sum((f) => f.retries)}`,
        `  deliveries live / by sync       ${sum((f) => f.live)} / ${sum((f) => f.fromSync)}`,
        `  messages held, over all clients ${sum((f) => [...f.held.values()].reduce((n, m) => n + m.size, 0))} (expected ${storedTotal * GROUP_SIZE})`,
        `  API instance killed, restarted  ${instanceRestarts}`,
        `  Redis killed, restarted         ${redisRestarts}`,
        problems.length
          ? `FAILED:\n  ${problems.slice(0, 20).join('\n  ')}`
          : 'OK: every client holds every message exactly once, in order',
      ].join('\n'),
    );
    return problems.length ? 1 : 0;
  } finally {
    followers.forEach((f) => f.close());
    await front.stop();
    await Promise.all(apis.map((api) => stopApiProcess(api)));
    await owner.end();
    await redis.stop();
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
