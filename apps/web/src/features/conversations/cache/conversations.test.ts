import type { ConversationView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import {
  type ConversationPages,
  applyMessageChange,
  applyNewMessage,
  applyReadUpdate,
  removeFromList,
  updateInList,
  upsertInList,
} from './conversations';
import { ALICE, BOB, CAROL, conversation, message } from './fixtures';

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
    const edited = message(3, {
      body: 'corrigé',
      editedAt: '2025-01-02T00:00:00.000Z',
      changeSeq: 8,
    });
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
