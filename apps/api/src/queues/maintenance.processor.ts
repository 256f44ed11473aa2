import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { PURGE_JOB, RefreshTokenPurge } from '../auth/refresh-token-purge';
import { PROBE_JOB, ProbeJobsService } from './probe-jobs.service';
import { QUEUES } from './queue-connection';

/** One worker per queue: the `maintenance` jobs are told apart by name. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly refreshTokenPurge: RefreshTokenPurge,
    private readonly probes: ProbeJobsService,
  ) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case PURGE_JOB:
        return this.refreshTokenPurge.run();
      case PROBE_JOB:
        return this.probes.run(job, token);
      default:
        // Retrying cannot teach this worker a new job name.
        throw new UnrecoverableError(`No maintenance job named "${job.name}"`);
    }
  }
}
