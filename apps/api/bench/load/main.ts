/**
 * `pnpm bench` (`pnpm nx run api:bench`; `--quick` for the short run): builds the product (Nx
 * dependsOn), starts it against a database created for the run, starts T0 (bare Socket.IO), P0
 * (raw pg) and Q0 (bare BullMQ) beside it, drives them all with one load client process, prints
 * a table and writes JSON and Markdown reports under bench/results/. See bench/README.md.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import {
  adminQuery,
  seedGroups,
  seedUsers,
  serverUrl,
  storedMessages,
  withClient,
  lastSeqs,
} from './database';
import { JOB_OPTIONS, PRODUCT_JOB, PRODUCT_PREFIX, Q0, timeJobs } from './jobs';
import { PLANS } from './plan';
import { API_DIR, freePort, healthy, runToEnd, start, type Running } from './processes';
import { buildRows, notes } from './rows';
import { machine } from './machine';
import { markdown, type Report, textTable } from './report';
import {
  admissionMemoryFanout,
  type Ask,
  type Context,
  latency,
  storm,
  throughput,
} from './scenarios';
import { queueConnection } from '../../src/queues/queue-connection';

const JWT_SECRET = 'bench-secret-of-at-least-32-characters!';
/** Limits the bench itself would trip (one client, thousands of users, hundreds of msg/s). */
const PRODUCT_LIMITS = {
  MESSAGE_RATE_LIMIT: '1000000',
  SOCKET_EVENT_LIMIT: '1000000',
  SOCKET_USER_EVENT_LIMIT: '1000000',
  SOCKET_USER_BYTES: '1073741824',
  SOCKETS_PER_USER: '100',
  REQUEST_LIMIT: '1000000',
  JWT_ACCESS_TTL: '3h',
  // The fan-out group is seeded in SQL; the API's own cap is raised to match.
  GROUP_MAX_MEMBERS: '5000',
};

/**
 * Lets the notification jobs a scenario caused run before the next one: a message's job for
 * members not connected runs one MESSAGE_NOTIFY_DELAY window after its own (up to two windows,
 * see messageJobSchedule), then runs; the delayed email checks (10 min) are left alone. Fan-out's
 * 5,000 members leave unread, and notifying them all is real work (a row per member) that would
 * otherwise land in the next scenario's figures (latency's p99 went from 0.2 to 1.1 s).
 */
async function queuesIdle(
  redisUrl: string,
  notifyDelaySeconds: number,
  log: (line: string) => void,
) {
  const queue = new Queue(PRODUCT_JOB.queue, {
    connection: queueConnection(redisUrl),
    prefix: PRODUCT_PREFIX,
  });
  const began = Date.now();
  try {
    await new Promise((done) => setTimeout(done, 2 * notifyDelaySeconds * 1000 + 500));
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      const left = Object.values(counts).reduce((sum, n) => sum + n, 0);
      if (!left) break;
      if (Date.now() - began > 70_000) {
        log(`  ${left} notification jobs still to run after 70 s; going on`);
        break;
      }
      await new Promise((done) => setTimeout(done, 500));
    }
    log(`  waited ${((Date.now() - began) / 1000).toFixed(1)} s for the notification jobs`);
  } finally {
    await queue.close();
  }
}

async function main() {
  const plan = PLANS[process.argv.includes('--quick') ? 'quick' : 'default'];
  const startedAt = new Date();
  const began = Date.now();
  if (!existsSync(join(API_DIR, 'dist/main.js')))
    throw new Error('apps/api/dist is missing: run through `pnpm bench` (it builds first)');
  const dbName = `mindsp_bench_${Date.now()}`;
  const dbUrl = serverUrl(dbName);
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://localhost:6379/13';
  const logDir = mkdtempSync(join(tmpdir(), 'mindsp-bench-'));
  const log = (line: string) =>
    console.log(`[${((Date.now() - began) / 1000).toFixed(1)} s] ${line}`);
  const running: Running[] = [];
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const productEnvironment = {
    ...PRODUCT_LIMITS,
    MESSAGE_NOTIFY_DELAY: `${plan.notifyDelaySeconds}s`,
  };
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET,
    ...productEnvironment,
    // The emails the jobs scenario's notifications cause (no SMTP here): with the run's logs.
    EMAIL_DIR: join(logDir, 'emails'),
  };
  // BENCH_PROFILE=1: CPU profiles of the API and the worker, in the logs folder.
  let profiles = 0;
  const profile = (name: string) =>
    process.env.BENCH_PROFILE
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${join(logDir, 'profiles')}`,
          // Numbered: the API restarted by the storm writes a second profile, not over the first.
          `--cpu-prof-name=${name}-${++profiles}.cpuprofile`,
        ]
      : [];
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await Promise.all(running.map((r) => r.stop(3000)));
      await redis.flushdb().catch(() => undefined);
      redis.disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
      log(`Stopped every process, dropped ${dbName}, emptied ${redisUrl}; logs in ${logDir}`);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  try {
    log(`Bench (${plan.mode}): database ${dbName}, Redis ${redisUrl}, logs in ${logDir}`);
    await redis.flushdb();
    await runToEnd({ name: 'migrate', args: ['dist/cli.js', 'migrate'], env, logDir });
    const users = Math.max(
      plan.admission,
      plan.latencyClients,
      plan.throughputClients,
      plan.stormClients,
    );
    const seeded = await withClient({ connectionString: dbUrl }, async (db) => {
      const s = await seedUsers(db, users, { secret: JWT_SECRET, ttlSeconds: 3 * 3600 });
      const size = plan.groupSize;
      const groups = {
        fanout: (
          await seedGroups(db, s, {
            label: 'Tout le SDIS',
            from: 0,
            count: plan.admission,
            size: plan.admission,
          })
        )[0]!,
        latency: await seedGroups(db, s, {
          label: 'Latence',
          from: 0,
          count: plan.latencyClients,
          size,
        }),
        throughput: await seedGroups(db, s, {
          label: 'Débit',
          from: 0,
          count: plan.throughputClients,
          size,
        }),
        p0: await seedGroups(db, s, { label: 'P0', from: 0, count: plan.throughputClients, size }),
        storm: await seedGroups(db, s, {
          label: 'Tempête',
          from: 0,
          count: plan.stormClients,
          size,
        }),
      };
      await db.query('VACUUM ANALYZE');
      return { ...s, groups };
    });
    log(`Migrated; seeded ${users} users and their groups`);

    const port = await freePort();
    const startApi = () =>
      start({
        name: 'api',
        args: [
          ...profile('api'),
          ...(process.env.BENCH_API_FLAGS?.split(' ') ?? []),
          'dist/main.js',
        ],
        env: { ...env, PORT: String(port) },
        logDir,
        ready: healthy(port),
      });
    // Side by side: each takes seconds to boot on a loaded machine.
    const started = await Promise.allSettled([
      startApi(),
      start({
        name: 'worker',
        args: [...profile('worker'), 'dist/worker.js'],
        env,
        logDir,
        ready: (out) => out.includes('Queue worker started'),
      }),
      start({
        name: 't0',
        args: ['--import', 'tsx', 'bench/load/t0-server.ts'],
        env: { ...env, PORT: '0' },
        logDir,
        ready: (out) => /listening \d+/.test(out),
      }),
      start({
        name: 'q0-worker',
        args: ['--import', 'tsx', 'bench/load/jobs.ts', 'q0-worker'],
        env,
        logDir,
        ready: (out) => out.includes('ready'),
      }),
    ]);
    // Whatever started is stopped at the end, even when another one failed to.
    for (const r of started) if (r.status === 'fulfilled') running.push(r.value);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [first, , t0] = started.map((r) => (r as PromiseFulfilledResult<Running>).value);
    let api = first!;
    const t0Port = Number(/listening (\d+)/.exec(t0.output())![1]);
    const client = fork(resolve(__dirname, 'client.ts'), [], {
      cwd: API_DIR,
      execArgv: ['--import', 'tsx'],
      env,
      serialization: 'advanced',
    });
    running.push({
      name: 'client',
      child: client,
      pid: client.pid!,
      exited: new Promise((d) => client.once('exit', d)),
      output: () => '',
      stop: async () => void client.kill(),
    });
    const ask: Ask = (command) =>
      new Promise((done, fail) => {
        client.once('message', (reply: { ok: boolean; result?: unknown; error?: string }) =>
          reply.ok ? done(reply.result as never) : fail(new Error(`load client: ${reply.error}`)),
        );
        client.send(command);
      });

    const ctx: Context = {
      plan,
      ask,
      users: seeded.users,
      groups: seeded.groups,
      dbUrl,
      tenantId: seeded.tenantId,
      product: { kind: 'product', url: `http://127.0.0.1:${port}`, pid: () => api.pid },
      t0: { kind: 'T0', url: `http://127.0.0.1:${t0Port}`, pid: () => t0.pid },
      restartProduct: async () => {
        const killedAt = Date.now();
        await api.stop(5000);
        running.splice(running.indexOf(api), 1);
        api = await startApi();
        running.push(api);
        return { killedAt, upAt: Date.now() };
      },
      lastSeqs: (ids) => lastSeqs(dbUrl, seeded.tenantId, ids),
      stored: (ids) => storedMessages(dbUrl, seeded.tenantId, ids),
      log,
    };

    /** The product's `deliver` jobs, then Q0's, each timed from a paused queue's resume. */
    const timeBothJobs = async () => {
      const connection = queueConnection(redisUrl);
      const jobs = {
        product: await timeJobs(
          connection,
          {
            prefix: PRODUCT_PREFIX,
            queue: PRODUCT_JOB.queue,
            name: PRODUCT_JOB.name,
            data: (i) =>
              PRODUCT_JOB.data(i, { tenantId: seeded.tenantId, userId: seeded.users[0]!.id }),
          },
          plan.jobs,
          120_000,
        ),
        q0: await timeJobs(connection, { ...Q0, data: (i) => ({ i }) }, plan.jobs, 120_000),
      };
      log(
        `  product ${jobs.product.perSecond.toFixed(0)} jobs/s, Q0 ${jobs.q0.perSecond.toFixed(0)} jobs/s`,
      );
      return jobs;
    };

    log('Product, worker, T0, Q0 and the load client are up');
    // BENCH_ONLY=latency,throughput (or admission, storm, jobs): those scenarios alone, logged, no report (for profiling).
    const only = process.env.BENCH_ONLY?.split(',');
    if (only) {
      if (only.includes('admission')) await admissionMemoryFanout(ctx, ctx.product);
      if (only.includes('latency')) await latency(ctx, ctx.product);
      if (only.includes('throughput')) await throughput(ctx);
      if (only.includes('storm')) await storm(ctx);
      if (only.includes('jobs')) await timeBothJobs();
      return;
    }
    const machineInfo = await machine(dbUrl, redis);
    log('Admission, memory and fan-out');
    const admission = {
      t0: await admissionMemoryFanout(ctx, ctx.t0),
      product: await admissionMemoryFanout(ctx, ctx.product),
    };
    // Fan-out's 5,000 members leave unread: MESSAGE_NOTIFY_DELAY later the worker notifies them
    // all (real work, thousands of rows per message). Each scenario is measured on its own.
    await queuesIdle(redisUrl, plan.notifyDelaySeconds, log);
    log('Latency');
    const latencyResults = {
      t0: await latency(ctx, ctx.t0),
      product: await latency(ctx, ctx.product),
    };
    await queuesIdle(redisUrl, plan.notifyDelaySeconds, log);
    log('Throughput');
    const throughputResults = await throughput(ctx);
    await queuesIdle(redisUrl, plan.notifyDelaySeconds, log);
    log('Reconnect storm');
    const stormResults = await storm(ctx);
    await queuesIdle(redisUrl, plan.notifyDelaySeconds, log);
    log('Jobs');
    const jobs = await timeBothJobs();

    const results = {
      admission,
      latency: latencyResults,
      throughput: throughputResults,
      storm: stormResults,
      jobs,
    };
    const report: Report = {
      startedAt: startedAt.toISOString(),
      mode: plan.mode,
      durationSeconds: Math.round((Date.now() - began) / 1000),
      machine: machineInfo,
      productEnvironment,
      rows: buildRows(plan, results),
      notes: notes(plan, results, JOB_OPTIONS),
      details: { plan, ...results },
    };
    const dir = resolve(API_DIR, '../../bench/results');
    mkdirSync(dir, { recursive: true });
    const base = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}-${plan.mode}`);
    writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(`${base}.md`, markdown(report));
    log(
      `\n${textTable(report.rows)}\n\nWhole run ${report.durationSeconds} s. Reports: ${base}.json, ${base}.md`,
    );
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
