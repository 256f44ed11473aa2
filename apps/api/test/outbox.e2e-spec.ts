import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { QUEUES, queueConnection } from '../src/queues/queue-connection';
import { waitFor } from './wait-for';
import { startWorker, stopWorker, type WorkerProcess } from './worker-process';

// The relay from the outbox table to BullMQ, in the worker process. The notification tests show
// what it carries; these show the relay itself: prompt, idempotent, shared by several workers.
describe('outbox relay', () => {
  const workers: WorkerProcess[] = [];
  let db: Client;
  let tenantId: string;
  const connection = queueConnection(process.env.REDIS_URL!);
  const queue = new Queue(QUEUES.maintenance, { connection, prefix: 'mindsp' });
  const events = new QueueEvents(QUEUES.maintenance, { connection, prefix: 'mindsp' });

  /** A probe job (maintenance queue) recorded in the outbox, as a change's transaction would. */
  const recordProbe = (jobId: string) =>
    db.query(
      `INSERT INTO outbox (tenant_id, queue, name, job_id, data) VALUES ($1, 'maintenance', 'probe', $2, $3)`,
      [tenantId, jobId, { tenantId, requestedBy: 'outbox-test' }],
    );
  const pending = async () => Number((await db.query(`SELECT count(*) FROM outbox`)).rows[0].count);

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    // A tenant of its own: the queue admin tests count the demo tenant's maintenance jobs.
    tenantId = (
      await db.query(`INSERT INTO tenants (slug, name) VALUES ($1, $1) RETURNING id`, [
        `outbox-${randomUUID().slice(0, 8)}`,
      ])
    ).rows[0].id;
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    await Promise.all([queue.close(), events.close(), db.end()]);
  });

  it('relays what was recorded while no worker ran, once, as soon as one starts', async () => {
    const jobId = `probe-outbox-${randomUUID()}`;
    // Recorded twice (a relay that died after adding and before deleting): still one job.
    await recordProbe(jobId);
    await recordProbe(jobId);
    workers.push(await startWorker());
    const job = await waitForJob(queue, jobId);
    expect(await job.waitUntilFinished(events, 20_000)).toMatchObject({ attempt: 1 });
    await waitFor(async () => (await pending()) === 0);
    expect(
      await queue.getJobCountByTypes('completed', 'wait', 'active', 'delayed'),
    ).toBeGreaterThan(0);
    const same = (await queue.getCompleted(0, 1000)).filter((j) => j.id === jobId);
    expect(same).toHaveLength(1);
  });

  it('relays each entry once when several workers share the table', async () => {
    workers.push(await startWorker());
    const ids = Array.from({ length: 60 }, () => `probe-outbox-${randomUUID()}`);
    for (const id of ids) await recordProbe(id);
    await waitFor(async () => (await pending()) === 0);
    for (const id of ids) {
      const job = await waitForJob(queue, id);
      await job.waitUntilFinished(events, 20_000);
    }
    const completed = (await queue.getCompleted(0, 2000)).filter((j) => ids.includes(j.id!));
    expect(completed).toHaveLength(ids.length);
  });
});

async function waitForJob(queue: Queue, jobId: string) {
  let job = await queue.getJob(jobId);
  await waitFor(async () => !!(job = await queue.getJob(jobId)));
  return job!;
}
