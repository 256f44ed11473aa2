import { BadRequestException } from '@nestjs/common';
import { containsPattern, decodeCursor, encodeCursor } from './pagination';

describe('cursors', () => {
  it('round-trip a sort key', () => {
    const cursor = encodeCursor(['Bob Durand', 'b0b']);
    expect(decodeCursor(cursor, ['string', 'string'])).toEqual(['Bob Durand', 'b0b']);
    expect(decodeCursor(undefined, ['string'])).toBeUndefined();
  });

  it('refuse anything that is not one of ours with a 400', () => {
    for (const bad of ['not-base64-json', encodeCursor(['only-one']), encodeCursor([1, 2]), encodeCursor({ a: 1 } as never)]) {
      expect(() => decodeCursor(bad, ['string', 'string'])).toThrow(BadRequestException);
    }
  });
});

describe('containsPattern', () => {
  it('escapes LIKE metacharacters so they match literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(containsPattern("' OR 1=1--")).toBe("%' OR 1=1--%");
  });
});
