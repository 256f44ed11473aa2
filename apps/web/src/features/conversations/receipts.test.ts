import type { FormerMemberView, MemberView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { receiptFor } from './receipts';

const member = (id: string, lastReadSeq: number, joinedAfterSeq = 0): MemberView => ({
  id,
  displayName: id,
  lastReadSeq,
  joinedAfterSeq,
});

const former = (
  id: string,
  lastReadSeq: number,
  leftAtSeq: number,
  joinedAfterSeq = 0,
): FormerMemberView => ({ ...member(id, lastReadSeq, joinedAfterSeq), leftAtSeq });

const of = (members: MemberView[], formerMembers: FormerMemberView[] = []) => ({
  members,
  formerMembers,
  memberCount: members.length,
});

describe('receiptFor', () => {
  it('is ✓ (sent) while the other person has not read the message', () => {
    expect(
      receiptFor({ seq: 5, senderId: 'alice' }, of([member('alice', 5), member('bob', 4)])),
    ).toEqual({ status: 'sent', readBy: 0, of: 1, known: true });
  });

  it('is ✓✓ (read) once their watermark reaches the seq', () => {
    for (const bobRead of [5, 9])
      expect(
        receiptFor({ seq: 5, senderId: 'alice' }, of([member('alice', 5), member('bob', bobRead)]))
          .status,
      ).toBe('read');
  });

  it('counts readers among the members other than the sender, in a group', () => {
    const members = of([member('alice', 7), member('bob', 7), member('carol', 2)]);
    expect(receiptFor({ seq: 7, senderId: 'alice' }, members)).toEqual({
      status: 'sent',
      readBy: 1,
      of: 2,
      known: true,
    });
    expect(receiptFor({ seq: 2, senderId: 'alice' }, members)).toEqual({
      status: 'read',
      readBy: 2,
      of: 2,
      known: true,
    });
  });

  it('is never read when nobody else is left in the conversation', () => {
    expect(receiptFor({ seq: 1, senderId: 'alice' }, of([member('alice', 1)]))).toEqual({
      status: 'sent',
      readBy: 0,
      of: 0,
      known: true,
    });
  });

  it('gives no count in a group whose view carries only its first members', () => {
    const first = { ...of([member('alice', 7), member('bob', 7)]), memberCount: 5000 };
    expect(receiptFor({ seq: 7, senderId: 'alice' }, first)).toEqual({
      status: 'sent',
      readBy: 0,
      of: 4999,
      known: false,
    });
  });
});

describe('receiptFor, as members come and go', () => {
  it('keeps "read by 2 of 2" on a message read before a member left', () => {
    // Bob read seq 4 and left at seq 6; Carol read everything.
    const group = of([member('alice', 8), member('carol', 8)], [former('bob', 4, 6)]);
    expect(receiptFor({ seq: 4, senderId: 'alice' }, group)).toEqual({
      status: 'read',
      readBy: 2,
      of: 2,
      known: true,
    });
  });

  it('counts a former member on what was sent up to their leaving, not after', () => {
    const group = of([member('alice', 8), member('carol', 8)], [former('bob', 4, 6)]);
    // Sent at seq 6, the last one Bob was there for: he had not read it.
    expect(receiptFor({ seq: 6, senderId: 'alice' }, group)).toEqual({
      status: 'sent',
      readBy: 1,
      of: 2,
      known: true,
    });
    // Sent after he left: only Carol.
    expect(receiptFor({ seq: 7, senderId: 'alice' }, group)).toEqual({
      status: 'read',
      readBy: 1,
      of: 1,
      known: true,
    });
  });

  it('does not count a member on messages from before they joined', () => {
    const group = of([member('alice', 9), member('bob', 9), member('dan', 9, 5)]);
    expect(receiptFor({ seq: 5, senderId: 'alice' }, group)).toMatchObject({ readBy: 1, of: 1 });
    expect(receiptFor({ seq: 6, senderId: 'alice' }, group)).toMatchObject({ readBy: 2, of: 2 });
  });

  it('never counts the sender, even as a former member', () => {
    const group = of([member('carol', 3)], [former('alice', 3, 5)]);
    expect(receiptFor({ seq: 3, senderId: 'alice' }, group)).toEqual({
      status: 'read',
      readBy: 1,
      of: 1,
      known: true,
    });
  });
});
