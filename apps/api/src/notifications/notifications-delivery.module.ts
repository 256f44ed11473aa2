import { Module } from '@nestjs/common';
import { ConversationsDataModule } from '../conversations/conversations-data.module';
import { PeopleDataModule } from '../people/people-data.module';
import { QueuesModule } from '../queues/queues.module';
import { DeliveryService } from './delivery.service';
import { EmailChannel } from './email.channel';
import { InAppChannel } from './in-app.channel';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel';
import { EmailSchedulerService } from './email-scheduler.service';
import { EmailSenderService } from './email-sender.service';
import { MailerService } from './mailer.service';
import { MentionNotificationsService } from './mention-notifications.service';
import { MessageNotificationsService } from './message-notifications.service';
import { MessageSentService } from './message-sent.service';
import { NotificationPushService } from './notification-push.service';
import { NotificationsDataModule } from './notifications-data.module';

/**
 * How notifications are decided and delivered (message and mention notifications, deliveries
 * through the channels, emails), without the queue processors that run them in the worker
 * (NotificationsWorkerModule): the medium tier builds the services from here.
 */
@Module({
  imports: [NotificationsDataModule, ConversationsDataModule, QueuesModule, PeopleDataModule],
  providers: [
    DeliveryService,
    InAppChannel,
    EmailChannel,
    // Every delivery goes through these, in this order. A new channel (push) is one more here.
    {
      provide: NOTIFICATION_CHANNELS,
      useFactory: (...channels: NotificationChannel[]) => channels,
      inject: [InAppChannel, EmailChannel],
    },
    MessageNotificationsService,
    MessageSentService,
    MentionNotificationsService,
    EmailSchedulerService,
    EmailSenderService,
    MailerService,
    NotificationPushService,
  ],
  exports: [
    DeliveryService,
    MessageNotificationsService,
    MessageSentService,
    MentionNotificationsService,
    EmailSenderService,
  ],
})
export class NotificationsDeliveryModule {}
