import { type ErrorCode, RETRYABLE_ERROR_CODES } from '@mindsp/contracts';
import { ApiRequestError, NetworkError } from './api';
import { SocketAckError, SocketUnavailableError } from './socket';

/** The API's code of a refusal, whichever transport carried it; undefined when none answered. */
export function errorCodeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof ApiRequestError || error instanceof SocketAckError) return error.code;
  return undefined;
}

/**
 * Worth sending again by itself, the same way on both transports: no answer came (network,
 * socket down, no ack in time), or the API's code says a retry may succeed (`unavailable`,
 * `internal`). Any other refusal would answer the same again, or says how long to wait.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof SocketUnavailableError) return true;
  const code = errorCodeOf(error);
  return code !== undefined && RETRYABLE_ERROR_CODES.includes(code);
}
