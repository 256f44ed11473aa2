import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, ValidateBy, buildMessage, isEmail } from 'class-validator';
import { parseInstant, type InstantOptions } from './instant';

/*
 * Text fields are checked the way PostgreSQL will store them: it refuses NUL (a failed insert was a
 * 500), counts length in code points (class-validator's MaxLength does not count U+FE0F, U+FE0E or
 * the second half of a surrogate pair, so a "100-character" title overflowed varchar(100)), and
 * stores a lone surrogate as U+FFFD (not what was sent).
 */

/** C0 and C1 controls and DEL; `\n` and `\t` are text in a multi-line field only. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- the same, less tab (\u0009) and new line (\u000A)
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** What shows nothing: whitespace, zero-width characters, variation selectors. */
const INVISIBLE = /\s|[\u200B-\u200D\u2060\uFEFF]|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;

function isWellFormed(value: string, multiline: boolean): boolean {
  return !(multiline ? CONTROL_MULTILINE : CONTROL).test(value) && !LONE_SURROGATE.test(value);
}

/** Length as PostgreSQL counts it (char_length, varchar(n)): in code points. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

export function isBlank(value: string): boolean {
  return value.replace(INVISIBLE, '') === '';
}

/** No control characters (but `\n` and `\t` when multiline) and no lone surrogates. */
export function WellFormedText(options: { multiline?: boolean } = {}): PropertyDecorator {
  const multiline = options.multiline ?? false;
  return ValidateBy({
    name: 'wellFormedText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || isWellFormed(value, multiline),
      defaultMessage: buildMessage(
        (prefix) =>
          `${prefix}$property must not contain control characters${multiline ? ' (other than new lines and tabs)' : ''} or broken characters`,
      ),
    },
  });
}

function MaxCodePoints(max: number): PropertyDecorator {
  return ValidateBy({
    name: 'maxCodePoints',
    constraints: [max],
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || codePointLength(value) <= max,
      defaultMessage: buildMessage(
        (prefix) => `${prefix}$property must be at most $constraint1 characters`,
      ),
    },
  });
}

function NotBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'notBlank',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !isBlank(value),
      defaultMessage: buildMessage((prefix) => `${prefix}$property must not be blank`),
    },
  });
}

export interface PlainTextOptions {
  /** Most code points, once trimmed. */
  max: number;
  /** A message body: new lines and tabs allowed, `\r\n` stored as `\n`. */
  multiline?: boolean;
  /** A search box: empty means "no filter". */
  allowBlank?: boolean;
}

/**
 * A text field as users type it: trimmed, no control characters, at most `max` code points, and
 * not blank (only spaces, zero-width characters or variation selectors show nothing).
 */
export function PlainText({ max, multiline = false, allowBlank = false }: PlainTextOptions) {
  return applyDecorators(
    Transform(({ value }) => {
      if (typeof value !== 'string') return value;
      return (multiline ? value.replace(/\r\n?/g, '\n') : value).trim();
    }),
    IsString(),
    WellFormedText({ multiline }),
    MaxCodePoints(max),
    ...(allowBlank ? [] : [NotBlank()]),
  );
}

/**
 * An email address. class-validator's IsEmail throws (URIError) on a lone surrogate, which made
 * the request a 500: such text is refused first.
 */
export function EmailAddress(): PropertyDecorator {
  return applyDecorators(
    WellFormedText(),
    ValidateBy({
      name: 'emailAddress',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
        defaultMessage: buildMessage((prefix) => `${prefix}$property must be an email`),
      },
    }),
    MaxLength(254),
  );
}

/**
 * A date-time field (RFC 3339 with its offset; with `dateOnly`, a date alone too), read by
 * parseInstant, the API's one reader of dates: what it refuses is a 400 naming the field, and what
 * it accepts reaches the service as the same instant in canonical form (`toISOString()`), which
 * every `new Date()` reads exactly.
 */
export function Instant(options: InstantOptions = {}): PropertyDecorator {
  const example = options.dateOnly
    ? '2026-03-01 or 2026-03-01T18:30:00+01:00'
    : '2026-03-01T18:30:00+01:00';
  return applyDecorators(
    Transform(({ value }) => parseInstant(value, options)?.toISOString() ?? value),
    ValidateBy({
      name: 'instant',
      validator: {
        validate: (value: unknown) => parseInstant(value, options) !== null,
        defaultMessage: buildMessage(
          (prefix) =>
            `${prefix}$property must be a real date-time with its offset (RFC 3339), e.g. ${example}`,
        ),
      },
    }),
  );
}
