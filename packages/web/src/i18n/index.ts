import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../api/types.js';
import consultationDe from './consultation/de.json';
import consultationEn from './consultation/en.json';
import consultationFr from './consultation/fr.json';
import consultationNl from './consultation/nl.json';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';
import portalDe from './portal/de.json';
import portalEn from './portal/en.json';
import portalFr from './portal/fr.json';
import portalNl from './portal/nl.json';
import recordsDe from './records/de.json';
import recordsEn from './records/en.json';
import recordsFr from './records/fr.json';
import recordsNl from './records/nl.json';

/** The shape of the English texts; every language must have all of them (checked by tsc). */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** The portal editor's, the consultation bodies' and the records' texts live in files of their own. */
const ENGLISH = { ...en, portal: portalEn, consultation: consultationEn, records: recordsEn };
export type Translation = Strings<typeof ENGLISH>;

export const RESOURCES: Record<Language, Translation> = {
  en: ENGLISH,
  nl: { ...nl, portal: portalNl, consultation: consultationNl, records: recordsNl },
  fr: { ...fr, portal: portalFr, consultation: consultationFr, records: recordsFr },
  de: { ...de, portal: portalDe, consultation: consultationDe, records: recordsDe },
};

/** Belgian locales for the three national languages, British English for English. */
const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };
const STORAGE_KEY = 'senningen.language';

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The language before sign-in: the one last chosen on this device, else the first of the
 * browser's preferred languages that Senningen speaks, else English. After sign-in the
 * user's saved preference wins.
 */
export function initialLanguage(
  stored: string | null = storedLanguage(),
  preferred: readonly string[] = navigator.languages,
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function setupI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(
      LANGUAGES.map((language) => [language, { translation: RESOURCES[language] }]),
    ),
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    if (!isLanguage(language)) return;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  });
  return i18next;
}

export function currentLocale(language: string): string {
  return isLanguage(language) ? LOCALES[language] : 'en-GB';
}
