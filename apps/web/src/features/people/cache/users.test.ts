import type { Page, UserSummary } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { applyPresence } from './users';

const BOB = 'bob';
const CAROL = 'carol';

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
        statusText: null,
        active: true,
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
