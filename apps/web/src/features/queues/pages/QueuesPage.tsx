import type { QueueName } from '@mindsp/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/Spinner';
import { isApiError } from '../../../lib/api';
import { PageFrame } from '../../../components/PageFrame';
import { JobList } from '../components/JobList';
import { QueueCard } from '../components/QueueCard';
import { useQueueActions } from '../hooks/useQueueActions';
import { useQueueStats } from '../hooks/useQueueStats';

/** `/admin/queues`: the background work (notifications, emails, reminders), watched and repaired. */
export function QueuesPage() {
  const { t } = useTranslation();
  const stats = useQueueStats();
  const { setPaused } = useQueueActions();
  const [selected, setSelected] = useState<QueueName>('notifications');

  if (stats.isPending) return <Spinner label={t('app.loading')} />;
  if (stats.isError)
    return (
      <PageFrame title={t('queues.title')}>
        <p role="alert" className="text-neutral-800">
          {isApiError(stats.error, 403) ? t('admin.notAllowed') : t('queues.loadFailed')}
        </p>
      </PageFrame>
    );

  const operator = stats.data.scope === 'platform';
  return (
    <PageFrame
      title={t('queues.title')}
      actions={
        <span className="text-xs text-neutral-600">
          {t(operator ? 'queues.scopePlatform' : 'queues.scopeTenant')}
        </span>
      }
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {stats.data.queues.map((queue) => (
          <QueueCard
            key={queue.name}
            queue={queue}
            selected={queue.name === selected}
            onSelect={() => setSelected(queue.name)}
            canPause={operator}
            busy={setPaused.isPending}
            onSetPaused={(paused) => setPaused.mutate({ queue: queue.name, paused })}
          />
        ))}
      </div>
      <div className="mt-4 pb-4">
        <JobList key={selected} queue={selected} />
      </div>
    </PageFrame>
  );
}
