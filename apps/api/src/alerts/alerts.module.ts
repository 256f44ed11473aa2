import { Module } from '@nestjs/common';
import { WriteLimits } from '../auth/write-limits';
import { ConversationsDataModule } from '../conversations/conversations-data.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleDataModule } from '../people/people-data.module';
import { AlertsController } from './alerts.controller';
import { AlertsDataModule } from './alerts-data.module';
import { AlertsGateway } from './alerts.gateway';
import { AlertsService } from './alerts.service';

/** Urgent alerts as the API serves them (REST and the socket's `alert:ack`). The worker's: AlertsWorkerModule. */
@Module({
  imports: [AlertsDataModule, ConversationsDataModule, PeopleDataModule, OutboxModule],
  controllers: [AlertsController],
  providers: [AlertsService, AlertsGateway, WriteLimits],
})
export class AlertsModule {}
