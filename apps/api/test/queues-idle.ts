import { type JobType, Queue } from 'bullmq';
import { QUEUES, QUEUE_PREFIX, queueConnection } from '../src/queues/queue-connection';
import { waitFor } from './wait-for';

/**
 * Waits until the outbox is empty and the `notifications` and `emails` queues of `redisUrl` hold no
 * job waiting, running or delayed: whatever a test caused is done, so a count taken then is final
 * (an "exactly one email" is not one that a second, still queued, would follow).
 */
export async function waitForIdleQueues(
  db: { query(sql: string): Promise<{ count: number }[]> },
  redisUrl = process.env.REDIS_URL!,
  timeoutMs = 30_000,
): Promise<void> {
  const queues = [QUEUES.notifications, QUEUES.emails].map(
    (name) => new Queue(name, { connection: queueConnection(redisUrl), prefix: QUEUE_PREFIX }),
  );
  try {
    await waitFor(
      async () => {
        const [outbox] = await db.query(`SELECT count(*)::int AS count FROM outbox`);
        const pending = await Promise.all(
          queues.map((q) => q.getJobCounts('wait', 'active', 'delayed', 'prioritized')),
        );
        return (
          outbox!.count === 0 && pending.every((counts) => Object.values(counts).every((n) => !n))
        );
      },
      timeoutMs,
      'the outbox and queues to be idle',
    );
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

/** The jobs of one queue in the given states: what the worker holds, read where it holds it. */
export async function jobsIn<Data>(
  queueName: string,
  states: JobType[],
  redisUrl = process.env.REDIS_URL!,
): Promise<{ name: string; data: Data }[]> {
  const queue = new Queue(queueName, {
    connection: queueConnection(redisUrl),
    prefix: QUEUE_PREFIX,
  });
  try {
    return (await queue.getJobs(states)).filter((job) => !!job);
  } finally {
    await queue.close();
  }
}
