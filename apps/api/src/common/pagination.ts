import { LIMITS } from '@mindsp/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** What each part of a cursor must be: a string, a uuid, or a page offset (integer >= 0). */
type CursorPart = 'string' | 'uuid' | 'offset';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PART_CHECKS: Record<CursorPart, (part: unknown) => boolean> = {
  string: (part) => typeof part === 'string' && !part.includes('\u0000'),
  uuid: (part) => typeof part === 'string' && UUID.test(part),
  offset: (part) => Number.isSafeInteger(part) && (part as number) >= 0,
};

/** A forged or stale cursor is the client's mistake: 400 naming `cursor`, never a failed query. */
export function badCursor(): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: ['cursor is not valid'],
    fields: { cursor: ['cursor is not valid'] },
  });
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
    return key as T;
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
