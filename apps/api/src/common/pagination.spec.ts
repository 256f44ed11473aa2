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

describe('timestamp cursor parts', () => {
  const id = '0b0e7f3c-6a43-4d59-9d0a-5f6f4d2b8a10';
  const decode = (stamp: unknown) => decodeCursor(encodeCursor([stamp, id]), ['timestamp', 'uuid']);

  it('read what PostgreSQL writes and ISO-8601 with a real offset', () => {
    for (const stamp of [
      '2026-11-25 09:09:03.123456+00',
      '2026-11-25 09:09:03+05:30',
      '2026-11-25T09:09:03-12',
      '2026-11-25T09:09:03Z',
      '2024-02-29 00:00:00+14:00',
    ]) {
      expect(decode(stamp)).toEqual([stamp, id]);
    }
  });

  it('refuse time-zone names, offsets past ±14:00 and dates that do not exist', () => {
    for (const stamp of [
      '2026-01-01 00:00:00 Mars/Olympus',
      '2026-01-01 00:00:00 UTC',
      '2026-01-01 00:00:00+99:00',
      '2026-01-01 00:00:00+14:01',
      '2026-01-01 00:00:00+01:60',
      '2026-02-30 00:00:00+00',
      '2025-02-29 00:00:00+00',
      '2026-01-01 24:00:00+00',
      '2026-01-01 00:60:00+00',
      '0999-01-01 00:00:00+00',
      '2026-01-01',
      1767225600000,
    ]) {
      expect(() => decode(stamp)).toThrow(BadRequestException);
    }
  });

  it('gives uuid parts back in lower case', () => {
    expect(decode('2026-01-01 00:00:00+00')).toEqual(['2026-01-01 00:00:00+00', id]);
    expect(
      decodeCursor(encodeCursor(['2026-01-01 00:00:00+00', id.toUpperCase()]), [
        'timestamp',
        'uuid',
      ]),
    ).toEqual(['2026-01-01 00:00:00+00', id]);
  });
});

describe('containsPattern', () => {
  it('escapes LIKE metacharacters so they match literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(containsPattern("' OR 1=1--")).toBe("%' OR 1=1--%");
  });
});
