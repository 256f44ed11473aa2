import { MESSAGING_LIMITS, type Ack, type AckErrorCode } from '@mindsp/contracts';
import {
  BadRequestException,
  HttpException,
  Logger,
  PayloadTooLargeException,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { badField, validationFailed } from '../common/bad-request';

/** Deepest nesting a payload may have (ours are 2 deep): class-transformer recurses per level. */
const MAX_PAYLOAD_DEPTH = 10;
/** Most keys and array items in one payload, all levels together (sync's 500 cursors fit). */
const MAX_PAYLOAD_ENTRIES = 1000;

/** A payload whose shape no event accepts: refused before any recursive work on it. */
class InvalidPayloadException extends BadRequestException {}

const CODES: Record<number, AckErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

const logger = new Logger('Socket');

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? response.message
      : error.message;
  return Array.isArray(message) ? message.join('; ') : String(message);
}

/**
 * Runs a socket handler and turns its outcome into the ack the contract promises: the same
 * exceptions the REST layer throws become `{ ok: false, error: { code, message } }`.
 */
export async function toAck<T>(work: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof InvalidPayloadException) {
      return { ok: false, error: { code: 'invalid_payload', message: error.message } };
    }
    if (error instanceof HttpException) {
      return {
        ok: false,
        error: { code: CODES[error.getStatus()] ?? 'bad_request', message: messageOf(error) },
      };
    }
    logger.error(error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong; try again' } };
  }
}

/**
 * Walks the payload without recursion: 20,000 levels of nesting blew the stack of the recursive
 * steps after it (JSON.stringify, plainToInstance) and answered `internal`.
 */
function withinBounds(payload: unknown): boolean {
  let entries = 0;
  const pending: [unknown, number][] = [[payload, 0]];
  while (pending.length) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_PAYLOAD_DEPTH) return false;
    const children = Object.values(value);
    entries += children.length;
    if (entries > MAX_PAYLOAD_ENTRIES) return false;
    for (const child of children) pending.push([child, depth + 1]);
  }
  return true;
}

/** The socket twin of the REST validation pipe: shape and size limits, whitelist, types. */
export async function validPayload<T extends object>(
  dto: new () => T,
  payload: unknown,
): Promise<T> {
  if (!withinBounds(payload)) {
    throw new InvalidPayloadException(
      `Payload is nested over ${MAX_PAYLOAD_DEPTH} levels deep or has over ${MAX_PAYLOAD_ENTRIES} entries`,
    );
  }
  if (Buffer.byteLength(JSON.stringify(payload ?? null)) > MESSAGING_LIMITS.socketPayloadBytes) {
    throw new PayloadTooLargeException(
      `Payload is over ${MESSAGING_LIMITS.socketPayloadBytes / 1024} kB`,
    );
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw badField('payload', 'payload must be an object');
  }
  const instance = plainToInstance(dto, payload);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw validationFailed(errors);
  return instance;
}
