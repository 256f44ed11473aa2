import { JOB_STATES, type JobState, type QueueName } from '@mindsp/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { SearchInput } from '../../../components/ui/SearchInput';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { inputBaseClass } from '../../../components/form/FormField';
import { useJobs } from '../hooks/useJobs';
import { useQueueActions } from '../hooks/useQueueActions';
import { JobRow } from './JobRow';

/** A queue's jobs: the failed ones (dead letters) first, any state on demand, and a search. */
export function JobList({ queue }: { queue: QueueName }) {
  const { t } = useTranslation();
  const [state, setState] = useState<JobState | ''>('failed');
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q);
  const jobs = useJobs(queue, state || undefined, search);
  const actions = useQueueActions();
  const busy = actions.retry.isPending || actions.remove.isPending || actions.retryFailed.isPending;
  const failed = jobs.data?.items.filter((job) => job.state === 'failed').length ?? 0;
  const actionError = [actions.retry, actions.remove, actions.retryFailed].find(
    (m) => m.isError,
  )?.error;

  return (
    <section
      aria-label={t('queues.jobsOf', { queue })}
      className="rounded-xl bg-white ring-1 ring-neutral-200"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-neutral-200 p-3">
        <h2 className="mr-auto font-semibold text-neutral-900">{t('queues.jobsOf', { queue })}</h2>
        <select
          aria-label={t('queues.stateFilter')}
          value={state}
          onChange={(event) => setState(event.target.value as JobState | '')}
          className={inputBaseClass}
        >
          <option value="">{t('queues.allStates')}</option>
          {JOB_STATES.map((option) => (
            <option key={option} value={option}>
              {t(`queues.states.${option}`)}
            </option>
          ))}
        </select>
        <SearchInput
          value={q}
          onChange={setQ}
          aria-label={t('queues.search')}
          placeholder={t('queues.searchPlaceholder')}
          className="w-full sm:w-56"
        />
        {failed > 0 && (
          <Button disabled={busy} onClick={() => actions.retryFailed.mutate(queue)}>
            {t('queues.retryAll')}
          </Button>
        )}
      </div>
      {actionError && (
        <p role="alert" className="px-3 pt-2 text-sm text-red-800">
          {t('queues.actionFailed', { reason: actionError.message })}
        </p>
      )}
      {jobs.isError ? (
        <p role="alert" className="p-3 text-sm text-neutral-800">
          {t('queues.jobsFailed')}
        </p>
      ) : jobs.data && jobs.data.items.length === 0 ? (
        <p className="p-3 text-sm text-neutral-600">{t('queues.noJobs')}</p>
      ) : (
        <ul className="divide-y divide-neutral-100">
          {jobs.data?.items.map((job) => (
            <JobRow
              key={job.id}
              job={job}
              busy={busy}
              onRetry={() => actions.retry.mutate({ queue, jobId: job.id })}
              onRemove={() => actions.remove.mutate({ queue, jobId: job.id })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
