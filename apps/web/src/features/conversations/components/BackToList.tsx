import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On a phone the list and the conversation are separate screens: this leads back to the list. */
export function BackToList() {
  const { t } = useTranslation();
  return (
    <Link
      to="/messages"
      aria-label={t('conversation.back')}
      className="-ml-1 rounded-lg p-1.5 text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-red-700 md:hidden"
    >
      <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5 fill-current">
        <path d="M12.7 4.3 7 10l5.7 5.7-1.2 1.1L4.7 10l6.8-6.8z" />
      </svg>
    </Link>
  );
}
