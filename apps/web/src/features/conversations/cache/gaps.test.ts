import { describe, expect, it } from 'vitest';
import { history, message, seqs } from './fixtures';
import {
  type HeldMessages,
  type MessagePages,
  gapFreeSeq,
  hasGap,
  mergeSync,
  receiveLive,
  releaseHeld,
} from './messages';

// Live `message:new` events may come out of seq order (two API instances): the history shows
// them in order, and the catch-up cursor never skips a message still on its way.

describe('gapFreeSeq', () => {
  it('is the newest seq when nothing is missing', () => {
    expect(
      gapFreeSeq(
        history([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe(4);
  });

  it('stops below a hole, not at the newest seq', () => {
    expect(gapFreeSeq(history([[1, 2, 4, 5]]))).toBe(2);
  });

  it('starts at the oldest loaded message (older pages need not be loaded)', () => {
    expect(gapFreeSeq(history([[21, 22, 23]], true))).toBe(23);
  });

  it('is undefined for an empty or unloaded history', () => {
    expect(gapFreeSeq(history([[]]))).toBeUndefined();
    expect(gapFreeSeq(undefined)).toBeUndefined();
  });
});

describe('receiveLive', () => {
  it('appends a message that follows the history', () => {
    const { data, held } = receiveLive(history([[1, 2]]), [], message(3));
    expect(seqs(data)).toEqual([1, 2, 3]);
    expect(held).toEqual([]);
  });

  it('holds a message that came ahead of a missing one, then releases both in order', () => {
    const early = receiveLive(history([[1, 2]]), [], message(4));
    expect(seqs(early.data)).toEqual([1, 2]);
    expect(early.held.map((item) => item.seq)).toEqual([4]);
    expect(gapFreeSeq(early.data)).toBe(2);
    expect(hasGap(early.data, early.held)).toBe(true);

    const filled = receiveLive(early.data, early.held, message(3));
    expect(seqs(filled.data)).toEqual([1, 2, 3, 4]);
    expect(filled.held).toEqual([]);
    expect(hasGap(filled.data, filled.held)).toBe(false);
  });

  it('holds several in seq order, whatever order they came in, and each only once', () => {
    let data: MessagePages | undefined = history([[1]]);
    let held: HeldMessages = [];
    for (const seq of [5, 3, 4, 5]) ({ data, held } = receiveLive(data, held, message(seq)));
    expect(held.map((item) => item.seq)).toEqual([3, 4, 5]);
    ({ data, held } = receiveLive(data, held, message(2)));
    expect(seqs(data)).toEqual([1, 2, 3, 4, 5]);
    expect(held).toEqual([]);
  });

  it('takes a message already in the history as an update, never holds it', () => {
    const data = history([[1, 2, 4]]);
    const result = receiveLive(
      data,
      [],
      message(4, { body: 'corrigé', editedAt: '2025-01-02T00:00:00.000Z' }),
    );
    expect(result.held).toEqual([]);
    expect(seqs(result.data)).toEqual([1, 2, 4]);
  });

  it('accepts anything into an empty history (nothing to measure a hole against)', () => {
    expect(seqs(receiveLive(history([[]]), [], message(7)).data)).toEqual([7]);
  });
});

describe('a sync answering a persisting gap', () => {
  it('fills the hole from the gap-free cursor and releases what was held', () => {
    const early = receiveLive(history([[1, 2]]), [], message(5));
    const cursor = gapFreeSeq(early.data);
    expect(cursor).toBe(2);
    // The server answers with everything after the cursor.
    const merged = mergeSync(early.data, {
      items: [message(3), message(4), message(5)],
      hasMore: false,
      changed: [],
      lastChange: 5,
    });
    const released = releaseHeld(merged.data, early.held);
    expect(seqs(released.data)).toEqual([1, 2, 3, 4, 5]);
    expect(released.held).toEqual([]);
  });
});
