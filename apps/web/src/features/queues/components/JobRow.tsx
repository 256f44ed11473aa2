import type { JobView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';

/** A job: what it is, where it stands, its last error; retry a failed one, remove one at rest. */
export function JobRow({
  job,
  onRetry,
  onRemove,
  busy,
}: {
  job: JobView;
  onRetry: () => void;
  onRemove: () => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const created = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(job.createdAt));
  return (
    <li
      data-testid="job"
      data-job-id={job.id}
      data-state={job.state}
      className="space-y-1 px-3 py-2.5 text-sm"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-mono text-xs text-neutral-700">{job.id}</span>
        <span className="font-medium text-neutral-900">{job.name}</span>
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-semibold ${job.state === 'failed' ? 'bg-red-100 text-red-900' : 'bg-neutral-100 text-neutral-800'}`}
        >
          {t(`queues.states.${job.state}`)}
          {job.deadLetter && ` · ${t('queues.deadLetter')}`}
        </span>
        <span className="text-xs text-neutral-600">
          {t('queues.attempts', { made: job.attemptsMade, max: job.maxAttempts })}
        </span>
        <span className="text-xs text-neutral-600">{created}</span>
        <span className="ml-auto flex gap-2">
          {job.state === 'failed' && (
            <Button disabled={busy} onClick={onRetry}>
              {t('queues.retry')}
            </Button>
          )}
          {job.state !== 'active' && (
            <Button variant="quiet" disabled={busy} onClick={onRemove}>
              {t('queues.remove')}
            </Button>
          )}
        </span>
      </div>
      {job.failedReason && (
        <p data-testid="job-error" className="break-words font-mono text-xs text-red-800">
          {job.failedReason}
        </p>
      )}
    </li>
  );
}
