import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module';
import { EmailsProcessor } from './emails.processor';
import { NotificationsDeliveryModule } from './notifications-delivery.module';
import { NotificationsProcessor } from './notifications.processor';

/** The worker's share of notifications: the `notifications` and `emails` queues' processors. */
@Module({
  imports: [NotificationsDeliveryModule, QueuesModule],
  providers: [NotificationsProcessor, EmailsProcessor],
})
export class NotificationsWorkerModule {}
