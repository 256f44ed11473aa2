import type { JobView, ProbeJobInput } from '@mindsp/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { DelayedError, type Job, type Queue, UnrecoverableError } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { TooManyRequestsException } from '../common/too-many-requests';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { toJobView } from './job-view';
import { MaintenanceJob } from './maintenance-job';
import { ProbeSlotsService } from './probe-slots.service';
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

/** The queue's default attempts and first backoff (queues.module.ts). */
const DEFAULT_ATTEMPTS = 5;
const BACKOFF_MS = 1000;
/** Beyond what a probe asked for: a stalled worker's lock, the queue's own latency. */
const MARGIN_MS = 2 * 60_000;
/** A probe past its tenant's running slots looks again after this long. */
const TURN_WAIT_MS = 500;

/**
 * A probe checks the whole pipeline (API → Redis → a worker → back) without side effects: an admin
 * sends one and watches it in the queue dashboard. Its data says how to behave, so an admin can
 * also check retries, dead letters and the retry button.
 *
 * Probes share the `maintenance` queue with every tenant, so each tenant gets a bounded share
 * (ProbeSlotsService): a few waiting or running at once (more are refused with 429), fewer running at
 * once (the others wait their turn behind other tenants' jobs). One tenant's flood of 60-second
 * probes held up another tenant's for tens of seconds.
 */
@Injectable()
@MaintenanceJob(PROBE_JOB)
export class ProbeJobsService {
  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly slots: ProbeSlotsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(caller: AuthenticatedUser, input: ProbeJobInput): Promise<JobView> {
    const { delayMs = 0, attempts = DEFAULT_ATTEMPTS, ...behaviour } = input;
    const data: ProbeJobData = { ...behaviour, tenantId: caller.tenantId, requestedBy: caller.id };
    const jobId = `probe-${randomUUID()}`;
    // The longest it may take, every retry included; past it the slot frees itself.
    const longest =
      delayMs + attempts * (input.sleepMs ?? 0) + BACKOFF_MS * 2 ** attempts + MARGIN_MS;
    if (!(await this.slots.take('pending', caller.tenantId, jobId, Date.now() + longest))) {
      const wait = await this.secondsBeforeOneEnds(caller.tenantId);
      throw new TooManyRequestsException(
        `Your organisation already has ${this.config.probeLimits.pending} diagnostic jobs waiting or running; send another when one has finished (in about ${wait} s)`,
        wait,
      );
    }
    try {
      const job = await this.queue.add(PROBE_JOB, data, {
        jobId,
        delay: delayMs,
        ...(input.attempts ? { attempts } : {}),
      });
      return toJobView(job, QUEUES.maintenance, delayMs ? 'delayed' : 'waiting');
    } catch (error) {
      await this.slots.giveBack('pending', caller.tenantId, jobId);
      throw error;
    }
  }

  /**
   * Runs in the worker, in one of its tenant's running slots, or waits its turn (delayed, not
   * failed: no attempt is spent). Its pending slot is given back once it finished for good.
   * `attemptsMade` counts the attempts that failed before this one.
   */
  async run(job: Job<ProbeJobData>, token?: string): Promise<ProbeResult> {
    const { tenantId, sleepMs = 0 } = job.data;
    const jobId = job.id!;
    if (!(await this.slots.take('running', tenantId, jobId, Date.now() + sleepMs + MARGIN_MS))) {
      await job.moveToDelayed(Date.now() + TURN_WAIT_MS, token);
      throw new DelayedError();
    }
    let over = true;
    try {
      return await ProbeJobsService.behave(job);
    } catch (error) {
      over =
        error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      throw error;
    } finally {
      await this.slots.giveBack('running', tenantId, jobId);
      if (over) await this.slots.giveBack('pending', tenantId, jobId);
    }
  }

  /** What the probe's data asks for. */
  private static async behave(job: Job<ProbeJobData>): Promise<ProbeResult> {
    const { sleepMs, unrecoverable, failTimes = 0 } = job.data;
    if (sleepMs) await sleep(sleepMs);
    if (unrecoverable) throw new UnrecoverableError('probe asked to fail without retry');
    if (job.attemptsMade < failTimes)
      throw new Error(`probe failure ${job.attemptsMade + 1} of ${failTimes}`);
    return { attempt: job.attemptsMade + 1, workerPid: process.pid };
  }

  /** When the first of a tenant's probes should be over, in whole seconds from now (at least 1). */
  private async secondsBeforeOneEnds(tenantId: string): Promise<number> {
    const now = Date.now();
    const ends = await Promise.all(
      (await this.slots.holders('pending', tenantId)).map(async (id) => {
        const job = (await this.queue.getJob(id)) as Job<ProbeJobData> | undefined;
        if (!job) return now;
        const start = job.processedOn ?? Math.max(now, job.timestamp + (job.delay ?? 0));
        return start + (job.data.sleepMs ?? 0);
      }),
    );
    return Math.max(1, Math.ceil((Math.min(...ends, now + 60_000) - now) / 1000));
  }
}
