import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Icon } from '../../../components/ui/Icon';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ConversationList } from '../components/ConversationList';
import { OnlineUsers } from '../../people/components/OnlineUsers';
import { MessageSearchPanel } from '../../search/components/MessageSearchPanel';
import { useCurrentUser } from '../../auth/queries';
import { useConversations } from '../hooks/useConversations';
import { useCreateConversation } from '../hooks/useCreateConversation';
import { conversationTitle } from '../names';

/** The search across all messages, offered my conversations (as titled here) to narrow it to. */
function SearchAllMessages({ onClose }: { onClose: () => void }) {
  const me = useCurrentUser();
  const list = useConversations('');
  const conversations = (list.data?.pages.flatMap((page) => page.items) ?? []).map(
    (conversation) => ({ id: conversation.id, title: conversationTitle(conversation, me.id) }),
  );
  return <MessageSearchPanel conversations={conversations} onClose={onClose} />;
}

/** Who is online; a tap opens (or creates) the direct conversation with that person. */
function OnlineNow() {
  const openDirect = useCreateConversation();
  const navigate = useNavigate();
  const open = (userId: string) =>
    openDirect.mutate(
      { kind: 'direct', memberIds: [userId] },
      { onSuccess: (conversation) => navigate(`/messages/${conversation.id}`) },
    );
  return <OnlineUsers onOpen={open} opening={openDirect.isPending} />;
}

/**
 * The list panel beside (or, on a phone, instead of) the open conversation: my conversations,
 * a filter, who is online, and the way to start a new one.
 */
export function ConversationListPanel() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  // Searching all messages takes the list's place until closed.
  const [searching, setSearching] = useState(false);

  return (
    <div className="flex min-h-0 flex-1 flex-col bg-white md:rounded-2xl md:shadow-sm md:ring-1 md:ring-neutral-200">
      <div className="flex items-center gap-2 px-4 pb-2 pt-4">
        <h1 id="conversations-title" className="text-xl font-semibold text-neutral-900">
          {t('conversations.title')}
        </h1>
        <button
          type="button"
          onClick={() => setSearching((open) => !open)}
          aria-label={t('globalSearch.open')}
          aria-pressed={searching}
          title={t('globalSearch.open')}
          data-testid="global-search-toggle"
          className="ml-auto rounded-lg p-1.5 text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-red-700 aria-pressed:bg-neutral-100"
        >
          <Icon name="search" className="size-5" />
        </button>
        <Link
          to="/messages/new"
          aria-label={t('conversations.new')}
          title={t('conversations.new')}
          className="inline-flex items-center gap-1.5 rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          <Icon name="add" className="size-4" />
          {t('conversations.newShort')}
        </Link>
      </div>
      {searching ? (
        <SearchAllMessages onClose={() => setSearching(false)} />
      ) : (
        <>
          <div className="px-4 pb-2">
            <SearchInput
              value={q}
              onChange={setQ}
              aria-label={t('conversations.search')}
              placeholder={t('conversations.searchPlaceholder')}
              className="block w-full"
            />
          </div>
          <OnlineNow />
          <div className="px-4 pb-1">
            <button
              type="button"
              aria-pressed={archived}
              data-testid="archived-toggle"
              onClick={() => setArchived((shown) => !shown)}
              className="inline-flex items-center gap-1.5 rounded-lg px-2 py-1 text-sm font-medium text-neutral-700 hover:bg-neutral-100 aria-pressed:bg-red-50 aria-pressed:text-red-800"
            >
              <Icon name={archived ? 'back' : 'archive'} className="size-4" />
              {archived ? t('replies.backFromArchived') : t('replies.archived')}
            </button>
          </div>
          <ConversationList q={q} archived={archived} />
        </>
      )}
    </div>
  );
}
