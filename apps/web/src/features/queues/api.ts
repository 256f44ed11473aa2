import type {
  JobListResponse,
  JobState,
  JobView,
  QueueName,
  QueueStatsResponse,
  RetryFailedResponse,
} from '@mindsp/contracts';
import { api, queryString } from '../../lib/api';

/** The queue admin API's calls, one function per request. */

const queuePath = (queue: QueueName) => `/api/admin/queues/${queue}`;
const jobPath = (queue: QueueName, jobId: string) =>
  `${queuePath(queue)}/jobs/${encodeURIComponent(jobId)}`;

export const JOB_LIST_LIMIT = 50;

export const queuesApi = {
  stats: (signal?: AbortSignal) =>
    api.get<QueueStatsResponse>('/api/admin/queues/stats', { signal }),
  jobs: (queue: QueueName, state: JobState | undefined, q: string, signal?: AbortSignal) =>
    api.get<JobListResponse>(
      `${queuePath(queue)}/jobs${queryString({ state, q, limit: JOB_LIST_LIMIT })}`,
      { signal },
    ),
  retry: (queue: QueueName, jobId: string) => api.post<JobView>(`${jobPath(queue, jobId)}/retry`),
  retryFailed: (queue: QueueName) =>
    api.post<RetryFailedResponse>(`${queuePath(queue)}/retry-failed`),
  remove: (queue: QueueName, jobId: string) => api.delete<void>(jobPath(queue, jobId)),
  setPaused: (queue: QueueName, paused: boolean) =>
    api.post<void>(`${queuePath(queue)}/${paused ? 'pause' : 'resume'}`),
};
