import { quoteExcerpt, type MessageView } from '@mindsp/contracts';
import type { MessagePages } from './messages';

/**
 * A changed original (edited, deleted) changes the quotes of its loaded replies: a reply shows
 * its original as it is now, "deleted" included, without reloading the history. Same object
 * when no reply quotes it.
 */
export function applyOriginalChange(
  data: MessagePages | undefined,
  original: MessageView,
): MessagePages | undefined {
  if (!data) return data;
  const deleted = Boolean(original.deletedAt);
  const excerpt = deleted ? '' : quoteExcerpt(original.body);
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => quotes(item, original, deleted, excerpt))) return page;
    changed = true;
    return {
      ...page,
      items: page.items.map((item) =>
        quotes(item, original, deleted, excerpt)
          ? { ...item, replyTo: { ...item.replyTo!, deleted, excerpt } }
          : item,
      ),
    };
  });
  return changed ? { ...data, pages } : data;
}

/** Whether `item` quotes `original` in a state other than the given one. */
function quotes(item: MessageView, original: MessageView, deleted: boolean, excerpt: string) {
  const quote = item.replyTo;
  return quote?.id === original.id && (quote.deleted !== deleted || quote.excerpt !== excerpt);
}
