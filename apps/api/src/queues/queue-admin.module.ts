import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersDataModule } from '../users/users-data.module';
import { ProbeJobsService } from './probe-jobs.service';
import { ProbeSlotsService } from './probe-slots.service';
import { AdminScopesService } from './admin-scopes.service';
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
    AdminScopesService,
    ProbeJobsService,
    ProbeSlotsService,
  ],
})
export class QueueAdminModule {}
