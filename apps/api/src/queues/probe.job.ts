import type { JobView, ProbeJobInput } from '@mindsp/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { toJobView } from './job-view';
import { QUEUES } from './queue-connection';

/** The diagnostic job's name on the `maintenance` queue. */
export const PROBE_JOB = 'probe';

export interface ProbeJobData extends ProbeJobInput {
  tenantId: string;
  requestedBy: string;
}

export interface ProbeResult {
  attempt: number;
  workerPid: number;
}

/**
 * A probe checks the whole pipeline (API → Redis → a worker → back) without side effects: an admin
 * sends one and watches it in the queue dashboard. Its data says how to behave, so an admin can
 * also check retries, dead letters and the retry button.
 */
@Injectable()
export class ProbeJobs {
  constructor(@InjectQueue(QUEUES.maintenance) private readonly queue: Queue) {}

  async enqueue(caller: AuthenticatedUser, input: ProbeJobInput): Promise<JobView> {
    const { delayMs, attempts, ...behaviour } = input;
    const data: ProbeJobData = { ...behaviour, tenantId: caller.tenantId, requestedBy: caller.id };
    const job = await this.queue.add(PROBE_JOB, data, {
      jobId: `probe-${randomUUID()}`,
      delay: delayMs,
      ...(attempts ? { attempts } : {}),
    });
    return toJobView(job, QUEUES.maintenance, delayMs ? 'delayed' : 'waiting');
  }

  /** Runs in the worker. `attemptsMade` counts the attempts that failed before this one. */
  static async run(job: Job<ProbeJobData>): Promise<ProbeResult> {
    const { sleepMs, unrecoverable, failTimes = 0 } = job.data;
    if (sleepMs) await sleep(sleepMs);
    if (unrecoverable) throw new UnrecoverableError('probe asked to fail without retry');
    if (job.attemptsMade < failTimes)
      throw new Error(`probe failure ${job.attemptsMade + 1} of ${failTimes}`);
    return { attempt: job.attemptsMade + 1, workerPid: process.pid };
  }
}
