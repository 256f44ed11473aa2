import { Module } from '@nestjs/common';
import { WriteLimits } from '../auth/write-limits';
import { ConversationsDataModule } from '../conversations/conversations-data.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleDataModule } from '../people/people-data.module';
import { QueuesModule } from '../queues/queues.module';
import { RemindersController } from './reminders.controller';
import { RemindersDataModule } from './reminders-data.module';
import { RemindersService } from './reminders.service';

/** Reminders as the API serves them: set, list, cancel. The worker fires them (RemindersWorkerModule). */
@Module({
  imports: [
    RemindersDataModule,
    ConversationsDataModule,
    PeopleDataModule,
    OutboxModule,
    QueuesModule,
  ],
  controllers: [RemindersController],
  providers: [RemindersService, WriteLimits],
})
export class RemindersModule {}
