import { Module } from '@nestjs/common';
import { AlertsWorkerModule } from './alerts/alerts-worker.module';
import { AuthWorkerModule } from './auth/auth-worker.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { OutboxRelayModule } from './outbox/outbox-relay.module';
import { QueueWorkersModule } from './queues/queue-workers.module';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';
import { RemindersWorkerModule } from './reminders/reminders-worker.module';

/** What the queue worker process runs: the processors, with the database and Redis. No HTTP. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    QueuesModule,
    QueueWorkersModule,
    AuthWorkerModule,
    OutboxRelayModule,
    NotificationsWorkerModule,
    RemindersWorkerModule,
    AlertsWorkerModule,
  ],
})
export class WorkerModule {}
