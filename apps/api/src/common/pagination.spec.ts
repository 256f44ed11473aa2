import { BadRequestException } from '@nestjs/common';
import { containsPattern, decodeCursor, encodeCursor } from './pagination';

describe('cursors', () => {
  it('round-trip a sort key', () => {
    const cursor = encodeCursor(['Bob Durand', 'b0b']);
    expect(decodeCursor(cursor, ['string', 'string'])).toEqual(['Bob Durand', 'b0b']);
    expect(decodeCursor(undefined, ['string'])).toBeUndefined();
  });

  it('refuse anything that is not one of ours with a 400', () => {
    for (const bad of [
      'not-base64-json',
      encodeCursor(['only-one']),
      encodeCursor([1, 2]),
      encodeCursor({ a: 1 } as never),
    ]) {
      expect(() => decodeCursor(bad, ['string', 'string'])).toThrow(BadRequestException);
    }
  });
});

describe('cursor parts', () => {
  it('checks uuids and offsets, so a forged cursor never reaches a query', () => {
    const id = '0b0e7f3c-6a43-4d59-9d0a-5f6f4d2b8a10';
    expect(decodeCursor(encodeCursor(['Bob', id]), ['string', 'uuid'])).toEqual(['Bob', id]);
    expect(decodeCursor(encodeCursor([40]), ['offset'])).toEqual([40]);
    for (const forged of [encodeCursor(['Bob', 'not-a-uuid']), encodeCursor(['Bob\u0000', id])]) {
      expect(() => decodeCursor(forged, ['string', 'uuid'])).toThrow(BadRequestException);
    }
    for (const forged of [[-1], [1.5], [2 ** 60], ['3']]) {
      expect(() => decodeCursor(encodeCursor(forged), ['offset'])).toThrow(BadRequestException);
    }
  });
});

describe('containsPattern', () => {
  it('escapes LIKE metacharacters so they match literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(containsPattern("' OR 1=1--")).toBe("%' OR 1=1--%");
  });
});
