import type { SearchHit } from '@mindsp/contracts';
import { Link } from 'react-router';
import { currentLocale } from '../../../i18n';
import { HighlightedText } from './HighlightedText';

/** One hit: where (conversation), who, when, and the excerpt with the words marked. Opens there. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const where = hit.conversation.title ?? hit.conversation.otherName ?? '';
  return (
    <Link
      to={`/messages/${hit.conversation.id}?seq=${hit.message.seq}`}
      data-testid="global-search-hit"
      data-conversation-id={hit.conversation.id}
      data-seq={hit.message.seq}
      className="block rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-neutral-200 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-700"
    >
      <span className="flex items-baseline gap-2 text-xs text-neutral-600">
        <bdi data-testid="global-search-hit-conversation" className="truncate font-semibold">
          {where}
        </bdi>
        <span aria-hidden="true">·</span>
        <bdi data-testid="global-search-hit-sender" className="truncate">
          {hit.senderName}
        </bdi>
        <time dateTime={hit.message.createdAt} className="ml-auto shrink-0">
          {new Intl.DateTimeFormat(currentLocale(), {
            dateStyle: 'short',
            timeStyle: 'short',
            hourCycle: 'h23',
          }).format(new Date(hit.message.createdAt))}
        </time>
      </span>
      <span
        dir="auto"
        data-testid="global-search-hit-excerpt"
        className="mt-0.5 line-clamp-2 whitespace-pre-wrap text-neutral-900 [overflow-wrap:anywhere]"
      >
        <HighlightedText highlight={hit.highlight} />
      </span>
    </Link>
  );
}
