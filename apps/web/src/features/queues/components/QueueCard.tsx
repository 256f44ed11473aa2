import { JOB_STATES, type QueueStats } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { formatWait } from '../../../lib/retryAfter';

/** One queue at a glance: its counts, last minute's throughput, its oldest waiting job. */
export function QueueCard({
  queue,
  selected,
  onSelect,
  canPause,
  onSetPaused,
  busy,
}: {
  queue: QueueStats;
  selected: boolean;
  onSelect: () => void;
  /** Platform operators pause and resume queues (they are shared by every organisation). */
  canPause: boolean;
  onSetPaused: (paused: boolean) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section
      aria-label={queue.name}
      data-testid="queue-card"
      data-queue={queue.name}
      className={`rounded-xl bg-white p-3 ring-1 ${selected ? 'ring-2 ring-red-600' : 'ring-neutral-200'}`}
    >
      <div className="flex items-center justify-between gap-2">
        <button
          type="button"
          onClick={onSelect}
          aria-pressed={selected}
          className="font-semibold text-neutral-900 hover:underline"
        >
          {queue.name}
        </button>
        {queue.paused && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
            {t('queues.paused')}
          </span>
        )}
      </div>
      <dl className="mt-2 grid grid-cols-5 gap-1 text-center text-xs">
        {JOB_STATES.map((state) => (
          <div key={state}>
            <dt className="text-neutral-600">{t(`queues.states.${state}`)}</dt>
            <dd
              data-testid={`count-${state}`}
              className={`text-base font-semibold ${state === 'failed' && queue.counts.failed > 0 ? 'text-red-700' : 'text-neutral-900'}`}
            >
              {queue.counts[state]}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-neutral-700">
        {t('queues.lastMinute', {
          completed: queue.completedLastMinute,
          failed: queue.failedLastMinute,
        })}
      </p>
      <p className="text-xs text-neutral-700">
        {queue.oldestWaitingMs === null
          ? t('queues.noneWaiting')
          : t('queues.oldestWaiting', { age: formatWait(queue.oldestWaitingMs / 1000, t) })}
      </p>
      {canPause && (
        <Button
          variant="quiet"
          disabled={busy}
          onClick={() => onSetPaused(!queue.paused)}
          className="mt-2 ring-1 ring-neutral-300"
        >
          {queue.paused ? t('queues.resume') : t('queues.pause')}
        </Button>
      )}
    </section>
  );
}
