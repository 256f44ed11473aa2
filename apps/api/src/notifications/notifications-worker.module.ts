import { Module } from '@nestjs/common';
import { ConversationsDataModule } from '../conversations/conversations-data.module';
import { PeopleModule } from '../people/people.module';
import { QueuesModule } from '../queues/queues.module';
import { DeliveryService } from './delivery.service';
import { EmailScheduler } from './email-scheduler';
import { EmailSender } from './email-sender';
import { EmailsProcessor } from './emails.processor';
import { Mailer } from './mailer';
import { MentionNotificationsService } from './mention-notifications.service';
import { MessageNotificationsService } from './message-notifications.service';
import { MessageSentService } from './message-sent.service';
import { NotificationPush } from './notification-push';
import { NotificationsDataModule } from './notifications-data.module';
import { NotificationsProcessor } from './notifications.processor';

/** The worker's share of notifications: the `notifications` and `emails` processors. */
@Module({
  imports: [NotificationsDataModule, ConversationsDataModule, QueuesModule, PeopleModule],
  providers: [
    NotificationsProcessor,
    EmailsProcessor,
    DeliveryService,
    MessageNotificationsService,
    MessageSentService,
    MentionNotificationsService,
    EmailScheduler,
    EmailSender,
    Mailer,
    NotificationPush,
  ],
})
export class NotificationsWorkerModule {}
