import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.js';

/** Dates, numbers and country names in the user's language (nl-BE, fr-BE, de-BE, en-GB). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      shortDate: (iso: string) => shortDate.format(new Date(iso)),
      number: (value: number) => number.format(value),
      /** "BE" → "België" / "Belgique" / "Belgien" / "Belgium"; unknown codes stay as they are. */
      country: (code: string) => {
        try {
          return regions.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [locale]);
}
