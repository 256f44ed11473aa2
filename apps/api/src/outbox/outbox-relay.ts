import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { APP_ROLE } from '../database/migrations/1733000000000-tenant-wall';
import { QueueRegistry } from '../queues/queue-registry';
import type { OutboxEntry } from './outbox-entry.entity';
import { OutboxRepository } from './outbox.repository';

/** Entries relayed per transaction. */
const BATCH = 200;
/** A fallback when a NOTIFY was missed (LISTEN connection lost) or a relay failed (Redis down). */
const POLL_MS = 1000;
/** Past this, an add to a Redis that does not answer gives up, and its entries wait for the next round. */
const ADD_TIMEOUT_MS = 5000;

/**
 * Moves outbox entries into their BullMQ queues, in the worker process. Woken by the outbox's
 * NOTIFY at each commit, and by a slow poll. Idempotent: each job keeps the id its change gave it,
 * so an entry relayed twice (added, then the relay died before deleting it) is one job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private listener?: Client;
  private poll?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Never awaited: the worker starts even while Redis or the listener connection is down. */
  onApplicationBootstrap() {
    void this.listen();
    this.poll = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    clearInterval(this.poll);
    await this.listener?.end().catch(() => undefined);
    await this.running;
  }

  /** Runs a relay now, or right after the one in progress. */
  wake() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain() {
    try {
      while (!this.stopped && (await this.outbox.takeOldest(BATCH, (e) => this.add(e))) === BATCH);
    } catch (error) {
      // Redis or PostgreSQL away: the entries stay, the next poll tries again.
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

  /** LISTEN on a connection of its own; reconnects with the poll's rhythm when it is lost. */
  private async listen() {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      options: `-c role=${APP_ROLE}`,
    });
    client.on('notification', () => this.wake());
    client.on('error', () => undefined);
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      if (!this.stopped) setTimeout(() => void this.listen(), POLL_MS);
    };
    client.on('end', lost);
    this.listener = client;
    try {
      await client.connect();
      await client.query('LISTEN outbox');
    } catch {
      lost();
      await client.end().catch(() => undefined);
    }
  }
}
