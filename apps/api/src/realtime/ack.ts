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
import { shapeProblem } from '../common/payload-shape';
import { databaseUnavailable, isDatabaseUnavailable } from '../database/unavailable';

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
  // PostgreSQL (or what a request needs in Redis) cannot be reached: try again with the same ids.
  503: 'unavailable',
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
  } catch (thrown) {
    const error = isDatabaseUnavailable(thrown) ? databaseUnavailable() : thrown;
    if (error instanceof InvalidPayloadException) {
      return { ok: false, error: { code: 'invalid_payload', message: error.message } };
    }
    if (error instanceof HttpException) {
      const code = CODES[error.getStatus()] ?? 'bad_request';
      const { retryAfterSeconds } = error.getResponse() as { retryAfterSeconds?: number };
      return {
        ok: false,
        error: { code, message: messageOf(error), ...(retryAfterSeconds && { retryAfterSeconds }) },
      };
    }
    logger.error(error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong; try again' } };
  }
}

/** The socket twin of the REST validation pipe: shape and size limits, whitelist, types. */
export async function validPayload<T extends object>(
  dto: new () => T,
  payload: unknown,
): Promise<T> {
  const problem = shapeProblem(payload);
  if (problem) throw new InvalidPayloadException(`Payload has ${problem}`);
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
