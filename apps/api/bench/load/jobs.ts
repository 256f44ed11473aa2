/**
 * Jobs: how fast the product's worker processes its queue jobs, against Q0, a bare BullMQ worker
 * with a no-op processor at the same concurrency, on the same Redis, in the same run.
 *
 *   node --import tsx jobs.ts q0-worker     (Q0's worker process; prints "ready")
 */
import { type ConnectionOptions, type JobsOptions, Queue, Worker } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The product job the bench times: THE ONE PLACE TO CHANGE to bench another job. Its queue, its
 * name, the data one job carries, and the concurrency the product's processors run at
 * (QUEUE_CONCURRENCY's default). Today: the notifications queue's `deliver` (an announcement to
 * one person: a notification row, its push through the Redis emitter, its email claimed),
 * notifications/delivery.service.ts.
 */
export const PRODUCT_JOB = {
  queue: 'notifications',
  name: 'deliver',
  data: (i: number, ids: { tenantId: string; userId: string }) => ({
    tenantId: ids.tenantId,
    key: `bench:${i}`,
    userIds: [ids.userId],
    type: 'system',
    title: `Bench ${i}`,
    body: 'Exercice',
    data: {},
    actionUrl: null,
  }),
  concurrency: 8,
};

/** queues.module.ts's defaults, so Q0's jobs are stored and kept as the product's are. */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: false,
};

export const PRODUCT_PREFIX = 'mindsp';
export const Q0 = { prefix: 'bench-q0', queue: 'q0', name: 'noop' };

export interface JobsResult {
  jobs: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** Jobs the bench added per second (addBulk), before the queue was resumed. */
  addedPerSecond: number;
}

/**
 * Adds `count` jobs to a paused queue, resumes it and times the workers until none is left
 * waiting or active: processing only, the same way for the product and Q0.
 */
export async function timeJobs(
  connection: ConnectionOptions,
  spec: { prefix: string; queue: string; name: string; data: (i: number) => object },
  count: number,
  timeoutMs: number,
): Promise<JobsResult> {
  const queue = new Queue(spec.queue, { connection, prefix: spec.prefix });
  try {
    await queue.pause();
    const failedBefore = await queue.getFailedCount();
    const addStarted = performance.now();
    for (let i = 0; i < count; i += 500) {
      const size = Math.min(500, count - i);
      await queue.addBulk(
        Array.from({ length: size }, (_, k) => ({
          name: spec.name,
          data: spec.data(i + k),
          opts: JOB_OPTIONS,
        })),
      );
    }
    const addedPerSecond = count / ((performance.now() - addStarted) / 1000);
    const started = performance.now();
    await queue.resume();
    const deadline = started + timeoutMs;
    let left = count;
    while (left > 0 && performance.now() < deadline) {
      await sleep(50);
      const counts = await queue.getJobCounts('waiting', 'active', 'paused', 'prioritized');
      left = Object.values(counts).reduce((sum, n) => sum + n, 0);
    }
    const seconds = (performance.now() - started) / 1000;
    const failed = (await queue.getFailedCount()) - failedBefore;
    const done = count - left;
    return { jobs: done, failed, seconds, perSecond: done / seconds, addedPerSecond };
  } finally {
    await queue.close();
  }
}

/** Q0's worker: takes jobs and does nothing, at the product processor's concurrency. */
async function q0Worker() {
  const url = new URL(process.env.REDIS_URL!);
  const worker = new Worker(Q0.queue, async () => undefined, {
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      db: Number(url.pathname.slice(1) || 0),
    },
    prefix: Q0.prefix,
    concurrency: PRODUCT_JOB.concurrency,
  });
  await worker.waitUntilReady();
  console.log('ready');
  process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
}

if (require.main === module && process.argv[2] === 'q0-worker') void q0Worker();
