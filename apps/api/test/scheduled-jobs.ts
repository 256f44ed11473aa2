import { waitFor } from './wait-for';
import { type Job, Queue, QueueEvents } from 'bullmq';
import type { QueueName } from '@mindsp/contracts';
import { deliveryJobId } from '../src/notifications/notification-delivery';
import type { DeliveryJobData } from '../src/notifications/notification-delivery';
import { QUEUE_PREFIX, queueConnection } from '../src/queues/queue-connection';

/**
 * The queues as a test reads them, beside the worker process: the `deliver` jobs that reach the
 * `notifications` queue are what reminders and alerts promise (nothing processes that queue on
 * this branch; with the notifications processor they are completed, and still there to read).
 */
export function queuesOf(...names: QueueName[]) {
  const connection = queueConnection(process.env.REDIS_URL!);
  const queues = Object.fromEntries(
    names.map((name) => [name, new Queue(name, { connection, prefix: QUEUE_PREFIX })]),
  ) as Record<QueueName, Queue>;
  const events = Object.fromEntries(
    names.map((name) => [name, new QueueEvents(name, { connection, prefix: QUEUE_PREFIX })]),
  ) as Record<QueueName, QueueEvents>;
  return {
    queues,
    events,
    ready: () => Promise.all(Object.values(events).map((e) => e.waitUntilReady())),
    close: () =>
      Promise.all([...Object.values(queues), ...Object.values(events)].map((q) => q.close())),
  };
}

/** The job once it exists (in any state). */
export async function waitForJob(queue: Queue, jobId: string, timeoutMs = 20_000): Promise<Job> {
  let job: Job | undefined;
  await waitFor(async () => !!(job = await queue.getJob(jobId)), timeoutMs).catch(() => {
    throw new Error(`job ${jobId} did not reach ${queue.name} in ${timeoutMs} ms`);
  });
  return job!;
}

/** The `deliver` job of a notification key (`reminder:<id>`, `alert:<id>:round:2`), once it exists. */
export async function waitForDelivery(
  notifications: Queue,
  key: string,
  timeoutMs = 20_000,
): Promise<Job<DeliveryJobData>> {
  return waitForJob(notifications, deliveryJobId(key), timeoutMs) as Promise<Job<DeliveryJobData>>;
}

export async function deliveryOf(notifications: Queue, key: string) {
  return (await notifications.getJob(deliveryJobId(key))) as Job<DeliveryJobData> | undefined;
}
