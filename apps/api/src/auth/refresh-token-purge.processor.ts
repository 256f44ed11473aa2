import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, LessThan } from 'typeorm';
import { QUEUES } from '../queues/queue-connection';
import { RefreshToken } from './refresh-token.entity';

const PURGE_JOB = 'purge-expired-refresh-tokens';
/** Expired tokens are kept a week so that a late reuse is still recognised as reuse. */
const KEEP_AFTER_EXPIRY_MS = 7 * 24 * 3600 * 1000;

@Processor(QUEUES.maintenance)
export class RefreshTokenPurgeProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RefreshTokenPurgeProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap() {
    // Upsert, not add: N workers starting at once still schedule one hourly job.
    await this.queue.upsertJobScheduler(PURGE_JOB, { every: 3600_000 }, { name: PURGE_JOB });
  }

  async process(): Promise<{ deleted: number }> {
    const result = await this.db
      .getRepository(RefreshToken)
      .delete({ expiresAt: LessThan(new Date(Date.now() - KEEP_AFTER_EXPIRY_MS)) });
    const deleted = result.affected ?? 0;
    this.logger.log(`purged ${deleted} expired refresh tokens`);
    return { deleted };
  }
}
