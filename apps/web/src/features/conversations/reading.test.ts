import { describe, expect, it } from 'vitest';
import { firstUnreadSeq, newSince, RUN_WINDOW_MS, startsRun } from './reading';

const at = (ms: number) => new Date(Date.UTC(2025, 2, 10, 8) + ms).toISOString();

describe('startsRun', () => {
  it('keeps one sender within a few minutes in one run', () => {
    const first = { senderId: 'a', createdAt: at(0) };
    expect(startsRun(undefined, first)).toBe(true);
    expect(startsRun(first, { senderId: 'a', createdAt: at(RUN_WINDOW_MS) })).toBe(false);
    expect(startsRun(first, { senderId: 'a', createdAt: at(RUN_WINDOW_MS + 1) })).toBe(true);
    expect(startsRun(first, { senderId: 'b', createdAt: at(1000) })).toBe(true);
  });
});

describe('firstUnreadSeq', () => {
  const messages = [
    { seq: 4, senderId: 'me' },
    { seq: 5, senderId: 'me' },
    { seq: 6, senderId: 'bob' },
    { seq: 7, senderId: 'bob' },
  ];
  it('is the first message of someone else after the watermark', () => {
    expect(firstUnreadSeq(messages, 4, 'me')).toBe(6);
    expect(firstUnreadSeq(messages, 6, 'me')).toBe(7);
    expect(firstUnreadSeq(messages, 7, 'me')).toBeUndefined();
  });
});

describe('newSince', () => {
  it("counts others' messages after what was seen", () => {
    const messages = [
      { seq: 1, senderId: 'bob' },
      { seq: 2, senderId: 'me' },
      { seq: 3, senderId: 'bob' },
      { seq: 4, senderId: 'carol' },
    ];
    expect(newSince(messages, 1, 'me')).toBe(2);
    expect(newSince(messages, 4, 'me')).toBe(0);
  });
});
