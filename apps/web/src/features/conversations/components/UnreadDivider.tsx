import { useTranslation } from 'react-i18next';

/** "New messages": above the first message that was unread when the conversation opened. */
export function UnreadDivider() {
  const { t } = useTranslation();
  return (
    <div
      role="separator"
      aria-label={t('reading.newMessages')}
      data-testid="unread-divider"
      className="my-2 flex scroll-mt-4 items-center gap-3 px-2 text-xs font-semibold text-red-700"
    >
      <span className="h-px flex-1 bg-red-300" />
      <span>{t('reading.newMessages')}</span>
      <span className="h-px flex-1 bg-red-300" />
    </div>
  );
}
