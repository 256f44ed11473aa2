import type { Translations } from '../../i18n/types';
import type { peopleFr } from './translations.fr';

// English: who is online.
export const peopleEn: Translations<typeof peopleFr> = {
  presence: {
    online: 'Online',
    offline: 'Offline',
    title: 'Online',
    nobody: 'Nobody else is online right now.',
    openWith: 'Message {{name}}',
  },
};
