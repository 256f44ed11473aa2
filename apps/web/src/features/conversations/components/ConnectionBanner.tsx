import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../../../lib/socket';

/** Says the live connection is lost while it is: messages will not arrive until it is back. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useConnectionState();
  if (state !== 'disconnected') return null;
  return (
    <p
      role="status"
      data-testid="connection-banner"
      className="mb-2 flex items-center gap-2 bg-amber-100 px-4 py-2 text-sm font-medium text-amber-900 ring-1 ring-amber-200 md:rounded-lg"
    >
      <span
        className="size-2 shrink-0 animate-pulse rounded-full bg-amber-600"
        aria-hidden="true"
      />
      {t('connection.lost')}
    </p>
  );
}
