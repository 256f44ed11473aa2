import type { AlertView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { acknowledged, applyAck } from './alerts';

function alert(): AlertView {
  const recipient = (userId: string) => ({
    userId,
    displayName: userId,
    response: null,
    respondedAt: null,
    notifiedCount: 1,
  });
  return {
    id: 'a1',
    title: 'Feu',
    body: 'Renfort demandé',
    senderId: 'alice',
    conversationId: null,
    createdAt: '2025-01-01T12:00:00.000Z',
    recipients: [recipient('bob'), recipient('carol'), recipient('dave')],
  };
}

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();

describe('applyAck', () => {
  it("records a recipient's answer", () => {
    const next = applyAck(alert(), {
      alertId: 'a1',
      userId: 'bob',
      response: 'available',
      respondedAt: at(1),
    });
    expect(next.recipients[0]).toMatchObject({ response: 'available', respondedAt: at(1) });
    expect(acknowledged(next)).toEqual({ answered: 1, total: 3 });
  });

  it('lets a later answer replace an earlier one, never the reverse', () => {
    const first = applyAck(alert(), {
      alertId: 'a1',
      userId: 'bob',
      response: 'available',
      respondedAt: at(2),
    });
    const late = {
      alertId: 'a1',
      userId: 'bob',
      response: 'received' as const,
      respondedAt: at(1),
    };
    expect(applyAck(first, late)).toBe(first);
    const later = { ...late, response: 'unavailable' as const, respondedAt: at(3) };
    expect(applyAck(first, later).recipients[0].response).toBe('unavailable');
  });

  it('ignores another alert, someone not asked, and a replayed event', () => {
    const current = alert();
    const update = {
      alertId: 'a1',
      userId: 'bob',
      response: 'received' as const,
      respondedAt: at(1),
    };
    expect(applyAck(current, { ...update, alertId: 'a2' })).toBe(current);
    expect(applyAck(current, { ...update, userId: 'eve' })).toBe(current);
    const once = applyAck(current, update);
    expect(applyAck(once, update)).toBe(once);
  });
});

describe('acknowledged', () => {
  it('counts those who answered, whatever they answered', () => {
    let current = alert();
    current = applyAck(current, {
      alertId: 'a1',
      userId: 'bob',
      response: 'unavailable',
      respondedAt: at(1),
    });
    current = applyAck(current, {
      alertId: 'a1',
      userId: 'carol',
      response: 'received',
      respondedAt: at(1),
    });
    expect(acknowledged(current)).toEqual({ answered: 2, total: 3 });
  });
});
