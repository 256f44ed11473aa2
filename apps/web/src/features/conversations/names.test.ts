import type { ConversationView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { conversationTitle, otherMember } from './names';

const direct: ConversationView = {
  id: 'c1',
  kind: 'direct',
  title: null,
  members: [
    { id: 'alice', displayName: 'Alice Martin', lastReadSeq: 0, joinedAfterSeq: 0 },
    { id: 'bob', displayName: 'Bob Durand', lastReadSeq: 0, joinedAfterSeq: 0 },
  ],
  memberCount: 2,
  formerMembers: [],
  lastMessage: null,
  lastSeq: 0,
  lastReadSeq: 0,
  unreadCount: 0,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('conversation names', () => {
  it('names a direct conversation after the other person', () => {
    expect(conversationTitle(direct, 'alice')).toBe('Bob Durand');
    expect(conversationTitle(direct, 'bob')).toBe('Alice Martin');
    expect(otherMember(direct, 'alice')?.id).toBe('bob');
  });

  it("uses a group's title", () => {
    expect(conversationTitle({ ...direct, kind: 'group', title: 'Garde' }, 'alice')).toBe('Garde');
    expect(otherMember({ ...direct, kind: 'group', title: 'Garde' }, 'alice')).toBeUndefined();
  });
});
