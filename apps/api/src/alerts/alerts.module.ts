import { ConversationAudienceRepository } from '../conversations/conversation-audience.repository';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WriteLimits } from '../auth/write-limits';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleDataModule } from '../people/people-data.module';
import { Alert, AlertRecipient } from './alert.entity';
import { AlertsController } from './alerts.controller';
import { AlertsGateway } from './alerts.gateway';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

/** Urgent alerts as the API serves them (REST and the socket's `alert:ack`). */
@Module({
  imports: [TypeOrmModule.forFeature([Alert, AlertRecipient]), PeopleDataModule, OutboxModule],
  controllers: [AlertsController],
  providers: [
    ConversationAudienceRepository,
    AlertsRepository,
    AlertsService,
    AlertsGateway,
    WriteLimits,
  ],
})
export class AlertsModule {}
