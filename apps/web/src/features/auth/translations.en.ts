import type { Translations } from '../../i18n/types';
import type { authFr } from './translations.fr';

// English: sign-in and the session's end.
export const authEn: Translations<typeof authFr> = {
  login: {
    title: 'Sign in',
    subtitle: 'Sign in with the account your service gave you.',
    tenant: 'Organisation',
    tenantHint: 'Your service’s identifier, for example “demo”.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    errors: {
      invalidCredentials: 'Invalid credentials',
      tooManyAttempts: 'Too many attempts, try again in a moment',
      tooManyAttemptsFor: 'Too many attempts: try again in {{wait}}',
      invalidInput: 'Check the fields you entered.',
      unreachable: 'The server cannot be reached. Check your connection and try again.',
      unexpected: 'Something unexpected went wrong ({{status}}). Try again.',
    },
  },
  session: {
    loadFailed: 'Your session could not be loaded.',
    unreachable: 'The server cannot be reached. Check your connection.',
    retry: 'Try again',
  },
};
