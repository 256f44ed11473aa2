import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { QueuesModule } from '../queues/queues.module';
import { ReminderFiringService } from './reminder-firing.service';
import { RemindersDataModule } from './reminders-data.module';
import { RemindersProcessor } from './reminders.processor';

/** The worker's share of reminders: the `reminders` queue, whose jobs fire reminders. */
@Module({
  imports: [RemindersDataModule, OutboxModule, QueuesModule],
  providers: [ReminderFiringService, RemindersProcessor],
})
export class RemindersWorkerModule {}
