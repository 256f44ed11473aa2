import { Module } from '@nestjs/common';
import { AlertsModule } from './alerts/alerts.module';
import { AuthApiModule } from './auth/auth-api.module';
import { ConversationsModule } from './conversations/conversations.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SearchModule } from './search/search.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FilesModule } from './files/files.module';
import { HealthModule } from './health/health.module';
import { QueueAdminModule } from './queues/queue-admin.module';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';
import { PeopleApiModule } from './people/people-api.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { DraftsModule } from './drafts/drafts.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    QueuesModule,
    QueueAdminModule,
    AuthApiModule,
    PeopleApiModule,
    HealthModule,
    RealtimeModule,
    ConversationsModule,
    FilesModule,
    SearchModule,
    NotificationsModule,
    RemindersModule,
    AlertsModule,
    DraftsModule,
  ],
})
export class AppModule {}
