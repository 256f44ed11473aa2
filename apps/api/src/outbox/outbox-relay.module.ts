import { Module } from '@nestjs/common';
import { queueRegistryProvider } from '../queues/queue-registry';
import { QueuesModule } from '../queues/queues.module';
import { OutboxRelay } from './outbox-relay';
import { OutboxModule } from './outbox.module';

/** The relay from the outbox table to BullMQ: in the worker process (start it N times, it shares). */
@Module({
  imports: [OutboxModule, QueuesModule],
  providers: [queueRegistryProvider, OutboxRelay],
})
export class OutboxRelayModule {}
