import type { MemberView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { receiptFor } from './receipts';

const member = (id: string, lastReadSeq: number): MemberView => ({
  id,
  displayName: id,
  lastReadSeq,
  joinedAfterSeq: 0,
});

describe('receiptFor', () => {
  it('is ✓ (sent) while the other person has not read the message', () => {
    expect(
      receiptFor({ seq: 5, senderId: 'alice' }, [member('alice', 5), member('bob', 4)]),
    ).toEqual({
      status: 'sent',
      readBy: 0,
      of: 1,
    });
  });

  it('is ✓✓ (read) once their watermark reaches the seq', () => {
    expect(
      receiptFor({ seq: 5, senderId: 'alice' }, [member('alice', 5), member('bob', 5)]).status,
    ).toBe('read');
    expect(
      receiptFor({ seq: 5, senderId: 'alice' }, [member('alice', 5), member('bob', 9)]).status,
    ).toBe('read');
  });

  it('counts readers among the members other than the sender, in a group', () => {
    const members = [member('alice', 7), member('bob', 7), member('carol', 2)];
    expect(receiptFor({ seq: 7, senderId: 'alice' }, members)).toEqual({
      status: 'sent',
      readBy: 1,
      of: 2,
    });
    expect(receiptFor({ seq: 2, senderId: 'alice' }, members)).toEqual({
      status: 'read',
      readBy: 2,
      of: 2,
    });
  });

  it('is never read when nobody else is left in the conversation', () => {
    expect(receiptFor({ seq: 1, senderId: 'alice' }, [member('alice', 1)])).toEqual({
      status: 'sent',
      readBy: 0,
      of: 0,
    });
  });
});
