import { Module } from '@nestjs/common';
import { queueRegistryProvider } from '../queues/queue-registry';
import { QueuesModule } from '../queues/queues.module';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxModule } from './outbox.module';

/** The relay from the outbox table to BullMQ: in the worker process (start it N times, it shares). */
@Module({
  imports: [OutboxModule, QueuesModule],
  providers: [queueRegistryProvider, OutboxRelayService],
})
export class OutboxRelayModule {}
