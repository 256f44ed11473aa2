import type { ConversationView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { conversationTitle, initials, listTime, otherMember } from './format';

const direct: ConversationView = {
  id: 'c1',
  kind: 'direct',
  title: null,
  members: [
    { id: 'alice', displayName: 'Alice Martin', lastReadSeq: 0, joinedAfterSeq: 0 },
    { id: 'bob', displayName: 'Bob Durand', lastReadSeq: 0, joinedAfterSeq: 0 },
  ],
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

  it('makes initials of the first and last names', () => {
    expect(initials('Alice Martin')).toBe('AM');
    expect(initials('Jean-Pierre de la Tour')).toBe('JT');
    expect(initials('élodie')).toBe('É');
    expect(initials('  ')).toBe('?');
  });
});

describe('listTime', () => {
  const now = new Date(2025, 2, 10, 15, 0);
  it('gives the hour today, "yesterday", then the date', () => {
    expect(listTime(new Date(2025, 2, 10, 8, 5).toISOString(), now, 'fr', 'Hier')).toBe('08:05');
    expect(listTime(new Date(2025, 2, 9, 23, 59).toISOString(), now, 'fr', 'Hier')).toBe('Hier');
    expect(listTime(new Date(2025, 1, 3, 12).toISOString(), now, 'fr', 'Hier')).toBe('3 févr.');
    expect(listTime(new Date(2024, 11, 24, 12).toISOString(), now, 'fr', 'Hier')).toBe(
      '24/12/2024',
    );
  });
});
