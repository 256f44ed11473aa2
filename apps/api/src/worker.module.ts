import { Module } from '@nestjs/common';
import { RefreshTokenPurgeProcessor } from './auth/refresh-token-purge.processor';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';

/** What the queue worker process runs: the processors, with the database and Redis. No HTTP. */
@Module({
  imports: [ConfigModule, DatabaseModule, RedisModule, QueuesModule],
  providers: [RefreshTokenPurgeProcessor],
})
export class WorkerModule {}
