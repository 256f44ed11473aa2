import type { ConversationView, MessageView, Page, UserSummary } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import {
  type ConversationPages,
  type MessagePages,
  appendOnce,
  applyMessageChange,
  applyNewMessage,
  applyPresence,
  applyReadUpdate,
  flattenMessages,
  lastHeldSeq,
  mergeSync,
  removeFromList,
  replaceMessage,
  updateInList,
  upsertInList,
} from './cache';

const ALICE = 'alice';
const BOB = 'bob';
const CAROL = 'carol';

function message(seq: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
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
function history(pages: number[][], hasMore = false): MessagePages {
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

const seqs = (data: MessagePages | undefined) => flattenMessages(data).map((item) => item.seq);

function conversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    id: 'c1',
    kind: 'group',
    title: 'Garde',
    members: [
      { id: ALICE, displayName: 'Alice Martin', lastReadSeq: 3, joinedAfterSeq: 0 },
      { id: BOB, displayName: 'Bob Durand', lastReadSeq: 3, joinedAfterSeq: 0 },
      { id: CAROL, displayName: 'Carol Petit', lastReadSeq: 1, joinedAfterSeq: 0 },
    ],
    formerMembers: [],
    lastMessage: message(3),
    lastSeq: 3,
    lastReadSeq: 3,
    unreadCount: 0,
    updatedAt: message(3).createdAt,
    ...overrides,
  };
}

describe('appendOnce', () => {
  it('appends a new message after the last one', () => {
    expect(seqs(appendOnce(history([[1, 2, 3]]), message(4)))).toEqual([1, 2, 3, 4]);
  });

  it('adds the same message only once (event, then ack, then sync)', () => {
    let data = appendOnce(history([[1, 2]]), message(3));
    data = appendOnce(data, message(3));
    data = appendOnce(data, { ...message(3), id: 'm3' });
    expect(seqs(data)).toEqual([1, 2, 3]);
  });

  it('returns the same object when the message is already there unchanged', () => {
    const data = history([[1, 2, 3]]);
    expect(appendOnce(data, message(2))).toBe(data);
  });

  it('inserts an out-of-order message at its seq', () => {
    expect(seqs(appendOnce(history([[1, 2, 4]]), message(3)))).toEqual([1, 2, 3, 4]);
  });

  it('puts a message into the page its seq belongs to', () => {
    const data = appendOnce(
      history([
        [1, 2],
        [4, 5],
      ]),
      message(3),
    );
    expect(data!.pages.map((page) => page.items.map((item) => item.seq))).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('leaves a message older than the loaded history for when the user scrolls up', () => {
    const data = history([[10, 11]], true);
    expect(appendOnce(data, message(5))).toBe(data);
  });

  it('does not create a history nobody loaded', () => {
    expect(appendOnce(undefined, message(1))).toBeUndefined();
  });

  it('fills an empty conversation', () => {
    expect(seqs(appendOnce(history([[]]), message(1)))).toEqual([1]);
  });

  it('keeps a deletion over an older copy of the message', () => {
    const deleted = message(2, { body: '', deletedAt: '2025-01-02T00:00:00.000Z' });
    const data = replaceMessage(history([[1, 2]]), deleted);
    expect(flattenMessages(appendOnce(data, message(2)))[1]).toEqual(deleted);
  });
});

describe('replaceMessage', () => {
  it('replaces an edited message in place', () => {
    const edited = message(2, { body: 'corrigé', editedAt: '2025-01-02T00:00:00.000Z' });
    expect(flattenMessages(replaceMessage(history([[1, 2, 3]]), edited))[1].body).toBe('corrigé');
  });

  it('ignores a message that is not loaded', () => {
    const data = history([[1, 2]]);
    expect(replaceMessage(data, message(9))).toBe(data);
  });

  it('does not let an older edit overwrite a newer one', () => {
    const newer = message(2, { body: 'v2', editedAt: '2025-01-03T00:00:00.000Z' });
    const older = message(2, { body: 'v1', editedAt: '2025-01-02T00:00:00.000Z' });
    const data = replaceMessage(replaceMessage(history([[1, 2]]), newer), older);
    expect(flattenMessages(data)[1].body).toBe('v2');
  });
});

describe('sync', () => {
  it('knows the last seq it holds', () => {
    expect(
      lastHeldSeq(
        history([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe(4);
    expect(lastHeldSeq(history([[]]))).toBeUndefined();
    expect(lastHeldSeq(undefined)).toBeUndefined();
  });

  it('merges what was missed, without duplicating what arrived meanwhile', () => {
    const data = appendOnce(history([[1, 2]]), message(3));
    const merged = mergeSync(data, { items: [message(3), message(4), message(5)], hasMore: false });
    expect(merged.gap).toBe(false);
    expect(seqs(merged.data)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports a gap when the server had more than it sent', () => {
    const data = history([[1, 2]]);
    const merged = mergeSync(data, { items: [message(3)], hasMore: true });
    expect(merged).toEqual({ data, gap: true });
  });
});

describe('applyReadUpdate', () => {
  it("moves another member's watermark forward", () => {
    const next = applyReadUpdate(
      conversation(),
      { conversationId: 'c1', userId: CAROL, seq: 3 },
      ALICE,
    );
    expect(next.members.find((member) => member.id === CAROL)?.lastReadSeq).toBe(3);
    expect(next.unreadCount).toBe(0);
  });

  it('never moves a watermark back', () => {
    const current = conversation();
    expect(applyReadUpdate(current, { conversationId: 'c1', userId: BOB, seq: 2 }, ALICE)).toBe(
      current,
    );
  });

  it('clears my unread count when I read', () => {
    const current = conversation({ lastSeq: 5, lastReadSeq: 3, unreadCount: 2 });
    const next = applyReadUpdate(current, { conversationId: 'c1', userId: ALICE, seq: 5 }, ALICE);
    expect(next).toMatchObject({ lastReadSeq: 5, unreadCount: 0 });
    expect(next.members.find((member) => member.id === ALICE)?.lastReadSeq).toBe(5);
  });

  it('ignores another conversation', () => {
    const current = conversation();
    expect(applyReadUpdate(current, { conversationId: 'other', userId: BOB, seq: 9 }, ALICE)).toBe(
      current,
    );
  });
});

describe('applyNewMessage', () => {
  it("updates the preview, the unread count and the sender's watermark", () => {
    const incoming = message(4, { senderId: CAROL });
    const next = applyNewMessage(conversation(), incoming, ALICE);
    expect(next).toMatchObject({
      lastMessage: incoming,
      lastSeq: 4,
      unreadCount: 1,
      updatedAt: incoming.createdAt,
    });
    expect(next.members.find((member) => member.id === CAROL)?.lastReadSeq).toBe(4);
  });

  it('keeps my unread count at zero for my own message', () => {
    const next = applyNewMessage(conversation(), message(4, { senderId: ALICE }), ALICE);
    expect(next).toMatchObject({ lastSeq: 4, lastReadSeq: 4, unreadCount: 0 });
  });

  it('counts a message only once', () => {
    const once = applyNewMessage(conversation(), message(4), ALICE);
    expect(applyNewMessage(once, message(4), ALICE)).toEqual(once);
  });

  it('shows an edit of the last message in the preview', () => {
    const edited = message(3, { body: 'corrigé', editedAt: '2025-01-02T00:00:00.000Z' });
    expect(applyMessageChange(conversation(), edited).lastMessage?.body).toBe('corrigé');
  });
});

describe('conversation list', () => {
  const list = (...items: ConversationView[]): ConversationPages => ({
    pages: [{ items, nextCursor: null }],
    pageParams: [undefined],
  });
  const ids = (data: ConversationPages | undefined) =>
    data!.pages.flatMap((page) => page.items.map((item) => item.id));
  const older = conversation({ id: 'c0', updatedAt: '2024-12-31T00:00:00.000Z' });

  it('moves a conversation with a new message to the top', () => {
    const data = list(
      conversation({ id: 'c2', updatedAt: '2025-01-01T13:00:00.000Z' }),
      conversation(),
    );
    const next = updateInList(data, 'c1', (current) =>
      applyNewMessage(current, message(9, { createdAt: '2025-01-01T14:00:00.000Z' }), ALICE),
    );
    expect(ids(next)).toEqual(['c1', 'c2']);
    expect(next!.pages[0].items[0].unreadCount).toBe(6);
  });

  it('adds a new conversation at its place and never twice', () => {
    const data = upsertInList(list(conversation()), older);
    expect(ids(upsertInList(data, older))).toEqual(['c1', 'c0']);
  });

  it('removes a conversation', () => {
    expect(ids(removeFromList(list(conversation(), older), 'c1'))).toEqual(['c0']);
  });
});

describe('applyPresence', () => {
  const users: Page<UserSummary> = {
    items: [
      {
        id: BOB,
        email: 'bob@demo.test',
        displayName: 'Bob Durand',
        role: 'member',
        online: false,
        lastSeenAt: null,
      },
    ],
    nextCursor: null,
  };

  it('sets who is online', () => {
    expect(
      applyPresence(users, { userId: BOB, online: true, lastSeenAt: null })!.items[0].online,
    ).toBe(true);
  });

  it('ignores users the list does not hold', () => {
    expect(applyPresence(users, { userId: CAROL, online: true, lastSeenAt: null })).toBe(users);
  });
});
