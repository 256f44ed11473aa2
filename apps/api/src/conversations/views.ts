import {
  quoteExcerpt,
  type ConversationView,
  type MessageView,
  type ReplyQuote,
} from '@mindsp/contracts';
import type { Message } from './message.entity';

export function toMessageView(message: Message): MessageView {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    changeSeq: message.changeSeq,
    senderId: message.senderId,
    body: message.deletedAt ? '' : message.body,
    clientMessageId: message.clientMessageId,
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    deletedAt: message.deletedAt?.toISOString() ?? null,
    // A reply's quote needs its original: `toMessageViews` adds it where the original is read.
    ...(message.replyToId ? {} : { replyTo: null }),
    // Only when there are some: a message without files reads as it always did.
    ...(message.attachments?.length && !message.deletedAt
      ? { attachments: message.attachments }
      : {}),
    note: message.note ?? null,
    pinnedAt: (!message.deletedAt && message.pinnedAt?.toISOString()) || null,
    pinnedBy: (!message.deletedAt && message.pinnedBy) || null,
  };
}

/** The quote of an original as it is now: a deleted one quotes nothing of its body. */
export function toReplyQuote(original: Message): ReplyQuote {
  return {
    id: original.id,
    seq: original.seq,
    senderId: original.senderId,
    excerpt: original.deletedAt ? '' : quoteExcerpt(original.body),
    deleted: Boolean(original.deletedAt),
  };
}

/** Message views with their quotes, given the originals (by id) they answer. */
export function toMessageViews(
  messages: Message[],
  originals: ReadonlyMap<string, Message>,
): MessageView[] {
  return messages.map((message) => {
    const original = message.replyToId ? originals.get(message.replyToId) : undefined;
    return { ...toMessageView(message), replyTo: original ? toReplyQuote(original) : null };
  });
}

/**
 * A conversation as everyone sees it, and every member's read watermark: `members` may carry only
 * the first page of a large group, and each member's own view still needs their own watermark.
 */
export type BaseView = Omit<ConversationView, 'lastReadSeq' | 'unreadCount'> & {
  readSeqs: Map<string, number>;
  /** Each member's own state: muted, archived. */
  memberStates?: Map<string, { muted: boolean; archived: boolean }>;
};

/** The same conversation as one member sees it: their own watermark and unread count. */
export function viewFor(userId: string, base: BaseView): ConversationView {
  const { readSeqs, memberStates, ...shared } = base;
  const lastReadSeq = readSeqs.get(userId) ?? base.lastSeq;
  const state = memberStates?.get(userId);
  return {
    ...shared,
    lastReadSeq,
    unreadCount: Math.max(0, base.lastSeq - lastReadSeq),
    muted: state?.muted ?? false,
    archived: state?.archived ?? false,
  };
}
