import type { ConversationKind, MemberView, MessageView } from '@mindsp/contracts';

export interface Receipt {
  /** `sent`: stored; `read`: read by everyone else (in a direct conversation, by the other person). */
  status: 'sent' | 'read';
  /** Members other than the sender whose read watermark reached the message. */
  readBy: number;
  /** Members other than the sender. */
  of: number;
}

/** A member has read a message when their read watermark reached its seq. */
export function receiptFor(
  message: Pick<MessageView, 'seq' | 'senderId'>,
  members: readonly MemberView[],
): Receipt {
  const others = members.filter((member) => member.id !== message.senderId);
  const readBy = others.filter((member) => member.lastReadSeq >= message.seq).length;
  return {
    status: others.length > 0 && readBy === others.length ? 'read' : 'sent',
    readBy,
    of: others.length,
  };
}

/** Whether the receipt says "read by k of n" (groups) or only ✓ / ✓✓ (direct conversations). */
export function showsReadCount(kind: ConversationKind): boolean {
  return kind === 'group';
}
