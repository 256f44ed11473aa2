import type { Translations } from '../i18n/types';
import type { appFr } from './translations.fr';

// English: the shell's strings: the header and the admin menu.
export const appEn: Translations<typeof appFr> = {
  header: {
    signedInAs: 'Signed in as {{name}}',
    menu: 'Menu',
    logout: 'Sign out',
    pages: {
      settings: 'Notification preferences',
      queues: 'Job queues',
      people: 'People',
      announcement: 'Send an announcement',
      alert: 'Send an urgent alert',
    },
  },
  admin: {
    notAllowedTitle: 'Restricted',
    notAllowed: 'This page is for the admins of your organisation.',
    backToMessages: 'Back to messages',
  },
};
