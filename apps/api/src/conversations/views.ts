import type { ConversationView, MemberView, MessageView } from '@mindsp/contracts';
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
  };
}

/** The same conversation as one member sees it: their own watermark and unread count. */
export function viewFor(
  userId: string,
  base: Omit<ConversationView, 'lastReadSeq' | 'unreadCount'>,
): ConversationView {
  const me: MemberView | undefined = base.members.find((member) => member.id === userId);
  const lastReadSeq = me?.lastReadSeq ?? base.lastSeq;
  return { ...base, lastReadSeq, unreadCount: Math.max(0, base.lastSeq - lastReadSeq) };
}
