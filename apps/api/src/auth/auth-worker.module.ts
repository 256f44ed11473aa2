import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module';
import { RefreshTokenPurgeJob } from './refresh-token-purge.job';
import { AuthDataModule } from './auth-data.module';

/** Auth's share of the worker process: the hourly purge of expired refresh tokens. */
@Module({
  imports: [QueuesModule, AuthDataModule],
  providers: [RefreshTokenPurgeJob],
})
export class AuthWorkerModule {}
