export const QUEUE_NAMES = [
  'notifications',
  'emails',
  'reminders',
  'alerts',
  'maintenance',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueStats {
  name: QueueName;
  paused: boolean;
  counts: Record<JobState, number>;
  completedLastMinute: number;
  failedLastMinute: number;
  /** Age of the oldest waiting job; null when none waits. */
  oldestWaitingMs: number | null;
}

/** Who the stats and lists cover: the caller's tenant, or every tenant (platform operators). */
export type QueueAdminScope = 'tenant' | 'platform';

export interface QueueStatsResponse {
  queues: QueueStats[];
  /** `tenant`: counts are the caller's tenant's jobs; `platform`: the queue's totals. */
  scope: QueueAdminScope;
}

export interface JobListQuery {
  state?: Exclude<JobState, 'active'> | 'active';
  /** Finds jobs by id or by a value in their data. */
  q?: string;
  limit?: number;
}

export interface JobView {
  id: string;
  queue: QueueName;
  name: string;
  state: JobState;
  data: Record<string, unknown>;
  attemptsMade: number;
  maxAttempts: number;
  /** The last error, for failed jobs (and retried ones). */
  failedReason: string | null;
  /** True when the job exhausted its attempts or failed as unrecoverable: the dead letters. */
  deadLetter: boolean;
  createdAt: string;
  processedAt: string | null;
  finishedAt: string | null;
}

export interface JobListResponse {
  items: JobView[];
}

export interface RetryFailedResponse {
  retried: number;
}

/**
 * A diagnostic job on the `maintenance` queue: an admin runs one to check the pipeline end to end.
 * It succeeds, fails its first `failTimes` attempts, fails unrecoverably, or sleeps first.
 */
export interface ProbeJobInput {
  label?: string;
  failTimes?: number;
  unrecoverable?: boolean;
  sleepMs?: number;
  delayMs?: number;
  attempts?: number;
}
