import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MaintenanceJob } from '../queues/maintenance-job';
import { QUEUES } from '../queues/queue-connection';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export const PURGE_JOB = 'purge-expired-refresh-tokens';
/** Expired tokens are kept a week so that a late reuse is still recognised as reuse. */
const KEEP_AFTER_EXPIRY_MS = 7 * 24 * 3600 * 1000;

/** An hourly `maintenance` job (run by the maintenance processor in the worker). */
@Injectable()
@MaintenanceJob(PURGE_JOB)
export class RefreshTokenPurgeJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(RefreshTokenPurgeJob.name);

  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap() {
    // Upsert, not add: N workers starting at once still schedule one hourly job.
    await this.queue.upsertJobScheduler(PURGE_JOB, { every: 3600_000 }, { name: PURGE_JOB });
  }

  async run(): Promise<{ deleted: number }> {
    const deleted = await this.refreshTokens.purgeExpired(
      new Date(Date.now() - KEEP_AFTER_EXPIRY_MS),
    );
    this.logger.log(`purged ${deleted} expired refresh tokens`);
    return { deleted };
  }
}
