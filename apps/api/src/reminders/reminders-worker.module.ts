import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertRoundsModule } from '../alerts/alert-rounds.module';
import { OutboxModule } from '../outbox/outbox.module';
import { QueuesModule } from '../queues/queues.module';
import { ReminderFiring } from './reminder-firing';
import { Reminder } from './reminder.entity';
import { RemindersProcessor } from './reminders.processor';
import { RemindersRepository } from './reminders.repository';

/** The worker's `reminders` queue: reminders firing, and alerts' re-notification rounds. */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder]), OutboxModule, QueuesModule, AlertRoundsModule],
  providers: [RemindersRepository, ReminderFiring, RemindersProcessor],
})
export class RemindersWorkerModule {}
