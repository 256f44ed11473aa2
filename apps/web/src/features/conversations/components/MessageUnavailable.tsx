import { useTranslation } from 'react-i18next';

/** In place of a message (or its bubble) whose display failed: see ErrorBoundary. */
export function MessageUnavailable() {
  const { t } = useTranslation();
  return (
    <p data-testid="message-unavailable" role="note" className="italic">
      {t('errors.messageUnavailable')}
    </p>
  );
}
