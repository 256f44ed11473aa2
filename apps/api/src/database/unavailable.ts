import { ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

/** Socket errors that mean the server cannot be reached, whatever the statement. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is there but cannot serve now: connection exceptions (class 08),
 * shutting down or starting up (57P01-57P03), out of connections (53300).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300)$/;

/** What node-postgres (and pg-pool) say when the connection is lost or never came. */
const LOST_CONNECTION =
  /Connection terminated|Query read timeout|timeout exceeded when trying to connect|not queryable|Connection (is )?closed/i;

/**
 * Whether `error` says PostgreSQL could not be reached or stopped answering, rather than that the
 * statement was wrong: the request may succeed if retried, and the connection it used is not fit
 * to go back to the pool.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  if (!(cause instanceof Error)) return false;
  const { code } = cause as { code?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) {
    return true;
  }
  return LOST_CONNECTION.test(cause.message);
}

/** The answer for a lost database: 503 on REST, `unavailable` on a socket ack. */
export function databaseUnavailable(): ServiceUnavailableException {
  return new ServiceUnavailableException('The database is unavailable; try again in a moment');
}
