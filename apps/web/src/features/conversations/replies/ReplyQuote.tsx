import type { ConversationView, ReplyQuote as Quote } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { findMember } from '../members';
import { mentionsAsText } from '../mentions';
import { useReplyControls } from './ReplyContext';
import { useMentionLabel } from './useMentionLabel';

/**
 * The original a reply answers, above the reply: who wrote it and how it began, or "message
 * deleted". A click goes to the original in the history (loading older pages until it is there).
 */
export function ReplyQuote({
  quote,
  conversation,
  mine,
}: {
  quote: Quote;
  conversation: ConversationView;
  mine: boolean;
}) {
  const { t } = useTranslation();
  const controls = useReplyControls();
  const labelOf = useMentionLabel(conversation);
  const name = findMember(conversation, quote.senderId)?.member.displayName ?? t('replies.someone');
  // The excerpt as plain text, mentions as names: a quote is a glimpse, not the formatted message.
  const excerpt = mentionsAsText(quote.excerpt, labelOf);

  return (
    <button
      type="button"
      data-testid="reply-quote"
      data-reply-to={quote.id}
      data-deleted={quote.deleted}
      onClick={() => controls?.jumpTo(quote.seq)}
      aria-label={t('replies.quoteOf', { name })}
      className={`mb-1 block w-full max-w-full rounded-md border-l-4 px-2 py-1 text-left text-xs ${
        mine
          ? 'border-white/70 bg-white/15 text-white hover:bg-white/25'
          : 'border-red-700/60 bg-neutral-200/70 text-neutral-700 hover:bg-neutral-200'
      }`}
    >
      <span className="block font-semibold">
        <bdi>{name}</bdi>
      </span>
      <span className={`block truncate ${quote.deleted ? 'italic' : ''}`} dir="auto">
        {quote.deleted ? t('replies.deletedOriginal') : excerpt}
      </span>
    </button>
  );
}
