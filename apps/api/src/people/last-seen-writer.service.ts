import { Injectable, Logger } from '@nestjs/common';
import { Gathered } from '../common/gathered';
import { TenantDatabase } from '../database/tenant-database';
import { UsersRepository } from '../users/users.repository';

/** How long a departure waits for others of the same moment before the write. */
const GATHER_MS = 50;

/**
 * Writes when people were last seen, the departures of one moment together: one statement per
 * tenant. A shift ending, or an instance stopping, takes thousands offline at once; one
 * transaction each emptied the connection pool for seconds (sends meanwhile answered
 * `unavailable`) and the departures that timed out were never told to their followers.
 */
@Injectable()
export class LastSeenWriterService {
  private readonly logger = new Logger(LastSeenWriterService.name);
  private readonly departures = new Gathered<{ userId: string; at: Date }, void>(
    GATHER_MS,
    async (tenantId, departures) => {
      const seen = new Map(departures.map(({ userId, at }) => [userId, at]));
      try {
        await this.tenantDb.transaction(tenantId, (tx) => this.users.markSeen(tx, tenantId, seen));
      } catch (error) {
        this.logger.warn(`Last seen of ${seen.size} people not stored: ${String(error)}`);
      }
      return departures.map(() => undefined);
    },
  );

  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Resolves once written with the others of its moment, or once the write failed (PostgreSQL
   * away): the departure is still told to followers, only the stored time is lost.
   */
  write(tenantId: string, userId: string, at: Date): Promise<void> {
    return this.departures.add(tenantId, { userId, at });
  }
}
