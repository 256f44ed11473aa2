import type { JobState, QueueName } from '@mindsp/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queuesApi } from '../api';
import { queueKeys } from '../keys';
import { QUEUE_REFRESH_MS } from './useQueueStats';

/** A queue's jobs in one state (all states when none), found by id or data when `q` is set. */
export function useJobs(queue: QueueName, state: JobState | undefined, q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: queueKeys.jobs(queue, state, term),
    queryFn: ({ signal }) => queuesApi.jobs(queue, state, term, signal),
    refetchInterval: QUEUE_REFRESH_MS,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
