import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersDataModule } from '../users/users-data.module';
import { ProbeJobs } from './probe.job';
import { ProbeSlots } from './probe-slots';
import { AdminScopes } from './queue-admin-scope';
import { QueueAdminController } from './queue-admin.controller';
import { QueueAdminService } from './queue-admin.service';
import { queueRegistryProvider } from './queue-registry';
import { QueueStatsService } from './queue-stats.service';
import { QueuesModule } from './queues.module';

/** The queue dashboard's API (in the API process; the worker process runs the jobs). */
@Module({
  imports: [QueuesModule, UsersDataModule, TenantsModule],
  controllers: [QueueAdminController],
  providers: [
    queueRegistryProvider,
    QueueStatsService,
    QueueAdminService,
    AdminScopes,
    ProbeJobs,
    ProbeSlots,
  ],
})
export class QueueAdminModule {}
