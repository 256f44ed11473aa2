import type { QueueName } from '@mindsp/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queuesApi } from '../api';
import { queueKeys } from '../keys';

/** What an admin does to a queue's jobs (and an operator to the queue); the dashboard follows. */
export function useQueueActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queueKeys.all });
  return {
    retry: useMutation({
      mutationFn: ({ queue, jobId }: { queue: QueueName; jobId: string }) =>
        queuesApi.retry(queue, jobId),
      onSettled: refresh,
    }),
    retryFailed: useMutation({
      mutationFn: (queue: QueueName) => queuesApi.retryFailed(queue),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: ({ queue, jobId }: { queue: QueueName; jobId: string }) =>
        queuesApi.remove(queue, jobId),
      onSettled: refresh,
    }),
    setPaused: useMutation({
      mutationFn: ({ queue, paused }: { queue: QueueName; paused: boolean }) =>
        queuesApi.setPaused(queue, paused),
      onSettled: refresh,
    }),
  };
}
