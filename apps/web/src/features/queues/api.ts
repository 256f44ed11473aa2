import type {
  JobListResponse,
  JobState,
  JobView,
  QueueName,
  QueueStatsResponse,
  RetryFailedResponse,
} from '@mindsp/contracts';
import { client, dataOf } from '../../lib/api';

/** The queue admin API's calls, one function per request. */

const ofQueue = (name: QueueName) => ({ params: { path: { name } } });
const ofJob = (name: QueueName, jobId: string) => ({ params: { path: { name, jobId } } });

export const JOB_LIST_LIMIT = 50;

export const queuesApi = {
  stats: (signal?: AbortSignal): Promise<QueueStatsResponse> =>
    dataOf(client.GET('/api/admin/queues/stats', { signal })),
  jobs: (
    queue: QueueName,
    state: JobState | undefined,
    q: string,
    signal?: AbortSignal,
  ): Promise<JobListResponse> =>
    dataOf(
      client.GET('/api/admin/queues/{name}/jobs', {
        params: {
          path: { name: queue },
          query: { state, q: q || undefined, limit: JOB_LIST_LIMIT },
        },
        signal,
      }),
    ),
  retry: (queue: QueueName, jobId: string): Promise<JobView> =>
    dataOf(client.POST('/api/admin/queues/{name}/jobs/{jobId}/retry', ofJob(queue, jobId))),
  retryFailed: (queue: QueueName): Promise<RetryFailedResponse> =>
    dataOf(client.POST('/api/admin/queues/{name}/retry-failed', ofQueue(queue))),
  remove: (queue: QueueName, jobId: string): Promise<void> =>
    dataOf(client.DELETE('/api/admin/queues/{name}/jobs/{jobId}', ofJob(queue, jobId))),
  setPaused: (queue: QueueName, paused: boolean): Promise<void> =>
    dataOf(
      paused
        ? client.POST('/api/admin/queues/{name}/pause', ofQueue(queue))
        : client.POST('/api/admin/queues/{name}/resume', ofQueue(queue)),
    ),
};
