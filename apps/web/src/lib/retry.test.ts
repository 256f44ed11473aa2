import type { ApiError } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { ApiRequestError, NetworkError } from './api';
import { isRetryable } from './retry';
import { SocketAckError, SocketUnavailableError } from './socket';

const rest = (statusCode: number, code: ApiError['code']) =>
  new ApiRequestError(statusCode, 'refused', { statusCode, error: 'x', message: 'refused', code });
const ack = (code: ApiError['code']) => new SocketAckError({ code, message: 'refused' });

describe('isRetryable', () => {
  it('retries a database outage the same way over REST and over the socket', () => {
    expect(isRetryable(rest(503, 'unavailable'))).toBe(true);
    expect(isRetryable(ack('unavailable'))).toBe(true);
  });

  it('retries a server defect on both transports', () => {
    expect(isRetryable(rest(500, 'internal'))).toBe(true);
    expect(isRetryable(ack('internal'))).toBe(true);
  });

  it('retries when no answer came at all', () => {
    expect(isRetryable(new NetworkError())).toBe(true);
    expect(isRetryable(new SocketUnavailableError('no ack in time'))).toBe(true);
  });

  it('does not retry a refusal that would answer the same, on either transport', () => {
    for (const [status, code] of [
      [400, 'validation_failed'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [409, 'conflict'],
      [413, 'payload_too_large'],
      [429, 'rate_limited'],
    ] as const) {
      expect(isRetryable(rest(status, code))).toBe(false);
      expect(isRetryable(ack(code))).toBe(false);
    }
  });

  it('judges a REST error without a code by its status', () => {
    expect(isRetryable(new ApiRequestError(500, 'Internal Server Error'))).toBe(true);
    expect(isRetryable(new ApiRequestError(400, 'Bad Request'))).toBe(false);
  });

  it('does not retry what is not an API error', () => {
    expect(isRetryable(new TypeError('x is undefined'))).toBe(false);
  });
});
