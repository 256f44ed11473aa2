import type { Translations } from '../../i18n/types';
import type { profileFr } from './translations.fr';

// English: profiles.
export const profileEn: Translations<typeof profileFr> = {
  profile: {
    title: 'Profile',
    close: 'Close profile',
    role_admin: 'Administrator',
    role_member: 'Member',
    online: 'Online',
    lastSeen: 'Last seen {{when}}',
    neverSeen: 'Never signed in',
    noStatus: 'No status',
    deactivated: 'Account deactivated',
    edit: 'Edit my profile',
    displayName: 'Display name',
    statusText: 'Status',
    statusPlaceholder: 'E.g. On a call-out, on duty until 18:00',
    save: 'Save',
    cancel: 'Cancel',
    saveFailed: 'The profile could not be saved.',
  },
};
