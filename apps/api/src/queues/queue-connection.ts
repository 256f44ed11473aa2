import { QUEUE_NAMES, type QueueName } from '@mindsp/contracts';
import type { ConnectionOptions } from 'bullmq';

/** BullMQ wants connection options, not a shared client: workers block on their own connection. */
export function queueConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}

/** Every queue by name, from the contract's list, so producers write `QUEUES.emails`. */
export const QUEUES = Object.fromEntries(QUEUE_NAMES.map((name) => [name, name])) as {
  readonly [N in QueueName]: N;
};

/** Keys live under this prefix: `mindsp:<queue>:<job id>`. */
export const QUEUE_PREFIX = 'mindsp';
