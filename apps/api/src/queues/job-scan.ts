import type { JobState } from '@mindsp/contracts';
import type { Job, JobType, Queue } from 'bullmq';

/** The BullMQ lists behind each state a user sees (a paused queue keeps its waiting jobs apart). */
export const BULL_TYPES: Record<JobState, JobType[]> = {
  waiting: ['wait', 'paused', 'prioritized'],
  active: ['active'],
  delayed: ['delayed'],
  completed: ['completed'],
  failed: ['failed'],
};

/** How many jobs one state of one queue is read for at most, per request: the admin page stays fast. */
export const SCAN_CAP = 1000;
const PAGE = 200;

export interface ScanOptions {
  /** Stop once this many jobs were kept. */
  limit?: number;
  /** Stop at the first job for which this is true (lists are ordered, so the rest are too). */
  stopAt?: (job: Job) => boolean;
  /** Oldest first instead of newest first. */
  oldestFirst?: boolean;
}

/**
 * Reads one state of a queue page by page, keeping the jobs `keep` accepts, never more than
 * SCAN_CAP per BullMQ list. Completed and failed lists are ordered by finish time, the others by
 * arrival.
 */
export async function scanJobs(
  queue: Queue,
  state: JobState,
  keep: (job: Job) => boolean,
  { limit = Infinity, stopAt, oldestFirst = false }: ScanOptions = {},
): Promise<Job[]> {
  const kept: Job[] = [];
  for (const type of BULL_TYPES[state]) {
    for (let start = 0; start < SCAN_CAP && kept.length < limit; start += PAGE) {
      // getJobs skips ids whose hash is gone (removed meanwhile): a page may come back short.
      const page = await queue.getJobs([type], start, start + PAGE - 1, oldestFirst);
      for (const job of page) {
        if (stopAt?.(job)) return kept;
        if (job && keep(job)) kept.push(job);
        if (kept.length >= limit) return kept;
      }
      if (page.length < PAGE) break;
    }
  }
  return kept;
}

/** True when `q` is the job's id, or appears (ignoring case) in one of its data's values. */
export function jobMatches(job: Job, q: string): boolean {
  const needle = q.toLowerCase();
  return job.id === q || valuesOf(job.data).some((value) => value.toLowerCase().includes(needle));
}

function valuesOf(data: unknown): string[] {
  if (data === null || data === undefined) return [];
  if (typeof data === 'object') return Object.values(data).flatMap(valuesOf);
  return [String(data)];
}
