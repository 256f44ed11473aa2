import type {
  ConversationKind,
  ConversationView,
  FormerMemberView,
  MemberView,
  MessageView,
} from '@mindsp/contracts';

export interface Receipt {
  /** `sent`: stored; `read`: read by everyone else (in a direct conversation, by the other person). */
  status: 'sent' | 'read';
  /** Of those counted (`of`), how many read it: their read watermark reached its seq. */
  readBy: number;
  /** The people other than the sender who were members when it was sent. */
  of: number;
}

/**
 * Whether someone is counted for the message with seq `seq`: they had joined before it
 * (joinedAfterSeq < seq) and had not left before it (no leftAtSeq, or leftAtSeq >= seq). So
 * a member who joins later or leaves afterwards changes nothing on older messages.
 */
function wasMemberAt(person: MemberView | FormerMemberView, seq: number): boolean {
  const leftAtSeq = 'leftAtSeq' in person ? person.leftAtSeq : undefined;
  return person.joinedAfterSeq < seq && (leftAtSeq === undefined || leftAtSeq >= seq);
}

/** Who read a message, among the people (members and former members) who could. */
export function receiptFor(
  message: Pick<MessageView, 'seq' | 'senderId'>,
  conversation: Pick<ConversationView, 'members' | 'formerMembers'>,
): Receipt {
  const eligible = [...conversation.members, ...(conversation.formerMembers ?? [])].filter(
    (person) => person.id !== message.senderId && wasMemberAt(person, message.seq),
  );
  const readBy = eligible.filter((person) => person.lastReadSeq >= message.seq).length;
  return {
    status: eligible.length > 0 && readBy === eligible.length ? 'read' : 'sent',
    readBy,
    of: eligible.length,
  };
}

/** Whether the receipt says "read by k of n" (groups) or only ✓ / ✓✓ (direct conversations). */
export function showsReadCount(kind: ConversationKind): boolean {
  return kind === 'group';
}
