import type { Translations } from '../../i18n/types';
import type { queuesFr } from './translations.fr';

// English: the queues admin page.
export const queuesEn: Translations<typeof queuesFr> = {
  queues: {
    title: 'Job queues',
    loadFailed: 'The queues could not be loaded.',
    scopeTenant: 'Your organisation’s jobs',
    scopePlatform: 'Every organisation (platform operator)',
    paused: 'Paused',
    pause: 'Pause',
    resume: 'Resume',
    states: {
      waiting: 'Waiting',
      active: 'Active',
      delayed: 'Delayed',
      completed: 'Completed',
      failed: 'Failed',
    },
    lastMinute: 'Last minute: {{completed}} completed, {{failed}} failed',
    noneWaiting: 'No job waiting',
    oldestWaiting: 'Oldest waiting: {{age}}',
    jobsOf: 'Jobs of “{{queue}}”',
    stateFilter: 'State',
    allStates: 'All states',
    search: 'Search for a job',
    searchPlaceholder: 'Id or data',
    retry: 'Retry',
    retryAll: 'Retry all failed',
    remove: 'Remove',
    deadLetter: 'dead letter',
    attempts: 'Attempts: {{made}} / {{max}}',
    noJobs: 'No jobs.',
    jobsFailed: 'The jobs could not be loaded.',
    actionFailed: 'The action failed: {{reason}}',
  },
};
