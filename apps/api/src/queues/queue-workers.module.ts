import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RefreshTokenPurge } from '../auth/refresh-token-purge';
import { RefreshTokensModule } from '../auth/refresh-tokens.module';
import { EvictionPolicyBootCheck } from '../health/redis-eviction-policy';
import { MaintenanceProcessor } from './maintenance.processor';
import { ProbeJobsService } from './probe-jobs.service';
import { ProbeSlotsService } from './probe-slots.service';
import { QueuesModule } from './queues.module';
import { WorkerDrainService } from './worker-drain.service';

/** The worker process's share of the queues: the maintenance jobs (probes in their tenant's slots), draining, the Redis check. */
@Module({
  imports: [QueuesModule, DiscoveryModule, RefreshTokensModule],
  providers: [
    MaintenanceProcessor,
    RefreshTokenPurge,
    WorkerDrainService,
    EvictionPolicyBootCheck,
    ProbeJobsService,
    ProbeSlotsService,
  ],
})
export class QueueWorkersModule {}
