import { Module } from '@nestjs/common';
import { ConversationsDataModule } from '../conversations/conversations-data.module';
import { WriteLimits } from '../auth/write-limits';
import { OutboxModule } from '../outbox/outbox.module';
import {
  AnnouncementsController,
  NotificationSettingsController,
  NotificationsController,
} from './notifications.controller';
import { NotificationsDataModule } from './notifications-data.module';
import { NotificationsService } from './notifications.service';

/** The API's share of notifications: REST. The worker's is NotificationsWorkerModule. */
@Module({
  imports: [NotificationsDataModule, ConversationsDataModule, OutboxModule],
  controllers: [NotificationsController, NotificationSettingsController, AnnouncementsController],
  providers: [NotificationsService, WriteLimits],
})
export class NotificationsModule {}
