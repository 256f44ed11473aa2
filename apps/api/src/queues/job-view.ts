import { JOB_STATES, type JobState, type JobView, type QueueName } from '@mindsp/contracts';
import type { Job } from 'bullmq';

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

/**
 * What an admin sees of a job. BullMQ moves a job to `failed` only once it will not run again
 * (attempts exhausted, unrecoverable, or stalled too often): every failed job is a dead letter.
 * Between attempts a job waits as `delayed` with its last error.
 */
export function toJobView(job: Job, queue: QueueName, state: JobState): JobView {
  return {
    id: job.id!,
    queue,
    name: job.name,
    state,
    data: (job.data ?? {}) as Record<string, unknown>,
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    failedReason: job.failedReason || null,
    deadLetter: state === 'failed',
    createdAt: new Date(job.timestamp).toISOString(),
    processedAt: iso(job.processedOn),
    finishedAt: iso(job.finishedOn),
  };
}

/** BullMQ's state names, as the contract's (`prioritized` and `paused` jobs are waiting). */
export function toJobState(state: string): JobState | null {
  if (state === 'prioritized' || state === 'paused' || state === 'wait') return 'waiting';
  if ((JOB_STATES as readonly string[]).includes(state)) return state as JobState;
  return null;
}
