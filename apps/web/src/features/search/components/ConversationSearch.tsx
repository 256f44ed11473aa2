import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { SearchInput } from '../../../components/ui/SearchInput';
import { currentLocale } from '../../../i18n';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { HighlightedText } from './HighlightedText';
import { ClosePanelButton } from '../../../components/ui/ClosePanelButton';
import { useMessageSearch } from '../hooks/useMessageSearch';
import { SearchResults } from './SearchResults';

interface ConversationSearchProps {
  conversationId: string;
  onClose: () => void;
  onPick: (seq: number) => void;
}

/** The search scoped to one conversation, under its header; a hit brings its message into view. */
export function ConversationSearch({ conversationId, onClose, onPick }: ConversationSearchProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = useDebouncedValue(q.trim(), 250);
  const search = useMessageSearch({ q: term, conversationId });
  const hits = search.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="border-b border-neutral-200 bg-neutral-50 px-3 py-2 sm:px-4">
      <form
        role="search"
        onSubmit={(event) => event.preventDefault()}
        className="flex items-center gap-2"
      >
        <SearchInput
          value={q}
          onChange={setQ}
          tone="panel"
          onKeyDown={(event) => event.key === 'Escape' && onClose()}
          autoFocus
          aria-label={t('conversation.search')}
          placeholder={t('conversation.searchPlaceholder')}
          className="min-w-0 flex-1"
        />
        <ClosePanelButton label={t('conversation.searchClose')} onClick={onClose} />
      </form>
      {term && (
        <div aria-live="polite" className="mt-2 max-h-60 overflow-y-auto">
          <SearchResults
            hits={hits}
            failed={search.isError}
            empty={search.isSuccess && hits.length === 0 && !search.isPlaceholderData}
            label={t('conversation.searchResults')}
            className="space-y-1"
            renderHit={(hit) => (
              <button
                type="button"
                data-testid="search-hit"
                data-seq={hit.message.seq}
                onClick={() => onPick(hit.message.seq)}
                className="block w-full rounded-lg bg-white px-3 py-2 text-left text-sm ring-1 ring-neutral-200 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-700"
              >
                <span
                  dir="auto"
                  className="line-clamp-2 whitespace-pre-wrap [overflow-wrap:anywhere]"
                >
                  <HighlightedText highlight={hit.highlight} />
                </span>
                <time
                  dateTime={hit.message.createdAt}
                  className="mt-0.5 block text-xs text-neutral-600"
                >
                  {new Intl.DateTimeFormat(currentLocale(), {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }).format(new Date(hit.message.createdAt))}
                </time>
              </button>
            )}
          />
        </div>
      )}
    </div>
  );
}
