import type {
  ConversationView,
  MessagePage,
  MessageView,
  Page,
  ReadUpdate,
  UserSummary,
} from '@mindsp/contracts';
import type { InfiniteData } from '@tanstack/react-query';

/**
 * Pure updates of the cached data, so socket events, acks and sync all patch it the same way.
 * Each returns the same object when nothing changed (React Query then notifies no one) and
 * `undefined` stays `undefined` (an event never creates a cache entry the user has not loaded).
 */

/** A conversation's history as cached: pages in ascending seq, the oldest first. */
export type MessagePages = InfiniteData<MessagePage, number | undefined>;
export type ConversationPages = InfiniteData<Page<ConversationView>, string | undefined>;

/** Of two versions of one message, the later: a deletion or a later edit wins over what came before. */
function laterVersion(held: MessageView, incoming: MessageView): MessageView {
  const same =
    held.body === incoming.body &&
    held.editedAt === incoming.editedAt &&
    held.deletedAt === incoming.deletedAt;
  if (same) return held;
  if (held.deletedAt && !incoming.deletedAt) return held;
  if (!held.deletedAt && !incoming.deletedAt && (held.editedAt ?? '') > (incoming.editedAt ?? ''))
    return held;
  return incoming;
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
  for (const [pageIndex, page] of data.pages.entries()) {
    const index = page.items.findIndex(
      (item) => item.id === message.id || item.seq === message.seq,
    );
    if (index === -1) continue;
    const next = laterVersion(page.items[index], message);
    if (next === page.items[index]) return data;
    return withPage(data, pageIndex, { ...page, items: page.items.with(index, next) });
  }

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
  for (const [pageIndex, page] of data.pages.entries()) {
    const index = page.items.findIndex((item) => item.id === message.id);
    if (index === -1) continue;
    const next = laterVersion(page.items[index], message);
    return next === page.items[index]
      ? data
      : withPage(data, pageIndex, { ...page, items: page.items.with(index, next) });
  }
  return data;
}

function withPage(data: MessagePages, index: number, page: MessagePage): MessagePages {
  return { ...data, pages: data.pages.with(index, page) };
}

/** The newest seq loaded: what `sync` asks to continue from. */
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
  page: MessagePage,
): { data: MessagePages | undefined; gap: boolean } {
  if (page.hasMore) return { data, gap: true };
  return { data: page.items.reduce(appendOnce, data), gap: false };
}

export function flattenMessages(data: MessagePages | undefined): MessageView[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}

// --- Conversations -----------------------------------------------------------------------

/**
 * A read watermark moved. Only forward: a late event never undoes a newer one. For my own
 * watermark the unread count follows.
 */
export function applyReadUpdate(
  conversation: ConversationView,
  update: ReadUpdate,
  myId: string,
): ConversationView {
  if (conversation.id !== update.conversationId) return conversation;
  let changed = false;
  const members = conversation.members.map((member) => {
    if (member.id !== update.userId || member.lastReadSeq >= update.seq) return member;
    changed = true;
    return { ...member, lastReadSeq: update.seq };
  });
  const mine = update.userId === myId && update.seq > conversation.lastReadSeq;
  if (!changed && !mine) return conversation;
  const lastReadSeq = mine ? update.seq : conversation.lastReadSeq;
  return {
    ...conversation,
    members,
    lastReadSeq,
    unreadCount: Math.max(0, conversation.lastSeq - lastReadSeq),
  };
}

/**
 * A new message in the conversation: it becomes the last message, and its sender has read up
 * to it (sending marks read), which is also how my own send clears my unread count.
 */
export function applyNewMessage(
  conversation: ConversationView,
  message: MessageView,
  myId: string,
): ConversationView {
  if (conversation.id !== message.conversationId) return conversation;
  const withRead = applyReadUpdate(
    conversation,
    { conversationId: message.conversationId, userId: message.senderId, seq: message.seq },
    myId,
  );
  if (message.seq <= conversation.lastSeq && (conversation.lastMessage?.seq ?? 0) >= message.seq)
    return withRead;
  const lastSeq = Math.max(withRead.lastSeq, message.seq);
  return {
    ...withRead,
    lastMessage: message,
    lastSeq,
    updatedAt: message.createdAt > withRead.updatedAt ? message.createdAt : withRead.updatedAt,
    unreadCount: Math.max(0, lastSeq - withRead.lastReadSeq),
  };
}

/** An edit or deletion of the last message shows in the list's preview. */
export function applyMessageChange(
  conversation: ConversationView,
  message: MessageView,
): ConversationView {
  if (conversation.lastMessage?.id !== message.id) return conversation;
  return { ...conversation, lastMessage: laterVersion(conversation.lastMessage, message) };
}

/** Marks my own watermark at once (before the server confirms). */
export function markReadLocally(
  conversation: ConversationView,
  seq: number,
  myId: string,
): ConversationView {
  return applyReadUpdate(
    conversation,
    { conversationId: conversation.id, userId: myId, seq },
    myId,
  );
}

const byRecentActivity = (a: ConversationView, b: ConversationView) =>
  a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;

/** Applies `update` to the conversation wherever the list holds it; the list stays most recent first. */
export function updateInList(
  data: ConversationPages | undefined,
  conversationId: string,
  update: (conversation: ConversationView) => ConversationView,
): ConversationPages | undefined {
  if (!data) return data;
  const found = findInList(data, conversationId);
  if (!found) return data;
  const next = update(found);
  if (next === found) return data;
  return next.updatedAt === found.updatedAt ? replaceInList(data, next) : upsertInList(data, next);
}

/** Puts the conversation in the list (new, or moved) at its place by recent activity. */
export function upsertInList(
  data: ConversationPages | undefined,
  conversation: ConversationView,
): ConversationPages | undefined {
  if (!data) return data;
  const without = removeFromList(data, conversation.id)!;
  const [first, ...rest] = without.pages;
  if (!first) return data;
  const at = first.items.findIndex((item) => byRecentActivity(conversation, item) < 0);
  // Older than everything on the first page while more pages exist: it belongs further down.
  if (at === -1 && first.nextCursor !== null && rest.length === 0) return without;
  const items =
    at === -1 ? [...first.items, conversation] : first.items.toSpliced(at, 0, conversation);
  return { ...without, pages: [{ ...first, items }, ...rest] };
}

export function removeFromList(
  data: ConversationPages | undefined,
  conversationId: string,
): ConversationPages | undefined {
  if (!data || !findInList(data, conversationId)) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((item) => item.id !== conversationId),
    })),
  };
}

function replaceInList(data: ConversationPages, conversation: ConversationView): ConversationPages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.id === conversation.id ? conversation : item)),
    })),
  };
}

export function findInList(
  data: ConversationPages | undefined,
  conversationId: string,
): ConversationView | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.items.find((item) => item.id === conversationId);
    if (found) return found;
  }
  return undefined;
}

// --- Users -------------------------------------------------------------------------------

/** A presence event: the user's online flag and last-seen time, wherever a user list holds them. */
export function applyPresence(
  data: Page<UserSummary> | undefined,
  presence: { userId: string; online: boolean; lastSeenAt: string | null },
): Page<UserSummary> | undefined {
  if (!data) return data;
  const index = data.items.findIndex((user) => user.id === presence.userId);
  if (index === -1) return data;
  const user = data.items[index];
  if (user.online === presence.online && user.lastSeenAt === presence.lastSeenAt) return data;
  return {
    ...data,
    items: data.items.with(index, {
      ...user,
      online: presence.online,
      lastSeenAt: presence.lastSeenAt,
    }),
  };
}
