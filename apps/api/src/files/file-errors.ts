import type { ApiError, FileErrorCode } from '@mindsp/contracts';
import { HttpException, HttpStatus } from '@nestjs/common';
import { TooManyRequestsException } from '../common/too-many-requests';

const STATUS: Record<Exclude<FileErrorCode, 'uploads_busy'>, HttpStatus> = {
  file_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  storage_quota_exceeded: HttpStatus.PAYLOAD_TOO_LARGE,
  image_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  executable_refused: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  type_refused: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  type_mismatch: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  image_unreadable: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

const ERROR: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'Payload Too Large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'Unsupported Media Type',
};

/** An upload refused: its status follows from its stable `code` (see FileErrorCode). */
export class FileRefusedException extends HttpException {
  constructor(
    readonly code: Exclude<FileErrorCode, 'uploads_busy'>,
    message: string,
  ) {
    const statusCode = STATUS[code];
    const body: ApiError = { statusCode, error: ERROR[statusCode]!, message, code };
    super(body, statusCode);
  }
}

/** Too many uploads in flight: a 429 with a wait, like every other limit of the API. */
export class UploadsBusyException extends TooManyRequestsException {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, retryAfterSeconds);
    const body = this.getResponse() as ApiError;
    body.code = 'uploads_busy' satisfies FileErrorCode;
  }
}
