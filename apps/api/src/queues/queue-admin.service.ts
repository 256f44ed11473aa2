import {
  JOB_STATES,
  LIMITS,
  type JobListQuery,
  type JobListResponse,
  type JobState,
  type JobView,
  type QueueName,
  type RetryFailedResponse,
} from '@mindsp/contracts';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { type AdminScope, inScope } from './admin-scopes.service';
import { jobMatches, scanJobs } from './job-scan';
import { toJobState, toJobView } from './job-view';
import { PROBE_JOB, type ProbeJobData } from './probe-jobs.service';
import { ProbeSlotsService } from './probe-slots.service';
import { QueueRegistry } from './queue-registry';

/** What an admin may do to a queue's jobs: always within their scope; another tenant's job is a 404. */
@Injectable()
export class QueueAdminService {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly probeSlots: ProbeSlotsService,
  ) {}

  /** Newest first; `q` finds a job by its id or by a value in its data. */
  async list(name: string, scope: AdminScope, query: JobListQuery): Promise<JobListResponse> {
    const queue = this.registry.get(name);
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const states = query.state ? [query.state] : JOB_STATES;
    const q = query.q?.trim();
    const keep = (job: Job) => inScope(scope, job) && (!q || jobMatches(job, q));
    const perState = await Promise.all(
      states.map(async (state) =>
        (await scanJobs(queue, state, keep, { limit })).map((job) =>
          toJobView(job, name as QueueName, state),
        ),
      ),
    );
    const items = perState
      .flat()
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
    return { items };
  }

  async get(name: string, scope: AdminScope, jobId: string): Promise<JobView> {
    const { job, state } = await this.find(name, scope, jobId);
    return toJobView(job, name as QueueName, state);
  }

  /** Back to waiting with its attempts as they are: one more try (after the cause was fixed). */
  async retry(name: string, scope: AdminScope, jobId: string): Promise<JobView> {
    const { job, state } = await this.find(name, scope, jobId);
    if (state !== 'failed')
      throw new ConflictException(`Only failed jobs can be retried (this one is ${state})`);
    await job.retry('failed');
    return this.get(name, scope, jobId);
  }

  /** Every dead letter in scope, back to waiting. */
  async retryFailed(name: string, scope: AdminScope): Promise<RetryFailedResponse> {
    const queue = this.registry.get(name);
    const failed = await scanJobs(queue, 'failed', (job) => inScope(scope, job));
    let retried = 0;
    for (const job of failed) {
      // Another admin may have retried or removed it meanwhile: skip it, retry the rest.
      retried += await job.retry('failed').then(
        () => 1,
        () => 0,
      );
    }
    return { retried };
  }

  async remove(name: string, scope: AdminScope, jobId: string): Promise<void> {
    const { job, state } = await this.find(name, scope, jobId);
    if (state === 'active')
      throw new ConflictException('An active job cannot be removed; wait for it to finish');
    await job.remove();
    // A removed probe no longer holds one of its tenant's slots.
    if (job.name === PROBE_JOB) {
      const { tenantId } = job.data as ProbeJobData;
      await this.probeSlots.giveBack('pending', tenantId, job.id!);
    }
  }

  /** A queue is shared by every tenant: stopping it is a platform operator's decision. */
  async setPaused(name: string, scope: AdminScope, paused: boolean): Promise<void> {
    const queue = this.registry.get(name);
    if (scope.kind !== 'platform')
      throw new ForbiddenException(
        'Pausing a queue stops it for every organisation: platform operators only',
      );
    await (paused ? queue.pause() : queue.resume());
  }

  private async find(
    name: string,
    scope: AdminScope,
    jobId: string,
  ): Promise<{ job: Job; state: JobState }> {
    const queue: Queue = this.registry.get(name);
    const job = await queue.getJob(jobId);
    const state = job ? toJobState(await job.getState()) : null;
    if (!job || !state || !inScope(scope, job)) throw new NotFoundException('Job not found');
    return { job, state };
  }
}
