import type { Messages } from './fr';

const en: Messages = {
  app: {
    name: 'MindSP Messaging',
    tagline: 'Messaging for fire and rescue services',
    loading: 'Loading…',
  },
  language: {
    label: 'Language',
    fr: 'Français',
    en: 'English',
    saveFailed: 'The language could not be saved.',
  },
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
  header: {
    signedInAs: 'Signed in as {{name}}',
    menu: 'Menu',
    logout: 'Sign out',
  },
  conversations: {
    title: 'Conversations',
    emptyTitle: 'No conversations yet',
    emptyBody: 'Conversations with your team will show up here.',
  },
};

export default en;
