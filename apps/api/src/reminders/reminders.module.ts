import { ConversationAudienceRepository } from '../conversations/conversation-audience.repository';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WriteLimits } from '../auth/write-limits';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleDataModule } from '../people/people-data.module';
import { QueuesModule } from '../queues/queues.module';
import { Reminder } from './reminder.entity';
import { RemindersController } from './reminders.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/** Reminders as the API serves them: set, list, cancel. The worker fires them (RemindersWorkerModule). */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder]), PeopleDataModule, OutboxModule, QueuesModule],
  controllers: [RemindersController],
  providers: [ConversationAudienceRepository, RemindersRepository, RemindersService, WriteLimits],
})
export class RemindersModule {}
