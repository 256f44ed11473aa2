import { describe, expect, it } from 'vitest';
import { ApiRequestError, NetworkError } from '../../lib/api';
import { loginErrorKind } from './loginError';

describe('loginErrorKind', () => {
  it.each([
    [new ApiRequestError(401, 'Unauthorized'), 'invalidCredentials'],
    [new ApiRequestError(429, 'Too Many Requests'), 'tooManyAttempts'],
    [new ApiRequestError(400, 'email must be an email'), 'invalidInput'],
    [new NetworkError(new TypeError('Failed to fetch')), 'unreachable'],
    [new ApiRequestError(500, 'Internal Server Error'), 'unexpected'],
    [new Error('boom'), 'unexpected'],
  ])('maps %s to %s', (error, kind) => {
    expect(loginErrorKind(error)).toBe(kind);
  });
});
