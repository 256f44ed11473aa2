import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChatIcon } from '../components/ChatIcon';

/** The right-hand pane on a wide screen before a conversation is chosen. */
export function NoConversationSelected() {
  const { t } = useTranslation();
  return (
    <div className="flex flex-1 flex-col items-center justify-center rounded-2xl border border-dashed border-neutral-300 bg-white px-6 text-center">
      <ChatIcon />
      <p className="mt-4 font-medium text-neutral-900">{t('conversations.selectTitle')}</p>
      <p className="mt-1 text-sm text-neutral-600">{t('conversations.selectBody')}</p>
      <Link
        to="/messages/new"
        className="mt-4 rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800"
      >
        {t('conversations.new')}
      </Link>
    </div>
  );
}
