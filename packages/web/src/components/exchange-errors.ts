import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { keyForPointer, pointerOf, type Shortcoming } from '../api/exchange-rules.js';
import type { PathErrors } from './error-summary.js';

/** Error codes whose problem lists the fields concerned. */
const FIELD_CODES = new Set(['request_incomplete', 'validation_failed']);

/**
 * Turns what a form lacks into messages by field, in the user's language: the shortcomings
 * found in the browser, and the errors of a 422 request_incomplete (or 400 validation_failed)
 * answer. A server message without a translation is shown as the server wrote it.
 */
export function useFieldMessages() {
  const { t, i18n } = useTranslation();

  const fromShortcomings = useCallback(
    (shortcomings: readonly Shortcoming[]): PathErrors => {
      const errors: PathErrors = {};
      for (const { path, key } of shortcomings) {
        errors[path] ??= t(`exchange.validation.${key}`);
      }
      return errors;
    },
    [t],
  );

  const fromApi = useCallback(
    (error: unknown, prefix = ''): PathErrors => {
      if (!(error instanceof ApiError) || !FIELD_CODES.has(error.code)) return {};
      const errors: PathErrors = {};
      for (const item of error.errors) {
        const pointer = pointerOf(item.path);
        // Errors of the request as a whole (no field) are shown by the page's alert.
        if (pointer === '') continue;
        const key = keyForPointer(pointer);
        const message =
          error.code === 'validation_failed'
            ? t('validation.invalid')
            : key !== undefined && i18n.exists(`exchange.validation.${key}`)
              ? t(`exchange.validation.${key}`)
              : item.message;
        errors[prefix + pointer] ??= message;
      }
      return errors;
    },
    [t, i18n],
  );

  return { fromShortcomings, fromApi };
}

/** The errors at or below a pointer ("/subjects/0" → its fields), for one part of a form. */
export function errorsUnder(errors: PathErrors, pointer: string): PathErrors {
  const result: PathErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === pointer || path.startsWith(`${pointer}/`)) result[path] = message;
  }
  return result;
}
