/*
 * The one reader of dates and times that come from clients (DTO fields, cursors). class-validator's
 * IsISO8601 accepts forms Date cannot read (week dates `2026-W01-1`, ordinal dates `2026001`: a
 * search with one answered 500) and Date rolls impossible ones over (`2026-02-30` is March 2):
 * here a value is read by our own rules, or refused.
 */

/**
 * RFC 3339 (ISO 8601 calendar form): `2026-03-01T18:30:00.123+01:00`. Seconds and the fraction are
 * optional; the separator may be a space (as PostgreSQL writes `timestamptz::text`) and the offset
 * `+01` (ditto). The date alone (`2026-03-01`) is a separate option.
 */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:(Z)|([+-])(\d{2})(?::(\d{2}))?))?$/;
/** The widest UTC offsets in use (Kiribati +14:00, Baker Island -12:00). */
const MAX_OFFSET_MINUTES = 14 * 60;
/** Four-digit years from 1000: Date.UTC reads 0-99 as 1900-1999, and no message predates 1000. */
const MIN_YEAR = 1000;

export interface InstantOptions {
  /**
   * A date alone (`2026-03-01`) is accepted and means its midnight UTC. Otherwise a time and its
   * offset are required: "18:30" without one would be read in the server's time zone.
   */
  dateOnly?: boolean;
}

/** `value` as an instant, or null when it is not one written as InstantOptions say. */
export function parseInstant(
  value: unknown,
  { dateOnly = false }: InstantOptions = {},
): Date | null {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offsetH, offsetM] = match;
  const hasTime = h !== undefined;
  if (hasTime ? !zulu && !sign : !dateOnly) return null;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map((part) =>
    Number(part ?? 0),
  ) as [number, number, number, number, number, number];
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetH) * 60 + Number(offsetM ?? 0)) : 0;
  if (Number(offsetM ?? 0) > 59 || Math.abs(offset) > MAX_OFFSET_MINUTES) return null;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over to March 2, 24:00 to the next day and :60 to the next minute:
  // every part must come back as written.
  if (
    year < MIN_YEAR ||
    local.getUTCFullYear() !== year ||
    local.getUTCMonth() !== month - 1 ||
    local.getUTCDate() !== day ||
    local.getUTCHours() !== hour ||
    local.getUTCMinutes() !== minute ||
    local.getUTCSeconds() !== second
  ) {
    return null;
  }
  // Milliseconds, as far as Date holds them: the digits past the third are dropped, not rounded.
  const ms = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0;
  return new Date(local.getTime() + ms - offset * 60_000);
}
