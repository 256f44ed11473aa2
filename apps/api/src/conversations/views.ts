import type { ConversationView, MessageView } from '@mindsp/contracts';
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
    note: message.note ?? null,
    pinnedAt: (!message.deletedAt && message.pinnedAt?.toISOString()) || null,
    pinnedBy: (!message.deletedAt && message.pinnedBy) || null,
  };
}

/**
 * A conversation as everyone sees it, and every member's read watermark: `members` may carry only
 * the first page of a large group, and each member's own view still needs their own watermark.
 */
export type BaseView = Omit<ConversationView, 'lastReadSeq' | 'unreadCount'> & {
  readSeqs: Map<string, number>;
};

/** The same conversation as one member sees it: their own watermark and unread count. */
export function viewFor(userId: string, base: BaseView): ConversationView {
  const { readSeqs, ...shared } = base;
  const lastReadSeq = readSeqs.get(userId) ?? base.lastSeq;
  return { ...shared, lastReadSeq, unreadCount: Math.max(0, base.lastSeq - lastReadSeq) };
}
