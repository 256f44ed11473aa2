import type { MessageView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { applyPinChange } from './pins';

const message = (seq: number, changeSeq: number, pinnedAt: string | null): MessageView => ({
  id: `m${seq}`,
  conversationId: 'c',
  seq,
  changeSeq,
  senderId: 'u',
  body: `body ${seq}`,
  clientMessageId: `c${seq}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  editedAt: null,
  deletedAt: null,
  pinnedAt,
  pinnedBy: pinnedAt ? 'u' : null,
  reactions: [],
});

describe('applyPinChange', () => {
  it('puts a newly pinned message first, and drops an unpinned one', () => {
    const older = message(1, 5, '2026-01-01T10:00:00.000Z');
    const pinned = applyPinChange([older], message(2, 6, '2026-01-01T11:00:00.000Z'));
    expect(pinned?.map((m) => m.id)).toEqual(['m2', 'm1']);
    expect(applyPinChange(pinned, message(1, 7, null))?.map((m) => m.id)).toEqual(['m2']);
  });

  it('keeps the list when the change is older than what it holds, or about an unpinned message', () => {
    const list = [message(1, 9, '2026-01-01T10:00:00.000Z')];
    expect(applyPinChange(list, message(1, 8, null))).toBe(list);
    expect(applyPinChange(list, message(3, 10, null))).toBe(list);
    expect(applyPinChange(undefined, message(3, 10, '2026-01-01T10:00:00.000Z'))).toBeUndefined();
  });

  it('drops a pinned message once deleted, and shows an edit', () => {
    const list = [message(1, 3, '2026-01-01T10:00:00.000Z')];
    const edited = { ...message(1, 4, '2026-01-01T10:00:00.000Z'), body: 'edited' };
    expect(applyPinChange(list, edited)?.[0]?.body).toBe('edited');
    expect(applyPinChange(list, { ...edited, deletedAt: '2026-01-01T12:00:00.000Z' })).toEqual([]);
  });
});
