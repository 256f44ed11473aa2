import type { ConversationView, MessageView } from '@mindsp/contracts';
import { type MessagePages, flattenMessages } from './messages';

// Test data for the cache writers' tests: a conversation of three, its messages by seq.

export const ALICE = 'alice';
export const BOB = 'bob';
export const CAROL = 'carol';

export function message(seq: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    changeSeq: seq,
    senderId: BOB,
    body: `message ${seq}`,
    clientMessageId: `client-${seq}`,
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, seq)).toISOString(),
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

/** Pages of seqs, oldest page first; `hasMore` on the oldest page says older history exists. */
export function history(pages: number[][], hasMore = false): MessagePages {
  return {
    pages: pages.map((seqs, index) => ({
      items: seqs.map((seq) => message(seq)),
      hasMore: index === 0 && hasMore,
    })),
    pageParams: pages.map((seqs, index) =>
      index === pages.length - 1 ? undefined : seqs.at(-1)! + 1,
    ),
  };
}

export const seqs = (data: MessagePages | undefined) =>
  flattenMessages(data).map((item) => item.seq);

export function conversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    id: 'c1',
    kind: 'group',
    title: 'Garde',
    members: [
      { id: ALICE, displayName: 'Alice Martin', lastReadSeq: 3, joinedAfterSeq: 0 },
      { id: BOB, displayName: 'Bob Durand', lastReadSeq: 3, joinedAfterSeq: 0 },
      { id: CAROL, displayName: 'Carol Petit', lastReadSeq: 1, joinedAfterSeq: 0 },
    ],
    memberCount: 3,
    formerMembers: [],
    lastMessage: message(3),
    lastSeq: 3,
    lastReadSeq: 3,
    unreadCount: 0,
    updatedAt: message(3).createdAt,
    ...overrides,
  };
}
