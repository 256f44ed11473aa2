import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEmail } from './notification-email.entity';
import { NotificationEmailsRepository } from './notification-emails.repository';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { NotificationSettingsRow } from './notification-settings.entity';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { Notification } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';

/**
 * The notifications tables and their SQL, shared by the API (REST, conversations marking a
 * conversation's notification read) and the worker (the processors).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationSettingsRow, NotificationEmail])],
  providers: [
    NotificationsRepository,
    NotificationSettingsRepository,
    NotificationEmailsRepository,
    NotificationRecipientsRepository,
  ],
  exports: [
    NotificationsRepository,
    NotificationSettingsRepository,
    NotificationEmailsRepository,
    NotificationRecipientsRepository,
  ],
})
export class NotificationsDataModule {}
