import { Module } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database';
import { ProbeJobs } from './probe.job';
import { AdminScopes } from './queue-admin-scope';
import { QueueAdminController } from './queue-admin.controller';
import { QueueAdminService } from './queue-admin.service';
import { queueRegistryProvider } from './queue-registry';
import { QueueStatsService } from './queue-stats.service';
import { QueuesModule } from './queues.module';

/** The queue dashboard's API (in the API process; the worker process runs the jobs). */
@Module({
  imports: [QueuesModule],
  controllers: [QueueAdminController],
  providers: [
    queueRegistryProvider,
    QueueStatsService,
    QueueAdminService,
    AdminScopes,
    TenantDatabase,
    ProbeJobs,
  ],
})
export class QueueAdminModule {}
