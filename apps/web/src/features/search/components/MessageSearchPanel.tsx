import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/ui/SearchInput';
import { Button } from '../../../components/ui/Button';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { ClosePanelButton } from '../../../components/ui/ClosePanelButton';
import { useUsers } from '../../people/hooks/useUsers';
import type { MessageSearchFilters } from '../api';
import { useMessageSearch } from '../hooks/useMessageSearch';
import { SearchHitItem } from './SearchHitItem';
import { SearchResults } from './SearchResults';

const field =
  'min-w-0 rounded-lg border border-neutral-300 bg-white px-2 py-1.5 text-sm text-neutral-900 focus:border-red-600 focus:outline-none focus:ring-2 focus:ring-red-600/30';

/** A conversation the search can be narrowed to, with the title the list shows. */
export interface SearchableConversation {
  id: string;
  title: string;
}

interface MessageSearchPanelProps {
  /** The "in" choices: the conversations feature lists them (search reads no other feature's cache). */
  conversations: SearchableConversation[];
  onClose: () => void;
}

/**
 * The search across all my conversations, in place of the list: words, then who wrote, where,
 * and between which days. A hit opens its conversation at that message.
 */
export function MessageSearchPanel({ conversations, onClose }: MessageSearchPanelProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [senderId, setSenderId] = useState('');
  const [conversationId, setConversationId] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [hasFile, setHasFile] = useState(false);
  const term = useDebouncedValue(q.trim(), 250);
  const filters: MessageSearchFilters = {
    q: term,
    senderId: senderId || undefined,
    conversationId: conversationId || undefined,
    fromDay: fromDay || undefined,
    toDay: toDay || undefined,
    hasFile,
  };
  const search = useMessageSearch(filters);
  const people = useUsers('');
  const hits = search.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="global-search">
      <form
        role="search"
        aria-label={t('globalSearch.title')}
        onSubmit={(event) => event.preventDefault()}
        className="space-y-2 px-4 pb-2"
      >
        <div className="flex items-center gap-2">
          <SearchInput
            value={q}
            onChange={setQ}
            onKeyDown={(event) => event.key === 'Escape' && onClose()}
            autoFocus
            aria-label={t('globalSearch.title')}
            placeholder={t('globalSearch.placeholder')}
            data-testid="global-search-input"
            className="min-w-0 flex-1"
          />
          <ClosePanelButton label={t('globalSearch.close')} onClick={onClose} />
        </div>
        <div className="grid grid-cols-2 gap-2 text-xs text-neutral-600">
          <label className="flex flex-col gap-0.5">
            {t('globalSearch.from')}
            <select
              value={senderId}
              onChange={(event) => setSenderId(event.target.value)}
              data-testid="global-search-from"
              className={field}
            >
              <option value="">{t('globalSearch.anyone')}</option>
              {people.data?.items.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-0.5">
            {t('globalSearch.in')}
            <select
              value={conversationId}
              onChange={(event) => setConversationId(event.target.value)}
              data-testid="global-search-in"
              className={field}
            >
              <option value="">{t('globalSearch.anywhere')}</option>
              {conversations.map((conversation) => (
                <option key={conversation.id} value={conversation.id}>
                  {conversation.title}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-0.5">
            {t('globalSearch.since')}
            <input
              type="date"
              value={fromDay}
              max={toDay || undefined}
              onChange={(event) => setFromDay(event.target.value)}
              data-testid="global-search-since"
              className={field}
            />
          </label>
          <label className="flex flex-col gap-0.5">
            {t('globalSearch.until')}
            <input
              type="date"
              value={toDay}
              min={fromDay || undefined}
              onChange={(event) => setToDay(event.target.value)}
              data-testid="global-search-until"
              className={field}
            />
          </label>
          <label className="flex items-center gap-1.5 self-end pb-1.5">
            <input
              type="checkbox"
              checked={hasFile}
              onChange={(event) => setHasFile(event.target.checked)}
              data-testid="global-search-has-file"
            />
            {t('globalSearch.hasFile')}
          </label>
        </div>
      </form>
      {term && (
        <div aria-live="polite" className="min-h-0 flex-1 overflow-y-auto px-4 pb-4">
          <SearchResults
            hits={hits}
            failed={search.isError}
            empty={search.isSuccess && hits.length === 0 && !search.isPlaceholderData}
            label={t('globalSearch.results')}
            className="space-y-1.5"
            renderHit={(hit) => <SearchHitItem hit={hit} />}
          />
          {search.hasNextPage && (
            <Button
              variant="link"
              onClick={() => void search.fetchNextPage()}
              disabled={search.isFetchingNextPage}
            >
              {t('globalSearch.more')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
