import { parseInstant } from './instant';

describe('parseInstant', () => {
  it.each([
    ['2026-03-01T18:30:00Z', '2026-03-01T18:30:00.000Z'],
    ['2026-03-01T18:30:00.5Z', '2026-03-01T18:30:00.500Z'],
    ['2026-03-01T18:30:00.123456Z', '2026-03-01T18:30:00.123Z'],
    ['2026-03-01T18:30:00.999999+00:00', '2026-03-01T18:30:00.999Z'],
    ['2026-03-01T18:30Z', '2026-03-01T18:30:00.000Z'],
    ['2026-03-01T19:30:00+01:00', '2026-03-01T18:30:00.000Z'],
    ['2026-03-01T13:00:00-05:30', '2026-03-01T18:30:00.000Z'],
    ['2026-03-01 18:30:00.123456+00', '2026-03-01T18:30:00.123Z'],
    ['2026-03-02T08:30:00+14:00', '2026-03-01T18:30:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', '2026-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it('reads a date alone as its midnight UTC only when asked to', () => {
    expect(parseInstant('2026-03-01', { dateOnly: true })?.toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(parseInstant('2026-03-01')).toBeNull();
  });

  it.each([
    // ISO 8601 forms Date cannot read (class-validator's IsISO8601 accepts them)
    '2026-W01-1',
    '2026-W01',
    '2026W011',
    '2026001',
    '2026-001',
    '20260301T183000Z',
    '+002026-03-01T18:30:00Z',
    // Impossible dates and times (Date.UTC rolls them over)
    '2026-02-30T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-03-00T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T23:60:00Z',
    '2026-12-31T23:59:60Z',
    // Offsets: missing (the server's zone), out of range, malformed, named
    '2026-03-01T18:30:00',
    '2026-03-01T18:30:00+15:00',
    '2026-03-01T18:30:00+01:60',
    '2026-03-01T18:30:00+0100',
    '2026-03-01T18:30:00 Europe/Paris',
    '2026-03-01T18:30:00z',
    // Years Date.UTC misreads or no message has
    '0099-03-01T00:00:00Z',
    '0999-03-01T00:00:00Z',
    // Not text, or more than a date
    '',
    ' 2026-03-01T18:30:00Z',
    '2026-03-01T18:30:00Z ',
    '2026-03-01T18:30:00.1234567Z',
    '2026-03-01T18:30:00.Z',
    '2026-3-1T18:30:00Z',
    'hier',
  ])('refuses %j', (text) => {
    expect(parseInstant(text, { dateOnly: true })).toBeNull();
  });

  it.each([null, undefined, 1_700_000_000_000, new Date(), ['2026-03-01'], {}])(
    'refuses the non-text %p',
    (value) => {
      expect(parseInstant(value)).toBeNull();
    },
  );
});
