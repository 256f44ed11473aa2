import { Injectable, Logger } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database';
import { UsersRepository } from './users.repository';

/** How long a departure waits for others of the same moment before the write. */
const GATHER_MS = 50;

interface Waiting {
  seen: Map<string, Date>;
  done: (() => void)[];
}

/**
 * Writes when people were last seen, the departures of one moment together: one statement per
 * tenant. A shift ending, or an instance stopping, takes thousands offline at once; one
 * transaction each emptied the connection pool for seconds (sends meanwhile answered
 * `unavailable`) and the departures that timed out were never told to their followers.
 */
@Injectable()
export class LastSeenWriter {
  private readonly logger = new Logger(LastSeenWriter.name);
  private waiting = new Map<string, Waiting>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Resolves once written with the others of its moment, or once the write failed (PostgreSQL
   * away): the departure is still told to followers, only the stored time is lost.
   */
  write(tenantId: string, userId: string, at: Date): Promise<void> {
    const waiting: Waiting = this.waiting.get(tenantId) ?? { seen: new Map(), done: [] };
    this.waiting.set(tenantId, waiting);
    waiting.seen.set(userId, at);
    this.timer ??= setTimeout(() => this.flush(), GATHER_MS);
    return new Promise((resolve) => waiting.done.push(resolve));
  }

  private flush() {
    this.timer = undefined;
    const batches = this.waiting;
    this.waiting = new Map();
    for (const [tenantId, { seen, done }] of batches) {
      this.tenantDb
        .transaction(tenantId, (tx) => this.users.markSeen(tx, tenantId, seen))
        .catch((error: unknown) =>
          this.logger.warn(`Last seen of ${seen.size} people not stored: ${String(error)}`),
        )
        .finally(() => done.forEach((resolve) => resolve()));
    }
  }
}
