import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { AlertRoundsService } from './alert-rounds.service';
import { AlertsDataModule } from './alerts-data.module';
import { AlertsProcessor } from './alerts.processor';

/** The worker's share of alerts: the `alerts` queue, whose jobs are the re-notification rounds. */
@Module({
  imports: [AlertsDataModule, OutboxModule],
  providers: [AlertRoundsService, AlertsProcessor],
})
export class AlertsWorkerModule {}
