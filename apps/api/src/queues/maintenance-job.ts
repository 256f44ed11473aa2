import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';

/**
 * Marks a provider that runs the `maintenance` queue's jobs of one name:
 * `@MaintenanceJob('purge-expired-refresh-tokens') class RefreshTokenPurgeJob { run(job) {...} }`.
 * The maintenance processor finds them at boot (immich's `@OnJob` shape), so the feature that owns
 * a job keeps it, and queues/ imports no feature.
 */
export const MaintenanceJob = DiscoveryService.createDecorator<string>();

export interface MaintenanceJobHandler {
  run(job: Job, token?: string): Promise<unknown>;
}
