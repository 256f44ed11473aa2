import { BullModule, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Worker } from 'bullmq';
import type { AppConfig } from '../config/config';

/**
 * A processor's worker options are fixed when its decorator runs, before configuration is read.
 * Stall detection comes from configuration for every queue, so the worker class carries it
 * (a processor's own options still win).
 */
export function applyWorkerSettings(settings: AppConfig['queueWorker']) {
  BullModule.workerClass = class ConfiguredWorker extends Worker {
    constructor(...[name, processor, options, connection]: ConstructorParameters<typeof Worker>) {
      super(name, processor, { ...settings, ...options } as typeof options, connection);
    }
  };
}

/**
 * On shutdown every worker stops taking jobs and finishes the active ones, before the database and
 * Redis connections close (those close in onApplicationShutdown, which runs after this hook).
 */
@Injectable()
export class WorkerDrainService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown() {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
    this.logger.log(`finishing the active jobs of ${workers.length} queue workers`);
    await Promise.all(workers.map((worker) => worker.close()));
  }
}
