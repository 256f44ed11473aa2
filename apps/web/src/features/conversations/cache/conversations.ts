import type { ConversationView, MessageView, Page, ReadUpdate } from '@mindsp/contracts';
import type { InfiniteData } from '@tanstack/react-query';
import { laterVersion } from './messages';

/**
 * Pure updates of the cached conversations (a detail, or a list's pages): each returns the same
 * object when nothing changed and leaves `undefined` as it is.
 */

export type ConversationPages = InfiniteData<Page<ConversationView>, string | undefined>;

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
    // A new message takes the conversation out of the archive (the server did the same).
    ...(withRead.archived ? { archived: false } : {}),
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
