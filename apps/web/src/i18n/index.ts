import { LOCALES, type Locale } from '@mindsp/contracts';
import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

// Remembers the last language shown, so the login page after a sign-out (or a reload before
// the user's profile has loaded) speaks the language the user chose.
const STORAGE_KEY = 'locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Before sign-in: the last language used here, else the browser's, else French. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const fromBrowser = navigator.languages
    ?.map((tag) => tag.slice(0, 2).toLowerCase())
    .find(isLocale);
  return fromBrowser ?? 'fr';
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
}

/** Starts i18next with every folder's strings (app/languages.ts gathers them). */
export async function setupI18n(resources: Resource): Promise<typeof i18n> {
  i18n.on('languageChanged', (language) => {
    if (!isLocale(language)) return;
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  });
  await i18n.use(initReactI18next).init({
    resources,
    lng: initialLocale(),
    fallbackLng: 'fr',
    supportedLngs: LOCALES,
    interpolation: { escapeValue: false }, // React escapes already.
    initAsync: false,
  });
  return i18n;
}

export default i18n;
