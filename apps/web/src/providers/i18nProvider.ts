import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';

const messages = { en, fr };

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale as keyof typeof messages] ?? en, 'en', [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
]);
