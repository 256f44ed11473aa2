import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../../components/ui/Icon';

/** On a phone the list and the conversation are separate screens: this leads back to the list. */
export function BackToList() {
  const { t } = useTranslation();
  return (
    <Link
      to="/messages"
      aria-label={t('conversation.back')}
      className="-ml-1 rounded-lg p-1.5 text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-red-700 md:hidden"
    >
      <Icon name="back" />
    </Link>
  );
}
