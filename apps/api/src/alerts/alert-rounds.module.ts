import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module';
import { AlertRounds } from './alert-rounds';
import { Alert, AlertRecipient } from './alert.entity';
import { AlertsRepository } from './alerts.repository';

/** Re-notification rounds, for the worker (no sockets, no HTTP). */
@Module({
  imports: [TypeOrmModule.forFeature([Alert, AlertRecipient]), OutboxModule],
  providers: [AlertsRepository, AlertRounds],
  exports: [AlertRounds],
})
export class AlertRoundsModule {}
