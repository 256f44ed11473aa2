import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RedisEvictionCheckService } from '../health/redis-eviction-check.service';
import { MaintenanceProcessor } from './maintenance.processor';
import { ProbeJobs } from './probe.job';
import { ProbeSlots } from './probe-slots';
import { QueuesModule } from './queues.module';
import { WorkerDrain } from './worker-lifecycle';

/** The worker process's share of the queues: the maintenance jobs (probes in their tenant's slots), draining, the Redis check. */
@Module({
  imports: [QueuesModule, DiscoveryModule],
  providers: [MaintenanceProcessor, WorkerDrain, RedisEvictionCheckService, ProbeJobs, ProbeSlots],
})
export class QueueWorkersModule {}
