import type { FileErrorCode } from './files';

/**
 * The API's error vocabulary: every error, REST body or socket ack, carries one of these codes,
 * so a client switches on the code, never on a status or a message, and the same way on both
 * transports. A feature adds its own codes where the general one says too little (FileErrorCode).
 */
export const GENERAL_ERROR_CODES = [
  /** The input named fields that are wrong (`fields` says which). */
  'validation_failed',
  /** The request is well formed but makes no sense now (a bad cursor, an unknown action). */
  'bad_request',
  /** A socket payload whose shape no event accepts (too deep, too many keys). */
  'invalid_payload',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  /** Wait `retryAfterSeconds` before trying again. */
  'rate_limited',
  /** PostgreSQL (or what the request needs in Redis) cannot be reached: retry with the same ids. */
  'unavailable',
  /** A defect on the server: retrying may help, the report is in the server's log. */
  'internal',
] as const;

export type GeneralErrorCode = (typeof GENERAL_ERROR_CODES)[number];
export type ErrorCode = GeneralErrorCode | FileErrorCode;

/**
 * The codes a client sends again by itself (with the same ids: every change is idempotent).
 * The rest answer the same however often they are asked, or say how long to wait.
 */
export const RETRYABLE_ERROR_CODES: readonly ErrorCode[] = ['unavailable', 'internal'];

/** Every REST error answers this shape (Nest's, plus the code and the fields that were wrong). */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
  code: ErrorCode;
  /** With `validation_failed`: the field paths that were wrong, each with its messages. */
  fields?: Record<string, string[]>;
  /** With 429: seconds to wait before trying again (the same as the Retry-After header). */
  retryAfterSeconds?: number;
}
