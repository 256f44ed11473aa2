import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import {
  Popover,
  PopoverClose,
  PopoverContent,
  PopoverTrigger,
} from '../../../components/ui/Popover';
import { SearchInput } from '../../../components/ui/SearchInput';
import { currentLocale } from '../../../i18n';
import { QUICK_REACTIONS, loadEmojis, searchEmojis } from '../emojis';

const emojiButton =
  'flex size-9 items-center justify-center rounded-lg text-xl hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-red-700';

/**
 * The smiley under a message: common reactions one tap away, and a search over every emoji by
 * its name and keywords in the reader's language (emojibase-data, loaded on first open).
 */
export function ReactionPicker({
  onPick,
  className = '',
}: {
  onPick: (emoji: string) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        aria-label={t('reactions.add')}
        title={t('reactions.add')}
        data-testid="reaction-picker-open"
        className={`shrink-0 rounded-full p-1.5 text-neutral-500 hover:bg-neutral-200 hover:text-neutral-800 focus-visible:outline-2 focus-visible:outline-red-700 ${className}`}
      >
        <Icon name="react" className="size-4" />
      </PopoverTrigger>
      {open && (
        <PopoverContent label={t('reactions.picker')} className="w-72 p-2">
          <PickerBody
            onPick={(emoji) => {
              setOpen(false);
              onPick(emoji);
            }}
          />
        </PopoverContent>
      )}
    </Popover>
  );
}

function PickerBody({ onPick }: { onPick: (emoji: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const locale = currentLocale();
  const emojis = useQuery({
    queryKey: ['emojis', { locale }],
    queryFn: () => loadEmojis(locale),
    staleTime: Infinity,
  });
  const found = emojis.data && query.trim() ? searchEmojis(emojis.data, query) : [];

  return (
    <div className="flex flex-col gap-2" data-testid="reaction-picker">
      <div className="flex flex-wrap gap-0.5">
        {QUICK_REACTIONS.map((emoji) => (
          <PopoverClose key={emoji} asChild>
            <button
              type="button"
              className={emojiButton}
              onClick={() => onPick(emoji)}
              data-testid="quick-reaction"
              data-emoji={emoji}
            >
              {emoji}
            </button>
          </PopoverClose>
        ))}
      </div>
      <SearchInput
        value={query}
        onChange={setQuery}
        aria-label={t('reactions.search')}
        placeholder={t('reactions.searchPlaceholder')}
        autoFocus
      />
      {query.trim() && (
        <div className="grid max-h-48 grid-cols-7 gap-0.5 overflow-y-auto" role="list">
          {emojis.isPending ? (
            <p className="col-span-7 text-xs text-neutral-500">{t('reactions.loading')}</p>
          ) : emojis.isError ? (
            <p role="alert" className="col-span-7 text-xs text-red-800">
              {t('reactions.loadFailed')}
            </p>
          ) : found.length === 0 ? (
            <p className="col-span-7 text-xs text-neutral-500">{t('reactions.noMatch')}</p>
          ) : (
            found.map((emoji) => (
              <button
                key={emoji.unicode}
                type="button"
                role="listitem"
                title={emoji.label}
                aria-label={emoji.label}
                className={emojiButton}
                onClick={() => onPick(emoji.unicode)}
                data-testid="emoji-result"
                data-emoji={emoji.unicode}
              >
                {emoji.unicode}
              </button>
            ))
          )}
        </div>
      )}
    </div>
  );
}
