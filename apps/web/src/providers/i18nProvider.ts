import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale } from 'react-admin';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';

const messages = { en, fr };

/** The browser's language on a first visit, if the app speaks it; a choice made in the app is kept in react-admin's store and wins. */
const browserLocale = resolveBrowserLocale('en');
const firstLocale = browserLocale in messages ? browserLocale : 'en';

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale as keyof typeof messages] ?? en, firstLocale, [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
]);
