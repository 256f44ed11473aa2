import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEntry } from './outbox-entry.entity';
import { OutboxRepository } from './outbox.repository';

/** Where changes record the queue jobs they cause (the worker's OutboxRelayModule relays them). */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntry])],
  providers: [OutboxRepository],
  exports: [OutboxRepository],
})
export class OutboxModule {}
