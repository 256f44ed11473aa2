import { MESSAGING_LIMITS, type Ack } from '@mindsp/contracts';
import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { badField, validationFailed } from '../common/bad-request';
import { errorBodyOf } from '../common/error-body';
import { shapeProblem } from '../common/payload-shape';

/**
 * Runs a socket handler and turns its outcome into the ack the contract promises: the same
 * errors the REST layer answers become `{ ok: false, error: { code, message, ... } }`, with the
 * code, fields and wait of the REST body (both come from errorBodyOf).
 */
export async function toAck<T>(work: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (thrown) {
    const { code, message, fields, retryAfterSeconds } = errorBodyOf(thrown);
    return {
      ok: false,
      error: {
        code,
        message: [message].flat().join('; '),
        ...(fields && { fields }),
        ...(retryAfterSeconds && { retryAfterSeconds }),
      },
    };
  }
}

/** The socket twin of the REST validation pipe: shape and size limits, whitelist, types. */
export async function validPayload<T extends object>(
  dto: new () => T,
  payload: unknown,
): Promise<T> {
  const problem = shapeProblem(payload);
  if (problem) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `Payload has ${problem}`,
      code: 'invalid_payload',
    });
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
