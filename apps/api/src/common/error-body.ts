import type { ApiError, ErrorCode } from '@mindsp/contracts';
import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { databaseUnavailable, isDatabaseUnavailable } from '../database/unavailable';

/** The general code of a status, for exceptions that name none of their own. */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'bad_request',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'unavailable',
};

const logger = new Logger('Errors');

/**
 * What any error answers, on REST (the body) and on a socket (the ack's error): Nest's
 * `{ statusCode, error, message }` plus a stable `code`. A lost database is `unavailable`
 * wherever it surfaces; anything that is not an HttpException is a defect, logged, `internal`.
 */
export function errorBodyOf(thrown: unknown): ApiError {
  const error = isDatabaseUnavailable(thrown) ? databaseUnavailable() : thrown;
  if (!(error instanceof HttpException)) {
    logger.error(error);
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Internal server error',
      code: 'internal',
    };
  }
  const statusCode = error.getStatus();
  const response = error.getResponse();
  const body: Partial<ApiError> =
    typeof response === 'object' && response !== null
      ? { ...(response as Partial<ApiError>) }
      : { message: response };
  return {
    ...body,
    statusCode,
    error: body.error ?? STATUS_CODES[statusCode] ?? 'Error',
    message: body.message ?? error.message,
    code: body.code ?? (body.fields ? 'validation_failed' : codeOfStatus(statusCode)),
  };
}

function codeOfStatus(status: number): ErrorCode {
  return CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad_request');
}
