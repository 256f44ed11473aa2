import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { databaseUnavailable, isDatabaseUnavailable } from '../database/unavailable';

/** Errors from express middleware (body-parser) that carry their own 4xx status, per http-errors. */
interface ClientHttpError {
  status: number;
  expose: boolean;
  message: string;
  type?: string;
}

function isClientHttpError(error: unknown): error is ClientHttpError {
  const candidate = error as Partial<ClientHttpError> | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    candidate.expose === true
  );
}

const MESSAGES: Record<string, string> = {
  'entity.too.large': 'Request body is too large (100 kB at most)',
  'entity.parse.failed': 'Request body is not valid JSON',
};

/**
 * A lost PostgreSQL is a 503 the client may retry, never a 500.
 * Bad input must never be a 500: an oversize or malformed body keeps the status body-parser
 * gave it (413, 400) instead of falling into Nest's "unknown error" path.
 */
@Catch()
export class HttpErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    // A lost database outside TenantDatabase (sign-in, refresh) is as retryable as inside it.
    if (isDatabaseUnavailable(exception)) return super.catch(databaseUnavailable(), host);
    if (
      exception instanceof HttpException ||
      !isClientHttpError(exception) ||
      host.getType() !== 'http'
    ) {
      return super.catch(exception, host);
    }
    const response = host.switchToHttp().getResponse<Response>();
    const statusCode = exception.status;
    response.status(statusCode).json({
      statusCode,
      error: statusCode === 413 ? 'Payload Too Large' : 'Bad Request',
      message: MESSAGES[exception.type ?? ''] ?? exception.message,
    });
  }
}
