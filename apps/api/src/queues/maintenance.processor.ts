import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type Job, UnrecoverableError } from 'bullmq';
import { MaintenanceJob, type MaintenanceJobHandler } from './maintenance-job';
import { QUEUES } from './queue-connection';

/** One worker per queue: the `maintenance` jobs are told apart by name, each run by its `@MaintenanceJob`. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnModuleInit {
  private readonly handlers = new Map<string, MaintenanceJobHandler>();

  constructor(private readonly discovery: DiscoveryService) {
    super();
  }

  onModuleInit() {
    for (const wrapper of this.discovery.getProviders({ metadataKey: MaintenanceJob.KEY })) {
      const name = this.discovery.getMetadataByDecorator(MaintenanceJob, wrapper);
      if (!name || !wrapper.instance) continue;
      if (this.handlers.has(name))
        throw new Error(`Two handlers for the maintenance job "${name}"`);
      this.handlers.set(name, wrapper.instance as MaintenanceJobHandler);
    }
  }

  process(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    // Retrying cannot teach this worker a new job name.
    if (!handler) throw new UnrecoverableError(`No maintenance job named "${job.name}"`);
    return handler.run(job, token);
  }
}
