import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RedisEvictionCheckService } from '../health/redis-eviction-check.service';
import { MaintenanceProcessor } from './maintenance.processor';
import { ProbeJobsService } from './probe-jobs.service';
import { ProbeSlotsService } from './probe-slots.service';
import { QueuesModule } from './queues.module';
import { WorkerDrainService } from './worker-drain.service';

/** The worker process's share of the queues: the maintenance jobs (probes in their tenant's slots), draining, the Redis check. */
@Module({
  imports: [QueuesModule, DiscoveryModule],
  providers: [
    MaintenanceProcessor,
    WorkerDrainService,
    RedisEvictionCheckService,
    ProbeJobsService,
    ProbeSlotsService,
  ],
})
export class QueueWorkersModule {}
