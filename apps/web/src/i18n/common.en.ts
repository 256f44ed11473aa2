import type { Translations } from './types';
import type { commonFr } from './common.fr';

// English: the strings every part of the app shares: the app's name and loading, languages, errors, waits.
export const commonEn: Translations<typeof commonFr> = {
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
  errors: {
    messageUnavailable: 'This message cannot be displayed',
    historyUnavailable: 'The history of this conversation cannot be displayed.',
    itemUnavailable: 'This item cannot be displayed',
    pageTitle: 'This page cannot be displayed',
    page: 'An error prevented it from showing. The rest of the app still works.',
    backToMessages: 'Back to messages',
    reload: 'Reload the page',
  },
  wait: {
    seconds: '{{count}} s',
    minutes: '{{count}} min',
    hours: '{{count}} h',
  },
};
