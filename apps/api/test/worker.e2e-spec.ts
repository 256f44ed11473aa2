import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { QUEUES, queueConnection } from '../src/queues/queue-connection';
import { startWorker, stopWorker, type WorkerProcess } from './worker-process';

describe('queue worker', () => {
  let worker: WorkerProcess;
  let db: Client;
  const connection = queueConnection(process.env.REDIS_URL!);
  const queue = new Queue(QUEUES.maintenance, { connection, prefix: 'mindsp' });
  const events = new QueueEvents(QUEUES.maintenance, { connection, prefix: 'mindsp' });

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    worker = await startWorker();
  });
  afterAll(async () => {
    await stopWorker(worker);
    await Promise.all([queue.close(), events.close(), db.end()]);
  });

  it('runs the purge of refresh tokens a week past expiry, and keeps the others', async () => {
    const { rows } = await db.query(`SELECT id FROM users WHERE email = 'alice@demo.test'`);
    const insert = (expiresAt: string) =>
      db.query(
        `INSERT INTO refresh_tokens (user_id, family_id, secret_hash, expires_at)
         VALUES ($1, gen_random_uuid(), 'x', ${expiresAt}) RETURNING id`,
        [rows[0].id],
      );
    const stale = (await insert(`now() - interval '8 days'`)).rows[0].id;
    const recent = (await insert(`now() - interval '1 day'`)).rows[0].id;

    // The same job the hourly scheduler enqueues, processed by the worker process.
    const job = await queue.add('purge-expired-refresh-tokens', {});
    // (The scheduler's first run may purge the stale row first: either way the worker did.)
    expect(await job.waitUntilFinished(events, 20_000)).toEqual({ deleted: expect.any(Number) });
    const left = await db.query(`SELECT id FROM refresh_tokens WHERE id = ANY($1)`, [
      [stale, recent],
    ]);
    expect(left.rows.map((row) => row.id)).toEqual([recent]);
    // The worker registered its hourly schedule.
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain(
      'purge-expired-refresh-tokens',
    );
  });
});
