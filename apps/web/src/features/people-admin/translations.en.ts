import type { Translations } from '../../i18n/types';
import type { peopleAdminFr } from './translations.fr';

// English: the people admin page.
export const peopleAdminEn: Translations<typeof peopleAdminFr> = {
  peopleAdmin: {
    title: 'People',
    search: 'Find a person',
    searchPlaceholder: 'Name or email address',
    storage: 'File storage',
    storageUsed: '{{used}} of {{quota}} used ({{percent}}%)',
    storageFailed: 'The storage in use could not be loaded.',
    add: 'Add a person',
    email: 'Email',
    displayName: 'Name',
    password: 'Initial password',
    role: 'Role',
    create: 'Add',
    created: '{{name}} was added.',
    createFailed: 'The person could not be added.',
    emailTaken: 'That email is already used in your organisation.',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    confirmDeactivate: 'Deactivate {{name}}? Their sessions end at once; their messages stay.',
    active: 'Active',
    inactive: 'Deactivated',
    you: '(you)',
    loadFailed: 'Could not load people.',
    actionFailed: 'The action failed.',
  },
};
