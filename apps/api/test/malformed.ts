import { randomUUID } from 'node:crypto';

/*
 * Values that no field of their kind accepts, for the fuzz test. Each set is malformed for every
 * field of the kind (a valid value would change the database and fail the test for the wrong
 * reason); valid-but-unknown ids are in the id set on purpose: they exercise the 404 paths.
 */

/** What a field holds, guessed from its OpenAPI schema and its name. */
export type FieldKind =
  'text' | 'uuid' | 'uuids' | 'integer' | 'boolean' | 'enum' | 'cursors' | 'date';

const WRONG_TYPES = [42, -1.5, true, [], {}, ['a'], { a: 'b' }];

/** Blank text: malformed where text is required; an optional field may be left empty. */
const BLANK_TEXT = ['', '   ', '\u200B\u200D\u2060\uFEFF\uFE0F'];

const BAD_TEXT = [
  'a\u0000b',
  'a\u0007b',
  'a\u001b[31mb',
  'a\u0085b',
  'a\uD800b',
  '\uDC00',
  // 4,002 code points that class-validator's MaxLength counts as 2,001 characters.
  'T\uFE0F'.repeat(2001),
];

const BAD_UUIDS = [
  'not-a-uuid',
  `${randomUUID()}0`,
  ` ${randomUUID()}`,
  'gggggggg-gggg-4ggg-8ggg-gggggggggggg',
  '',
  'a\u0000b',
  // Well formed, unknown: 404, whatever the case.
  randomUUID().toUpperCase(),
  '00000000-0000-0000-0000-000000000000',
];

/**
 * Dates no date field accepts: ISO 8601 forms Date cannot read (week and ordinal dates, the basic
 * format: each was a 500 in search), impossible days and times (Date rolled them over), times
 * without their offset or with one out of range, and years Date.UTC misreads.
 */
export const BAD_DATES = [
  '2026-W01-1',
  '2026-W01',
  '2026001',
  '2026-001',
  '20260101T000000Z',
  '+002026-01-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-02-29',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-12-31T23:59:60Z',
  '2026-01-01T10:00:00',
  '2026-01-01T10:00:00+15:00',
  '2026-01-01T10:00:00 Europe/Paris',
  '0099-01-01T00:00:00Z',
  'demain',
];

const BAD_INTEGERS = ['1', -1, 1.5, 1e20, 2 ** 53, '', 'NaN', Number.MIN_SAFE_INTEGER];

/** Malformed values for a JSON body or socket payload field of this kind. */
export function malformedValues(kind: FieldKind, required: boolean): unknown[] {
  // `null` skips an optional field's checks: valid, so only a required field gets it.
  const missing = required ? [null] : [];
  switch (kind) {
    case 'text':
      return [...missing, ...WRONG_TYPES, ...BAD_TEXT, ...(required ? BLANK_TEXT : [])];
    case 'uuid':
      return [...missing, ...WRONG_TYPES, ...BAD_UUIDS];
    case 'uuids':
      return [
        ...missing,
        // No ids: malformed where some are required, a valid "none" where the field is optional.
        ...(required ? [[]] : []),
        'x',
        42,
        { 0: randomUUID() },
        ...BAD_UUIDS.map((id) => [id]),
        [null],
        [[randomUUID()]],
        // One id twice, in two spellings.
        ((id) => [id, id.toUpperCase()])(randomUUID()),
        Array.from({ length: 201 }, () => randomUUID()),
      ];
    case 'integer':
      return [...missing, ...WRONG_TYPES.filter((v) => typeof v !== 'number'), ...BAD_INTEGERS];
    case 'boolean':
      return [...missing, 'true', 1, 0, 'yes', [], {}];
    case 'enum':
      return [...missing, 'GROUP', 'nope', '', 1, [], {}, 'a\u0000b'];
    case 'date':
      return [...missing, ...WRONG_TYPES, ...BAD_DATES];
    case 'cursors':
      return [
        ...missing,
        [],
        'x',
        42,
        { general: 0 },
        { [randomUUID()]: -1 },
        { [randomUUID()]: '0' },
        { [randomUUID()]: 1e20 },
        { [randomUUID()]: 1.5 },
        { [randomUUID()]: {} },
        { 'a\u0000b': 0 },
        Object.fromEntries(Array.from({ length: 501 }, () => [randomUUID(), 0])),
      ];
  }
}

const base64 = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Query-string values (already encoded), for a query param of this kind. */
export function malformedQueryValues(kind: FieldKind | 'cursor'): string[] {
  const text = ['', '%00', 'a%07b', '%ED%A0%80', '%', '%E0%A4%A', 'x'.repeat(5000), '%C2%85'];
  switch (kind) {
    case 'integer':
      return ['', '-1', '0', '1.5', 'abc', '1e309', '99999999999999999999', 'Infinity', '%00'];
    case 'date':
      return BAD_DATES.map(encodeURIComponent);
    case 'uuid':
      return [...text, 'not-a-uuid', randomUUID().toUpperCase(), `${randomUUID()}0`];
    case 'cursor':
      return [
        ...text,
        base64(['2026-01-01 00:00:00 Mars/Olympus', randomUUID()]),
        base64(['2026-01-01 00:00:00+99:00', randomUUID()]),
        base64(['Bob\u0000', randomUUID()]),
        base64([-1]),
        base64([2 ** 64]),
        base64({ a: 1 }),
        base64(null),
        base64([[[[]]]]),
        base64(['x', 'y', 'z']),
      ];
    default:
      return text;
  }
}

/** A path segment (encoded) where an id belongs. */
export const MALFORMED_PATH_IDS = [
  'not-a-uuid',
  `${randomUUID()}0`,
  'A'.repeat(36),
  '%00',
  '%F0%9F%98%80',
  '%E0%A4%A',
  encodeURIComponent(` ${randomUUID()}`),
  randomUUID().toUpperCase(),
  '00000000-0000-0000-0000-000000000000',
];

/** Whole JSON bodies / socket payloads that are wrong as a whole, as JSON text. */
export function malformedDocuments(valid: Record<string, unknown>): string[] {
  const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return [
    'null',
    '42',
    '"text"',
    'true',
    '[]',
    JSON.stringify([valid]),
    '{}',
    JSON.stringify({ ...valid, extra: 1 }),
    `{"__proto__":{"role":"admin"},${JSON.stringify(valid).slice(1)}`,
    `{"constructor":{"prototype":{"x":1}},${JSON.stringify(valid).slice(1)}`,
    deep(15_000),
    `{"a":${'['.repeat(15_000)}${']'.repeat(15_000)}}`,
    JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))),
  ];
}
