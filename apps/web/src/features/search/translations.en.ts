import type { Translations } from '../../i18n/types';
import type { searchFr } from './translations.fr';

// English: the message search.
export const searchEn: Translations<typeof searchFr> = {
  globalSearch: {
    open: 'Search all messages',
    title: 'Search messages',
    close: 'Close search',
    placeholder: 'Words to find…',
    from: 'From',
    in: 'In',
    anyone: 'Anyone',
    anywhere: 'All conversations',
    since: 'From',
    until: 'To',
    hasFile: 'Has a file',
    results: 'Results',
    none: 'No message found.',
    failed: 'Search failed.',
    more: 'More results',
  },
};
