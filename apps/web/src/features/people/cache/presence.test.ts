import { PRESENCE_LIMITS, type MemberView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { applyPresenceBatch, presenceTargets, sameTargets } from './presence';

const member = (id: string): MemberView => ({
  id,
  displayName: id,
  lastReadSeq: 0,
  joinedAfterSeq: 0,
});

describe('applyPresenceBatch', () => {
  it('records each person once, the latest state of the batch winning', () => {
    const state = applyPresenceBatch(undefined, [
      { userId: 'bob', online: true, lastSeenAt: null },
      { userId: 'carol', online: true, lastSeenAt: null },
      { userId: 'bob', online: false, lastSeenAt: '2026-12-01T10:00:00.000Z' },
    ]);
    expect(state).toEqual({
      bob: { userId: 'bob', online: false, lastSeenAt: '2026-12-01T10:00:00.000Z' },
      carol: { userId: 'carol', online: true, lastSeenAt: null },
    });
  });

  it('returns the same state when nothing changed, so nothing re-renders', () => {
    const state = applyPresenceBatch(undefined, [
      { userId: 'bob', online: true, lastSeenAt: null },
    ]);
    expect(applyPresenceBatch(state, [{ userId: 'bob', online: true, lastSeenAt: null }])).toBe(
      state,
    );
    expect(applyPresenceBatch(state, [])).toBe(state);
  });

  it('keeps the others when one person changes', () => {
    const state = applyPresenceBatch(undefined, [
      { userId: 'bob', online: true, lastSeenAt: null },
      { userId: 'carol', online: true, lastSeenAt: null },
    ]);
    const next = applyPresenceBatch(state, [
      { userId: 'carol', online: false, lastSeenAt: '2026-12-01T10:00:00.000Z' },
    ]);
    expect(next.bob).toBe(state.bob);
    expect(next.carol!.online).toBe(false);
  });
});

describe('presenceTargets', () => {
  it('follows the people shown, without me, each once, in a stable order', () => {
    expect(
      presenceTargets('me', {
        open: { members: [member('me'), member('bob')] },
        listed: [{ members: [member('carol'), member('bob')] }],
        others: ['dave', 'me'],
      }),
    ).toEqual(['bob', 'carol', 'dave']);
  });

  it('keeps to the bound, the open conversation first', () => {
    const many = Array.from({ length: PRESENCE_LIMITS.subscriptionMax + 50 }, (_, i) =>
      member(`p${String(i).padStart(4, '0')}`),
    );
    const targets = presenceTargets('me', {
      open: { members: [member('zz-open')] },
      listed: [{ members: many }],
      others: [],
    });
    expect(targets).toHaveLength(PRESENCE_LIMITS.subscriptionMax);
    expect(targets).toContain('zz-open');
  });

  it('tells when two lists name the same people', () => {
    expect(sameTargets(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameTargets(['a', 'b'], ['a'])).toBe(false);
  });
});
