import { ALERT_RESPONSES, type AlertResponse } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { useAcknowledgeAlert } from '../hooks/useAcknowledgeAlert';

/** "Reçu" / "Je suis disponible" / "Indisponible": a recipient's answer to an urgent alert. */
export function AlertAckButtons({
  alertId,
  answered = null,
  onAcknowledged,
  className = '',
}: {
  alertId: string;
  /** My answer as the server has it, when known (the alert's page). */
  answered?: AlertResponse | null;
  onAcknowledged?: () => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const { response, answer } = useAcknowledgeAlert(alertId, answered);
  return (
    <div className={className}>
      <div role="group" aria-label={t('alerts.answer')} className="flex flex-wrap gap-1.5">
        {ALERT_RESPONSES.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={response === option}
            disabled={answer.isPending}
            onClick={() => answer.mutate(option, { onSuccess: () => onAcknowledged?.() })}
            className="rounded-md px-2.5 py-1 text-sm font-semibold ring-1 ring-red-700 text-red-800 hover:bg-red-50 aria-pressed:bg-red-700 aria-pressed:text-white disabled:opacity-60"
          >
            {t(`alerts.responses.${option}`)}
          </button>
        ))}
      </div>
      {answer.isError && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {t('alerts.answerFailed')}
        </p>
      )}
    </div>
  );
}
