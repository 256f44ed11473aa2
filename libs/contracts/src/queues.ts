export const QUEUE_NAMES = ['notifications', 'emails', 'reminders', 'maintenance'] as const;
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

export interface QueueStatsResponse {
  queues: QueueStats[];
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
