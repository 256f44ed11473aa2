import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/Spinner';
import { useNow } from '../../../lib/useNow';
import { ConversationListItem } from './ConversationListItem';
import { useConversations } from '../hooks/useConversations';
import { ChatIcon } from './ChatIcon';
import { Button } from '../../../components/ui/Button';
import { ItemBoundary } from '../../../components/ui/ItemBoundary';

/** My conversations; `archived`: the ones I archived (the others list only those I did not). */
export function ConversationList({ q, archived = false }: { q: string; archived?: boolean }) {
  const { t } = useTranslation();
  const conversations = useConversations(q, archived);
  const now = useNow();

  if (conversations.isPending) {
    return (
      <div className="p-4">
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  if (conversations.isError) {
    return (
      <div className="p-4 text-sm">
        <p role="alert" className="text-neutral-800">
          {t('conversations.loadFailed')}
        </p>
        <Button variant="link" onClick={() => void conversations.refetch()} className="mt-2">
          {t('conversations.retry')}
        </Button>
      </div>
    );
  }

  // A conversation archived or brought back since the page loaded changes lists at once.
  const items = conversations.data.pages
    .flatMap((page) => page.items)
    .filter((conversation) => (conversation.archived === true) === archived);
  if (!items.length) {
    return archived && !q.trim() ? (
      <p data-testid="archived-empty" className="px-4 py-6 text-sm text-neutral-600">
        {t('replies.archivedEmpty')}
      </p>
    ) : q.trim() ? (
      <p className="px-4 py-6 text-sm text-neutral-600">
        {t('conversations.noMatch', { q: q.trim() })}
      </p>
    ) : (
      <div className="m-4 flex flex-col items-center rounded-2xl border border-dashed border-neutral-300 px-6 py-10 text-center">
        <ChatIcon />
        <p className="mt-4 font-medium text-neutral-900">{t('conversations.emptyTitle')}</p>
        <p className="mt-1 max-w-sm text-sm text-neutral-600">{t('conversations.emptyBody')}</p>
      </div>
    );
  }

  return (
    <nav aria-labelledby="conversations-title" className="min-h-0 flex-1 overflow-y-auto pb-2">
      <ul
        data-testid={archived ? 'archived-list' : 'conversation-list'}
        className="divide-y divide-neutral-100"
      >
        {items.map((conversation) => (
          <li key={conversation.id}>
            <ItemBoundary what={`conversation ${conversation.id}`}>
              <ConversationListItem conversation={conversation} now={now} />
            </ItemBoundary>
          </li>
        ))}
      </ul>
      {conversations.hasNextPage && (
        <button
          type="button"
          onClick={() => void conversations.fetchNextPage()}
          disabled={conversations.isFetchingNextPage}
          className="mx-4 my-2 text-sm font-semibold text-red-700 underline disabled:opacity-60"
        >
          {conversations.isFetchingNextPage ? t('app.loading') : t('conversations.loadMore')}
        </button>
      )}
    </nav>
  );
}
