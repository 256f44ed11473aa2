import type { JobState, QueueName } from '@mindsp/contracts';

/** The query keys of the queue dashboard. */
export const queueKeys = {
  all: ['queues'] as const,
  stats: () => [...queueKeys.all, 'stats'] as const,
  jobs: (queue: QueueName, state: JobState | undefined, q: string) =>
    [...queueKeys.all, 'jobs', { queue, state, q }] as const,
};
