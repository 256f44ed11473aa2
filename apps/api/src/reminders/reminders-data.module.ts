import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Reminder } from './reminder.entity';
import { RemindersRepository } from './reminders.repository';

/** The reminders' table and its SQL, shared by the API (RemindersModule) and the worker (RemindersWorkerModule). */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder])],
  providers: [RemindersRepository],
  exports: [RemindersRepository],
})
export class RemindersDataModule {}
