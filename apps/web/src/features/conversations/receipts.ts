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
  /** False in a group too large for its view to carry every member: nobody's reads are known. */
  known: boolean;
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
  conversation: Pick<ConversationView, 'members' | 'formerMembers' | 'memberCount'>,
): Receipt {
  // Counting among the first members only would show a wrong "k of n": say "sent", no count.
  if (conversation.memberCount > conversation.members.length) {
    return { status: 'sent', readBy: 0, of: conversation.memberCount - 1, known: false };
  }
  const eligible = [...conversation.members, ...(conversation.formerMembers ?? [])].filter(
    (person) => person.id !== message.senderId && wasMemberAt(person, message.seq),
  );
  const readBy = eligible.filter((person) => person.lastReadSeq >= message.seq).length;
  return {
    status: eligible.length > 0 && readBy === eligible.length ? 'read' : 'sent',
    readBy,
    of: eligible.length,
    known: true,
  };
}

/** Whether the receipt says "read by k of n" (groups) or only ✓ / ✓✓ (direct conversations). */
export function showsReadCount(kind: ConversationKind): boolean {
  return kind === 'group';
}
