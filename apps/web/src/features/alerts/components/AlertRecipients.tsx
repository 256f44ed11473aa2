import type { AlertView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { acknowledged } from '../cache/alerts';

/** Who answered the alert (and what), and who has not yet: the sender follows it live. */
export function AlertRecipients({ alert }: { alert: AlertView }) {
  const { t, i18n } = useTranslation();
  const { answered, total } = acknowledged(alert);
  const time = new Intl.DateTimeFormat(i18n.resolvedLanguage, { timeStyle: 'short' });
  return (
    <section aria-labelledby="alert-acks" className="mt-6">
      <h2 id="alert-acks" className="font-semibold text-neutral-900">
        <span data-testid="alert-ack-count">{t('alerts.acknowledged', { answered, total })}</span>
      </h2>
      <ul className="mt-2 divide-y divide-neutral-200 rounded-xl bg-white ring-1 ring-neutral-200">
        {alert.recipients.map((recipient) => (
          <li
            key={recipient.userId}
            data-testid="alert-recipient"
            data-response={recipient.response ?? 'none'}
            className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm"
          >
            <bdi className="font-medium text-neutral-900">{recipient.displayName}</bdi>
            {recipient.response ? (
              <span className="text-neutral-800">
                {t(`alerts.responses.${recipient.response}`)}
                {recipient.respondedAt && (
                  <span className="text-neutral-500">
                    {' · '}
                    {time.format(new Date(recipient.respondedAt))}
                  </span>
                )}
              </span>
            ) : (
              <span className="text-amber-800">
                {recipient.notifiedCount > 1
                  ? t('alerts.noAnswerRenotified', { count: recipient.notifiedCount })
                  : t('alerts.noAnswer')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
