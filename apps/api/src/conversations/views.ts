import type { ConversationView, MemberView, MessageView } from '@mindsp/contracts';
import type { Message } from './message.entity';

export function toMessageView(message: Message): MessageView {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    senderId: message.senderId,
    body: message.deletedAt ? '' : message.body,
    clientMessageId: message.clientMessageId,
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    deletedAt: message.deletedAt?.toISOString() ?? null,
  };
}

/** A messages row as raw SQL returns it (pg gives bigint as text). */
export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: string;
  sender_id: string;
  body: string;
  client_message_id: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

export const MESSAGE_ROW_COLUMNS =
  'id, conversation_id, seq, sender_id, body, client_message_id, created_at, edited_at, deleted_at';

export function rowToMessageView(row: MessageRow): MessageView {
  return toMessageView({
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    senderId: row.sender_id,
    body: row.body,
    clientMessageId: row.client_message_id,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  });
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
