import { LIMITS } from '@mindsp/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, isUUID } from 'class-validator';
import { badField } from './bad-request';
import { parseInstant } from './instant';

/**
 * What each part of a cursor must be: a string, a uuid, a timestamp (`timestamptz::text`, which
 * the query casts back) or a page offset (integer >= 0).
 */
type CursorPart = 'string' | 'uuid' | 'timestamp' | 'offset';

const PART_CHECKS: Record<CursorPart, (part: unknown) => boolean> = {
  string: (part) => typeof part === 'string' && !part.includes('\u0000'),
  uuid: (part) => typeof part === 'string' && isUUID(part),
  // `2026-11-25 09:09:03.123456+00` as PostgreSQL writes it (or the ISO form with `T`/`Z`): a
  // real calendar date and time with its offset, which the query reads as written.
  timestamp: (part) => parseInstant(part) !== null,
  offset: (part) => Number.isSafeInteger(part) && (part as number) >= 0,
};

/** A forged or stale cursor is the client's mistake: 400 naming `cursor`, never a failed query. */
export function badCursor(): BadRequestException {
  return badField('cursor', 'cursor is not valid');
}

/** Keyset cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends unknown[]>(
  cursor: string | undefined,
  shape: CursorPart[],
): T | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part, i) => PART_CHECKS[shape[i]!](part))
  ) {
    // Ids in canonical form, as everywhere else.
    return key.map((part, i) => (shape[i] === 'uuid' ? (part as string).toLowerCase() : part)) as T;
  }
  throw badCursor();
}

/** A LIKE pattern that matches `text` literally anywhere: %, _ and \ lose their meaning. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** `limit` and `cursor` of every paginated list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSizeMax)
  limit?: number;

  @ApiPropertyOptional({ description: "A previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
