import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/** Error messages by field name; a field without an entry is fine. */
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

export interface Rule {
  required?: boolean;
  minLength?: number;
  pattern?: RegExp;
  /** The translation key of the message when the pattern does not match. */
  patternMessage?: string;
}

/**
 * Checks forms in the user's language before anything is sent (the forms set noValidate, so
 * the browser's own bubbles, in the browser's language, do not appear).
 */
export function useValidation() {
  const { t } = useTranslation();

  const check = useCallback(
    (value: string, rule: Rule): string | undefined => {
      if (value.trim() === '') return rule.required ? t('validation.required') : undefined;
      if (rule.minLength !== undefined && value.length < rule.minLength) {
        return t('validation.tooShort', { min: rule.minLength });
      }
      if (rule.pattern && !rule.pattern.test(value)) {
        return t(rule.patternMessage ?? 'validation.invalid');
      }
      return undefined;
    },
    [t],
  );

  /**
   * The fields an API error points at: validation errors by their path ("body/username"), and
   * the codes that concern one field (such as username_taken) with the translated message.
   */
  const fromApi = useCallback(
    <K extends string>(
      error: unknown,
      fields: readonly K[],
      byCode: Partial<Record<string, K>> = {},
      message?: string,
    ): FieldErrors<K> => {
      if (!(error instanceof ApiError)) return {};
      const errors: FieldErrors<K> = {};
      const field = byCode[error.code];
      if (field !== undefined) errors[field] = message ?? t(`errors.${error.code}`);
      for (const item of error.errors) {
        const name = item.path.replace(/^body\/?/, '').split('/')[0];
        const known = fields.find((f) => f === name);
        if (known !== undefined && errors[known] === undefined) {
          errors[known] = t('validation.invalid');
        }
      }
      return errors;
    },
    [t],
  );

  return { check, fromApi };
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

/** Moves the focus to the first field (in the given order) that has an error. */
export function focusFirstError(
  form: HTMLFormElement | null,
  order: readonly string[],
  errors: FieldErrors,
): void {
  const first = order.find((name) => errors[name] !== undefined);
  if (!form || first === undefined) return;
  const element = form.elements.namedItem(first);
  const target = element instanceof RadioNodeList ? element.item(0) : element;
  if (target instanceof HTMLElement) target.focus();
}

/** Drops the entries without a message. */
export function compact<K extends string>(errors: Record<K, string | undefined>): FieldErrors<K> {
  const result: FieldErrors<K> = {};
  for (const [key, value] of Object.entries(errors) as [K, string | undefined][]) {
    if (value !== undefined) result[key] = value;
  }
  return result;
}
