import { MENTION_EVERYONE } from '@mindsp/contracts';
import { type KeyboardEvent, type RefObject, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/queries';
import { useConversation } from '../hooks/useConversation';
import { encodeMentions, insertMention, mentionQueryAt, type PickedMention } from '../mentions';

/** Suggestions shown at once: a name or two more letters narrow any group. */
const MAX_SUGGESTIONS = 8;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

interface Suggestion extends PickedMention {
  hint?: string;
}

/**
 * `@` in the composer: the conversation's members whose name (any word of it) starts with what
 * follows, and "@tous" for a group's creator or an admin (the server refuses it to anyone else).
 * Arrows move, Enter or Tab picks, Escape closes. The picked names become `<@id>` tokens when
 * the message is sent (`encode`).
 */
export function useMentionAutocomplete({
  conversationId,
  text,
  setText,
  textarea,
}: {
  conversationId: string;
  text: string;
  setText: (text: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const conversation = useConversation(conversationId).data;
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [picked, setPicked] = useState<PickedMention[]>([]);

  const query = mentionQueryAt(text, caret);
  const canMentionEveryone =
    conversation?.kind === 'group' && (me.role === 'admin' || conversation.createdBy === me.id);

  const suggestions = useMemo((): Suggestion[] => {
    if (!query || !conversation) return [];
    const typed = fold(query.query);
    const matches = (name: string) =>
      fold(name).startsWith(typed) ||
      fold(name)
        .split(/\s+/)
        .some((word) => word.startsWith(typed));
    const people = conversation.members
      .filter((member) => member.id !== me.id && matches(member.displayName))
      .map((member) => ({ id: member.id, label: member.displayName }));
    const everyone = t('replies.everyone');
    const all: Suggestion[] =
      canMentionEveryone && fold(everyone).startsWith(typed)
        ? [{ id: MENTION_EVERYONE, label: everyone, hint: t('replies.everyoneHint') }]
        : [];
    return [...all, ...people].slice(0, MAX_SUGGESTIONS);
  }, [query?.query, conversation, me.id, canMentionEveryone, t]); // eslint-disable-line react-hooks/exhaustive-deps

  const open = suggestions.length > 0 && query !== null && dismissedAt !== query.start;
  const current = Math.min(active, suggestions.length - 1);

  const pick = useCallback(
    (suggestion: Suggestion) => {
      if (!query) return;
      const next = insertMention(text, query, suggestion.label);
      setText(next.text);
      setPicked((list) => [...list, { id: suggestion.id, label: suggestion.label }]);
      setCaret(next.caret);
      setActive(0);
      requestAnimationFrame(() => {
        const element = textarea.current;
        element?.focus();
        element?.setSelectionRange(next.caret, next.caret);
      });
    },
    [query, text, setText, textarea],
  );

  /** Handles the key if the suggestions are open; true when it did (the composer then ignores it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + suggestions.length) % suggestions.length);
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(suggestions[current]!);
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(query!.start);
      return true;
    }
    return false;
  };

  const optionId = (index: number) => `${listId}-${index}`;

  return {
    /** Call with the textarea after each change or caret move. */
    track: (element: HTMLTextAreaElement) => {
      setCaret(element.selectionStart ?? element.value.length);
      setActive(0);
    },
    onKeyDown,
    /** The body to send, picked names as tokens; forgets the picks (the composer is cleared). */
    encode: (body: string) => {
      const encoded = encodeMentions(body, picked);
      setPicked([]);
      setDismissedAt(null);
      return encoded;
    },
    // A <textarea> takes no role but textbox, which has no aria-expanded: the open list is
    // announced through aria-controls and the active option through aria-activedescendant.
    inputProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? optionId(current) : undefined,
    },
    popup: open ? (
      <ul
        id={listId}
        role="listbox"
        aria-label={t('replies.mentionSuggestions')}
        data-testid="mention-suggestions"
        className="absolute bottom-full left-0 z-20 mb-1 max-h-64 w-72 max-w-full overflow-y-auto rounded-xl border border-neutral-200 bg-white p-1 text-sm shadow-lg"
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            data-testid="mention-suggestion"
            // Before the textarea's blur: the pick keeps the focus in the composer.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(suggestion);
            }}
            onMouseEnter={() => setActive(index)}
            className={`cursor-pointer rounded-lg px-3 py-1.5 ${index === current ? 'bg-red-50 text-red-900' : 'text-neutral-800'}`}
          >
            <span className="font-medium">
              @<bdi>{suggestion.label}</bdi>
            </span>
            {suggestion.hint && (
              <span className="ml-2 text-xs text-neutral-500">{suggestion.hint}</span>
            )}
          </li>
        ))}
      </ul>
    ) : null,
  };
}
