import type { ApiError } from '@mindsp/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorBodyOf } from './error-body';

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

/** body-parser's refusals as the API's own: an oversize or malformed body is never a 500. */
function bodyParserError(error: ClientHttpError): ApiError {
  const statusCode = error.status;
  return statusCode === 413
    ? {
        statusCode,
        error: 'Payload Too Large',
        message: MESSAGES[error.type ?? ''] ?? error.message,
        code: 'payload_too_large',
      }
    : {
        statusCode,
        error: 'Bad Request',
        message: MESSAGES[error.type ?? ''] ?? error.message,
        code: 'bad_request',
      };
}

/**
 * Every REST error answers the one shape of the vocabulary (ApiError): a status, a message and a
 * stable `code` the client switches on, as the socket acks do (both come from errorBodyOf).
 * A lost PostgreSQL is a 503 `unavailable` the client may retry, never a 500.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') return;
    const body =
      !(exception instanceof HttpException) && isClientHttpError(exception)
        ? bodyParserError(exception)
        : errorBodyOf(exception);
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
    if (httpAdapter.isHeadersSent(response)) return httpAdapter.end(response);
    httpAdapter.reply(response, body, body.statusCode);
  }
}
