import { isApiError, isNetworkError } from '../../lib/api';

export type LoginErrorKind =
  'unreachable' | 'invalidCredentials' | 'tooManyAttempts' | 'invalidInput' | 'unexpected';

/** Which message the login form shows for a failed sign-in (keys under `login.errors`). */
export function loginErrorKind(error: unknown): LoginErrorKind {
  if (isNetworkError(error)) return 'unreachable';
  if (isApiError(error, 401)) return 'invalidCredentials';
  if (isApiError(error, 429)) return 'tooManyAttempts';
  if (isApiError(error, 400)) return 'invalidInput';
  return 'unexpected';
}
