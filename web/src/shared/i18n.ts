import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { nl } from './locales/nl.ts';

/** Dutch for browsers that prefer Dutch, English for everyone else. */
export function uiLanguage(preferred: readonly string[] = navigator.languages?.length ? navigator.languages : [navigator.language]): 'nl' | 'en' {
  return preferred[0]?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export const language = uiLanguage();
document.documentElement.lang = language;

void i18next.use(initReactI18next).init({
  lng: language,
  fallbackLng: 'en',
  resources: { nl: { translation: nl }, en: { translation: en } },
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled: ready before the first render
});

export default i18next;
