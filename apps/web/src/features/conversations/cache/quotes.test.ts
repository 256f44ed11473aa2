import { describe, expect, it } from 'vitest';
import { history, message } from './fixtures';
import { applyOriginalChange } from './quotes';

const quoteOf1 = { id: 'm1', seq: 1, senderId: 'bob', excerpt: 'message 1', deleted: false };

function withReply() {
  const data = history([[1, 2, 3]]);
  data.pages[0]!.items[2] = message(3, { replyTo: quoteOf1 });
  return data;
}

describe('quotes follow their original', () => {
  it('shows the quote as deleted when the original is deleted', () => {
    const deleted = message(1, { body: '', deletedAt: '2025-01-01T13:00:00.000Z', changeSeq: 9 });
    const next = applyOriginalChange(withReply(), deleted);
    expect(next!.pages[0]!.items[2]!.replyTo).toEqual({ ...quoteOf1, excerpt: '', deleted: true });
  });

  it('shows the edited text in the quote', () => {
    const edited = message(1, { body: 'corrigé', editedAt: '2025-01-01T13:00:00.000Z' });
    expect(applyOriginalChange(withReply(), edited)!.pages[0]!.items[2]!.replyTo?.excerpt).toBe(
      'corrigé',
    );
  });

  it('changes nothing when no reply quotes it, or the quote is already so', () => {
    const data = withReply();
    expect(applyOriginalChange(data, message(2, { body: 'x' }))).toBe(data);
    expect(applyOriginalChange(data, message(1))).toBe(data);
    expect(applyOriginalChange(undefined, message(1))).toBeUndefined();
  });
});
