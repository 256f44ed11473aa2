import { Module } from '@nestjs/common';
import { PeopleDataModule } from '../people/people-data.module';
import { QueuesModule } from '../queues/queues.module';
import { DeliveryService } from './delivery.service';
import { EmailScheduler } from './email-scheduler';
import { EmailSender } from './email-sender';
import { EmailsProcessor } from './emails.processor';
import { Mailer } from './mailer';
import { MentionNotificationsService } from './mention-notifications.service';
import { MentionsRepository } from './mentions.repository';
import { MessageNotificationsService } from './message-notifications.service';
import { NotificationPush } from './notification-push';
import { NotificationsDataModule } from './notifications-data.module';
import { NotificationsProcessor } from './notifications.processor';

/** The worker's share of notifications: the `notifications` and `emails` processors. */
@Module({
  imports: [NotificationsDataModule, QueuesModule, PeopleDataModule],
  providers: [
    NotificationsProcessor,
    EmailsProcessor,
    DeliveryService,
    MessageNotificationsService,
    MentionNotificationsService,
    MentionsRepository,
    EmailScheduler,
    EmailSender,
    Mailer,
    NotificationPush,
  ],
})
export class NotificationsWorkerModule {}
