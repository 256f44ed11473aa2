import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { QueueRegistry } from '../queues/queue-registry';
import type { OutboxEntry } from './outbox-entry.entity';
import { OutboxRepository } from './outbox.repository';

/** Entries relayed per transaction. */
const BATCH = 200;
/**
 * How often the relay looks. Polling, not LISTEN/NOTIFY: a NOTIFY takes PostgreSQL's global notify
 * lock at commit, which serialised every send's commit (throughput fell fivefold in `pnpm bench`).
 * An empty look is one index-only query; a job waits at most this long to reach Redis.
 */
const POLL_MS = 100;
/** Past this, an add to a Redis that does not answer gives up, and its entries wait for the next round. */
const ADD_TIMEOUT_MS = 5000;

/**
 * Moves outbox entries into their BullMQ queues, in the worker process (SKIP LOCKED: several
 * workers share the table). Idempotent: each job keeps the id its change gave it, so an entry
 * relayed twice (added, then the relay died before deleting it) is one job.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queues: QueueRegistry,
  ) {}

  /** Not awaited: the worker starts even while Redis or PostgreSQL is down. */
  onApplicationBootstrap() {
    this.schedule(0);
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        this.schedule(POLL_MS);
      });
    }, delayMs);
  }

  private async drain() {
    try {
      while (!this.stopped && (await this.outbox.takeOldest(BATCH, (e) => this.add(e))) === BATCH);
    } catch (error) {
      // Redis or PostgreSQL away: the entries stay, the next look tries again.
      this.logger.warn(`relay paused: ${(error as Error).message}`);
    }
  }

  private async add(entries: OutboxEntry[]) {
    const byQueue = new Map<string, OutboxEntry[]>();
    for (const entry of entries)
      byQueue.set(entry.queue, [...(byQueue.get(entry.queue) ?? []), entry]);
    const now = Date.now();
    const adds = [...byQueue].map(([queue, jobs]) =>
      this.queues.get(queue).addBulk(
        jobs.map((job) => ({
          name: job.name,
          data: job.data,
          opts: {
            jobId: job.jobId,
            ...(job.runAt ? { delay: Math.max(0, job.runAt.getTime() - now) } : {}),
          },
        })),
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('Redis did not take the jobs in time')),
        ADD_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([Promise.all(adds), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
