import { QUEUE_NAMES, type QueueName } from '@mindsp/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { NotFoundException, type Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** Every registered queue by name; an unknown name is a 404, like any missing resource. */
export class QueueRegistry {
  constructor(private readonly queues: Map<QueueName, Queue>) {}

  get names(): readonly QueueName[] {
    return QUEUE_NAMES;
  }

  get(name: string): Queue {
    const queue = this.queues.get(name as QueueName);
    if (!queue) throw new NotFoundException(`No queue named "${name}"`);
    return queue;
  }
}

export const queueRegistryProvider: Provider = {
  provide: QueueRegistry,
  inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) =>
    new QueueRegistry(new Map(QUEUE_NAMES.map((name, index) => [name, queues[index]!]))),
};
