import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.js';

/** Dates and numbers in the user's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return {
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(
        new Date(iso),
      ),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
  };
}
