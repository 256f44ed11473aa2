import { useQuery } from '@tanstack/react-query';
import { queuesApi } from '../api';
import { queueKeys } from '../keys';

/**
 * How often the dashboard asks again. Polled: the API pushes no event for queue counts (they
 * change with every job; a push per job would cost more than a small request every few seconds
 * while an admin watches).
 */
export const QUEUE_REFRESH_MS = 3_000;

/** Per queue: counts, throughput over the last minute, oldest waiting job, paused state. */
export function useQueueStats() {
  return useQuery({
    queryKey: queueKeys.stats(),
    queryFn: ({ signal }) => queuesApi.stats(signal),
    refetchInterval: QUEUE_REFRESH_MS,
    staleTime: 0,
  });
}
