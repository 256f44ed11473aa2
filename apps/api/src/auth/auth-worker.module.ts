import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module';
import { RefreshTokenPurgeJob } from './refresh-token-purge.job';
import { RefreshTokensModule } from './refresh-tokens.module';

/** Auth's share of the worker process: the hourly purge of expired refresh tokens. */
@Module({
  imports: [QueuesModule, RefreshTokensModule],
  providers: [RefreshTokenPurgeJob],
})
export class AuthWorkerModule {}
