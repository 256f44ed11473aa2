import type { MessagePage, MessageView, SyncPage } from '@mindsp/contracts';
import type { InfiniteData } from '@tanstack/react-query';
import { applyOriginalChange } from './quotes';

/**
 * Pure updates of the cached data, so socket events, acks and sync all patch it the same way.
 * Each returns the same object when nothing changed (React Query then notifies no one) and
 * `undefined` stays `undefined` (an event never creates a cache entry the user has not loaded).
 */

/** A conversation's history as cached: pages in ascending seq, the oldest first. */
export type MessagePages = InfiniteData<MessagePage, number | undefined>;

/**
 * Of two versions of one message, the later: the one with the higher change number (every send,
 * edit and deletion takes the conversation's next one). A tie is the same version.
 */
export function laterVersion(held: MessageView, incoming: MessageView): MessageView {
  return incoming.changeSeq > held.changeSeq ? incoming : held;
}

/**
 * Adds a message to the history exactly once: the same message again (by id or seq: an event
 * and an ack, a sync after an event) replaces its copy; a new one goes in seq order. A message
 * older than everything loaded, while older pages remain, is left for when the user scrolls up.
 */
export function appendOnce(
  data: MessagePages | undefined,
  message: MessageView,
): MessagePages | undefined {
  if (!data) return data;
  const held = updateCopy(
    data,
    message,
    (item) => item.id === message.id || item.seq === message.seq,
  );
  if (held) return held;

  // The page to insert into: the last one whose first message is older than this one.
  let pageIndex = data.pages.length - 1;
  while (pageIndex > 0 && (data.pages[pageIndex].items[0]?.seq ?? 0) > message.seq) pageIndex -= 1;
  const page = data.pages[pageIndex];
  if (!page) return data;
  const oldestLoaded = page.items[0]?.seq;
  if (pageIndex === 0 && page.hasMore && oldestLoaded !== undefined && message.seq < oldestLoaded)
    return data;

  const at = page.items.findIndex((item) => item.seq > message.seq);
  const items = at === -1 ? [...page.items, message] : page.items.toSpliced(at, 0, message);
  return withPage(data, pageIndex, { ...page, items });
}

/** An edited or deleted message replaces its copy, if loaded. */
export function replaceMessage(
  data: MessagePages | undefined,
  message: MessageView,
): MessagePages | undefined {
  if (!data) return data;
  return updateCopy(data, message, (item) => item.id === message.id) ?? data;
}

/**
 * The history with the copy `isCopy` finds replaced by the later of it and `message` (the
 * same history when the copy is already the later); undefined when no copy is loaded.
 */
function updateCopy(
  data: MessagePages,
  message: MessageView,
  isCopy: (item: MessageView) => boolean,
): MessagePages | undefined {
  for (const [pageIndex, page] of data.pages.entries()) {
    const index = page.items.findIndex(isCopy);
    if (index === -1) continue;
    const next = laterVersion(page.items[index], message);
    return next === page.items[index]
      ? data
      : withPage(data, pageIndex, { ...page, items: page.items.with(index, next) });
  }
  return undefined;
}

function withPage(data: MessagePages, index: number, page: MessagePage): MessagePages {
  return { ...data, pages: data.pages.with(index, page) };
}

/** The newest seq loaded (there may be a hole below it: see `gapFreeSeq`). */
export function lastHeldSeq(data: MessagePages | undefined): number | undefined {
  if (!data) return undefined;
  let last: number | undefined;
  for (const page of data.pages)
    for (const item of page.items) if (last === undefined || item.seq > last) last = item.seq;
  return last;
}

/**
 * Merges a `sync` answer (what came after our last seq, ascending). `gap` says the server had
 * more than it sent: the caller reloads the latest page rather than show history with a hole.
 */
export function mergeSync(
  data: MessagePages | undefined,
  page: SyncPage,
): { data: MessagePages | undefined; gap: boolean } {
  if (page.hasMore) return { data, gap: true };
  const merged = page.changed.reduce(
    // A changed original also changes the quotes of its replies.
    (held, changed) => applyOriginalChange(replaceMessage(held, changed), changed),
    page.items.reduce(appendOnce, data),
  );
  // Every loaded message is now as of the sync's change.
  return { data: merged && withLastChange(merged, page.lastChange), gap: false };
}

/**
 * The change up to which the whole history is known: what `sync` asks to continue from. Pages
 * loaded at different times know different changes: the lowest holds for all (asking from it
 * resends more, never less). Undefined when a page does not say.
 */
export function changeCursor(data: MessagePages | undefined): number | undefined {
  if (!data?.pages.length) return undefined;
  let lowest = Infinity;
  for (const page of data.pages) {
    if (page.lastChange === undefined) return undefined;
    lowest = Math.min(lowest, page.lastChange);
  }
  return lowest;
}

function withLastChange(data: MessagePages, lastChange: number): MessagePages {
  if (data.pages.every((page) => page.lastChange === lastChange)) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, lastChange })) };
}

export function flattenMessages(data: MessagePages | undefined): MessageView[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}

/**
 * The highest seq the history holds with nothing missing below it (down to the oldest loaded):
 * what `sync` asks to continue from. Seqs have no gaps on the server, so a hole here means a
 * message is still on its way (live events may arrive out of order, e.g. across API instances).
 */
export function gapFreeSeq(data: MessagePages | undefined): number | undefined {
  let through: number | undefined;
  for (const item of flattenMessages(data)) {
    if (through !== undefined && item.seq !== through + 1) break;
    through = item.seq;
  }
  return through;
}

/** Live messages that came ahead of a missing one, ascending by seq. */
export type HeldMessages = readonly MessageView[];

/**
 * A live message, kept in seq order: it goes into the history when it follows what is there
 * without a hole (or is already there, or the history is empty: nothing to measure a hole
 * against); otherwise it is held until the missing ones come (or a sync brings them).
 */
export function receiveLive(
  data: MessagePages | undefined,
  held: HeldMessages,
  message: MessageView,
): { data: MessagePages | undefined; held: HeldMessages } {
  if (!data) return { data, held };
  const through = gapFreeSeq(data);
  const present = flattenMessages(data).some((item) => item.seq === message.seq);
  if (through === undefined || message.seq <= through + 1 || present)
    return releaseHeld(appendOnce(data, message), held);
  const others = held.filter((item) => item.seq !== message.seq);
  const at = others.findIndex((item) => item.seq > message.seq);
  return { data, held: at === -1 ? [...others, message] : others.toSpliced(at, 0, message) };
}

/** Moves the held messages that now follow the history without a hole into it; keeps the rest. */
export function releaseHeld(
  data: MessagePages | undefined,
  held: HeldMessages,
): { data: MessagePages | undefined; held: HeldMessages } {
  let next = data;
  for (const [index, message] of held.entries()) {
    const through = gapFreeSeq(next);
    if (through !== undefined && message.seq > through + 1)
      return { data: next, held: held.slice(index) };
    next = appendOnce(next, message);
  }
  return { data: next, held: [] };
}

/** Whether a message is missing below the newest one held (or held back). */
export function hasGap(data: MessagePages | undefined, held: HeldMessages): boolean {
  return held.length > 0 || gapFreeSeq(data) !== lastHeldSeq(data);
}
