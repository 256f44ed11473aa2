import type { Translations } from '../i18n/types';
import { commonFr } from '../i18n/common.fr';
import { commonEn } from '../i18n/common.en';
import { appFr } from './translations.fr';
import { appEn } from './translations.en';
import { authFr } from '../features/auth/translations.fr';
import { authEn } from '../features/auth/translations.en';
import { conversationsFr } from '../features/conversations/translations.fr';
import { conversationsEn } from '../features/conversations/translations.en';
import { peopleFr } from '../features/people/translations.fr';
import { peopleEn } from '../features/people/translations.en';
import { notificationsFr } from '../features/notifications/translations.fr';
import { notificationsEn } from '../features/notifications/translations.en';
import { alertsFr } from '../features/alerts/translations.fr';
import { alertsEn } from '../features/alerts/translations.en';
import { queuesFr } from '../features/queues/translations.fr';
import { queuesEn } from '../features/queues/translations.en';
import { filesFr } from '../features/files/translations.fr';
import { filesEn } from '../features/files/translations.en';
import { searchFr } from '../features/search/translations.fr';
import { searchEn } from '../features/search/translations.en';
import { profileFr } from '../features/profile/translations.fr';
import { profileEn } from '../features/profile/translations.en';
import { peopleAdminFr } from '../features/people-admin/translations.fr';
import { peopleAdminEn } from '../features/people-admin/translations.en';

/** Each folder's strings, by language. A folder owns its keys: no top-level key appears twice. */
export const frParts = [
  commonFr,
  appFr,
  authFr,
  conversationsFr,
  peopleFr,
  notificationsFr,
  alertsFr,
  queuesFr,
  filesFr,
  searchFr,
  profileFr,
  peopleAdminFr,
] as const;
export const enParts = [
  commonEn,
  appEn,
  authEn,
  conversationsEn,
  peopleEn,
  notificationsEn,
  alertsEn,
  queuesEn,
  filesEn,
  searchEn,
  profileEn,
  peopleAdminEn,
];

/** Every string the app shows in French; its shape is every language's. */
export const fr = {
  ...commonFr,
  ...appFr,
  ...authFr,
  ...conversationsFr,
  ...peopleFr,
  ...notificationsFr,
  ...alertsFr,
  ...queuesFr,
  ...filesFr,
  ...searchFr,
  ...profileFr,
  ...peopleAdminFr,
};

export const en: Translations<typeof fr> = {
  ...commonEn,
  ...appEn,
  ...authEn,
  ...conversationsEn,
  ...peopleEn,
  ...notificationsEn,
  ...alertsEn,
  ...queuesEn,
  ...filesEn,
  ...searchEn,
  ...profileEn,
  ...peopleAdminEn,
};

export const resources = {
  fr: { translation: fr },
  en: { translation: en },
} as const;
