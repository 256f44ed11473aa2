import { BadRequestException } from '@nestjs/common';

/** Keyset cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends unknown[]>(cursor: string | undefined, shape: string[]): T | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i])) {
      return key as T;
    }
  } catch {
    // fall through to the error below
  }
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'cursor is not valid', fields: { cursor: ['cursor is not valid'] } });
}

/** A LIKE pattern that matches `text` literally anywhere: %, _ and \ lose their meaning. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
