import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Alert, AlertRecipient } from './alert.entity';
import { AlertsRepository } from './alerts.repository';

/** The alerts' tables and their SQL, shared by the API (AlertsModule) and the worker (AlertsWorkerModule). */
@Module({
  imports: [TypeOrmModule.forFeature([Alert, AlertRecipient])],
  providers: [AlertsRepository],
  exports: [AlertsRepository],
})
export class AlertsDataModule {}
