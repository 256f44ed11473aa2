import {
  JOB_STATES,
  type JobState,
  type QueueName,
  type QueueStats,
  type QueueStatsResponse,
} from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { type AdminScope, inScope } from './admin-scopes.service';
import { BULL_TYPES, scanJobs } from './job-scan';
import { QueueRegistry } from './queue-registry';

const MINUTE_MS = 60_000;

/**
 * Counts come from BullMQ's own counters for a platform operator (the queue's totals); for a tenant
 * admin they are counted from the jobs' data (a bounded scan: see SCAN_CAP). Throughput is read
 * from the completed and failed lists, which are ordered by finish time: the scan stops at the
 * first job older than a minute.
 */
@Injectable()
export class QueueStatsService {
  constructor(private readonly registry: QueueRegistry) {}

  async all(scope: AdminScope): Promise<QueueStatsResponse> {
    const queues = await Promise.all(
      this.registry.names.map((name) => this.statsOf(name, this.registry.get(name), scope)),
    );
    return { queues, scope: scope.kind };
  }

  private async statsOf(name: QueueName, queue: Queue, scope: AdminScope): Promise<QueueStats> {
    const now = Date.now();
    const [totals, paused, completedLastMinute, failedLastMinute, oldestWaiting] =
      await Promise.all([
        this.totals(queue),
        queue.isPaused(),
        this.finishedSince(queue, 'completed', scope, now - MINUTE_MS),
        this.finishedSince(queue, 'failed', scope, now - MINUTE_MS),
        this.oldestWaiting(queue, scope),
      ]);
    const counts = scope.tenantId === null ? totals : await this.tenantCounts(queue, totals, scope);
    return {
      name,
      paused,
      counts,
      completedLastMinute,
      failedLastMinute,
      oldestWaitingMs: oldestWaiting ? Math.max(0, now - waitingSince(oldestWaiting)) : null,
    };
  }

  private async totals(queue: Queue): Promise<Record<JobState, number>> {
    const raw = await queue.getJobCounts(...JOB_STATES.flatMap((state) => BULL_TYPES[state]));
    const sum = (state: JobState) => BULL_TYPES[state].reduce((n, type) => n + (raw[type] ?? 0), 0);
    return Object.fromEntries(JOB_STATES.map((state) => [state, sum(state)])) as Record<
      JobState,
      number
    >;
  }

  private async tenantCounts(queue: Queue, totals: Record<JobState, number>, scope: AdminScope) {
    const counts = await Promise.all(
      JOB_STATES.map(async (state) =>
        // An empty list needs no scan.
        totals[state] === 0
          ? 0
          : (await scanJobs(queue, state, (job) => inScope(scope, job))).length,
      ),
    );
    return Object.fromEntries(JOB_STATES.map((state, i) => [state, counts[i]])) as Record<
      JobState,
      number
    >;
  }

  private async finishedSince(queue: Queue, state: JobState, scope: AdminScope, since: number) {
    const jobs = await scanJobs(queue, state, (job) => inScope(scope, job), {
      stopAt: (job) => (job.finishedOn ?? 0) < since,
    });
    return jobs.length;
  }

  private async oldestWaiting(queue: Queue, scope: AdminScope): Promise<Job | undefined> {
    const [oldest] = await scanJobs(queue, 'waiting', (job) => inScope(scope, job), {
      limit: 1,
      oldestFirst: true,
    });
    return oldest;
  }
}

/** A delayed job only starts waiting once its delay is over. */
function waitingSince(job: Job): number {
  return job.timestamp + (job.delay ?? 0);
}
