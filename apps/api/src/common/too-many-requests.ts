import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiError } from '@mindsp/contracts';
import { RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Every 429 says how long to wait, in its body (`retryAfterSeconds`, which the socket acks copy)
 * and, on REST, in the `Retry-After` header: a client told "in a moment" when the server means
 * 15 minutes retries for nothing. Its `code` is the socket ack's (`rate_limited`), so a client tells
 * a refusal to wait from any other 429 the same way on both transports.
 */
export class TooManyRequestsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    const body: ApiError = {
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      error: 'Too Many Requests',
      message,
      code: 'rate_limited',
      retryAfterSeconds,
    };
    super(body, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Whole seconds until a refused rate-limiter key frees a point again (at least 1). */
export function secondsBeforeNext(refusals: RateLimiterRes[]): number {
  return Math.max(1, ...refusals.map((res) => Math.ceil(res.msBeforeNext / 1000)));
}

/** The refusals among settled rate-limiter consumes; any other failure (Redis down) is thrown. */
export function refusalsOf(results: PromiseSettledResult<unknown>[]): RateLimiterRes[] {
  const refusals: RateLimiterRes[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') continue;
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    refusals.push(result.reason);
  }
  return refusals;
}
