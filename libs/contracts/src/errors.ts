/** Every REST error answers this shape (Nest's, plus the fields that were wrong). */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
  /** For validation errors: the field paths that were wrong, each with its messages. */
  fields?: Record<string, string[]>;
  /** With 429: seconds to wait before trying again (the same as the Retry-After header). */
  retryAfterSeconds?: number;
  /**
   * A stable, machine-readable reason where the status alone is ambiguous: `rate_limited` with
   * 429 (as the socket acks say), a FileErrorCode for uploads.
   */
  code?: string;
}
