import { describe, expect, it } from 'vitest';
import { history, message, seqs } from './fixtures';
import {
  appendOnce,
  changeCursor,
  flattenMessages,
  lastHeldSeq,
  mergeSync,
  replaceMessage,
} from './messages';

describe('appendOnce', () => {
  it('appends a new message after the last one', () => {
    expect(seqs(appendOnce(history([[1, 2, 3]]), message(4)))).toEqual([1, 2, 3, 4]);
  });

  it('adds the same message only once (event, then ack, then sync)', () => {
    let data = appendOnce(history([[1, 2]]), message(3));
    data = appendOnce(data, message(3));
    data = appendOnce(data, { ...message(3), id: 'm3' });
    expect(seqs(data)).toEqual([1, 2, 3]);
  });

  it('returns the same object when the message is already there unchanged', () => {
    const data = history([[1, 2, 3]]);
    expect(appendOnce(data, message(2))).toBe(data);
  });

  it('inserts an out-of-order message at its seq', () => {
    expect(seqs(appendOnce(history([[1, 2, 4]]), message(3)))).toEqual([1, 2, 3, 4]);
  });

  it('puts a message into the page its seq belongs to', () => {
    const data = appendOnce(
      history([
        [1, 2],
        [4, 5],
      ]),
      message(3),
    );
    expect(data!.pages.map((page) => page.items.map((item) => item.seq))).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('leaves a message older than the loaded history for when the user scrolls up', () => {
    const data = history([[10, 11]], true);
    expect(appendOnce(data, message(5))).toBe(data);
  });

  it('does not create a history nobody loaded', () => {
    expect(appendOnce(undefined, message(1))).toBeUndefined();
  });

  it('fills an empty conversation', () => {
    expect(seqs(appendOnce(history([[]]), message(1)))).toEqual([1]);
  });

  it('keeps a deletion over an older copy of the message', () => {
    const deleted = message(2, { body: '', deletedAt: '2025-01-02T00:00:00.000Z', changeSeq: 7 });
    const data = replaceMessage(history([[1, 2]]), deleted);
    expect(flattenMessages(appendOnce(data, message(2)))[1]).toEqual(deleted);
  });
});

describe('replaceMessage', () => {
  it('replaces an edited message in place', () => {
    const edited = message(2, {
      body: 'corrigé',
      editedAt: '2025-01-02T00:00:00.000Z',
      changeSeq: 7,
    });
    expect(flattenMessages(replaceMessage(history([[1, 2, 3]]), edited))[1].body).toBe('corrigé');
  });

  it('ignores a message that is not loaded', () => {
    const data = history([[1, 2]]);
    expect(replaceMessage(data, message(9))).toBe(data);
  });

  it('does not let an older edit overwrite a newer one', () => {
    const newer = message(2, { body: 'v2', editedAt: '2025-01-03T00:00:00.000Z', changeSeq: 9 });
    const older = message(2, { body: 'v1', editedAt: '2025-01-02T00:00:00.000Z', changeSeq: 8 });
    const data = replaceMessage(replaceMessage(history([[1, 2]]), newer), older);
    expect(flattenMessages(data)[1].body).toBe('v2');
  });
});

describe('sync', () => {
  it('knows the last seq it holds', () => {
    expect(
      lastHeldSeq(
        history([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe(4);
    expect(lastHeldSeq(history([[]]))).toBeUndefined();
    expect(lastHeldSeq(undefined)).toBeUndefined();
  });

  it('merges what was missed, without duplicating what arrived meanwhile', () => {
    const data = appendOnce(history([[1, 2]]), message(3));
    const merged = mergeSync(data, {
      items: [message(3), message(4), message(5)],
      hasMore: false,
      changed: [],
      lastChange: 5,
    });
    expect(merged.gap).toBe(false);
    expect(seqs(merged.data)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports a gap when the server had more than it sent', () => {
    const data = history([[1, 2]]);
    const merged = mergeSync(data, {
      items: [message(3)],
      hasMore: true,
      changed: [],
      lastChange: 3,
    });
    expect(merged).toEqual({ data, gap: true });
  });

  it('applies the edits and deletions made while away, and holds the history as of the sync', () => {
    const data = history([[1, 2, 3]]);
    const deleted = message(2, { body: '', deletedAt: '2025-01-02T00:00:00.000Z', changeSeq: 6 });
    const edited = message(3, {
      body: 'corrigé',
      editedAt: '2025-01-02T00:00:00.000Z',
      changeSeq: 7,
    });
    const merged = mergeSync(data, {
      items: [message(4, { changeSeq: 5 })],
      hasMore: false,
      changed: [deleted, edited],
      lastChange: 7,
    });
    expect(flattenMessages(merged.data).map((m) => [m.seq, m.body, m.deletedAt])).toEqual([
      [1, 'message 1', null],
      [2, '', '2025-01-02T00:00:00.000Z'],
      [3, 'corrigé', null],
      [4, 'message 4', null],
    ]);
    expect(changeCursor(merged.data)).toBe(7);
  });

  it('asks for changes from the oldest change a page knows, and not at all when one does not say', () => {
    const data = history([[1, 2], [3]]);
    expect(changeCursor(data)).toBeUndefined();
    const known = {
      ...data,
      pages: [
        { ...data.pages[0]!, lastChange: 9 },
        { ...data.pages[1]!, lastChange: 4 },
      ],
    };
    expect(changeCursor(known)).toBe(4);
  });
});
