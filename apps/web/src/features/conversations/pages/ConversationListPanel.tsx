import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConversationList } from '../components/ConversationList';
import { OnlineUsers } from '../../people/components/OnlineUsers';

/** /messages: my conversations, a filter, who is online, and the way to start a new one. */
export function ConversationListPanel() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');

  return (
    <div className="flex min-h-0 flex-1 flex-col bg-white md:rounded-2xl md:shadow-sm md:ring-1 md:ring-neutral-200">
      <div className="flex items-center gap-2 px-4 pb-2 pt-4">
        <h1 id="conversations-title" className="text-xl font-semibold text-neutral-900">
          {t('conversations.title')}
        </h1>
        <Link
          to="/messages/new"
          aria-label={t('conversations.new')}
          title={t('conversations.new')}
          className="ml-auto inline-flex items-center gap-1.5 rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 fill-current">
            <path d="M9.2 4h1.6v5.2H16v1.6h-5.2V16H9.2v-5.2H4V9.2h5.2z" />
          </svg>
          {t('conversations.newShort')}
        </Link>
      </div>
      <div className="px-4 pb-2">
        <input
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          aria-label={t('conversations.search')}
          placeholder={t('conversations.searchPlaceholder')}
          className="block w-full rounded-lg border border-neutral-300 bg-neutral-50 px-3 py-2 text-sm text-neutral-900 placeholder:text-neutral-500 focus:border-red-600 focus:bg-white focus:outline-none focus:ring-2 focus:ring-red-600/30"
        />
      </div>
      <OnlineUsers />
      <ConversationList q={q} />
    </div>
  );
}
