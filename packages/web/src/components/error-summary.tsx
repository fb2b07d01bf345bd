import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Error messages of a form by JSON pointer into what it sends ("/subjects/0/category"). */
export type PathErrors = Record<string, string>;

/**
 * The id of the field a JSON pointer names, within one form: "rq" and "/subjects/0/category"
 * give "rq-subjects-0-category". Error summaries link to it.
 */
export function fieldId(prefix: string, pointer: string): string {
  return `${prefix}${pointer.replace(/\//g, '-')}`;
}

/** Moves the focus to an element once what was just changed is on the screen. */
export function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/**
 * The list of a form's errors at its top, each linking to its field. It takes the focus when
 * it appears (or changes), so that keyboard and screen-reader users start there.
 */
export function ErrorSummary({
  prefix,
  errors,
  serial,
  context,
  level = 2,
}: {
  /** The level of its heading: 2 at the top of a page, deeper inside a part of one. */
  level?: 2 | 3 | 4;
  prefix: string;
  errors: PathErrors;
  /** Where in the form a pointer is, when the message alone does not say ("Subject 2"). */
  context?: (pointer: string) => string | undefined;
  /** Changes with each attempt, so that the same errors shown again take the focus again. */
  serial: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const count = entries.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, serial]);
  if (count === 0) return null;
  const Heading = `h${level}` as const;
  const go = (event: MouseEvent<HTMLAnchorElement>, pointer: string) => {
    const target = document.getElementById(fieldId(prefix, pointer));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  };
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${prefix}-error-summary`}
      data-testid="error-summary"
    >
      <Heading id={`${prefix}-error-summary`}>{t('exchange.form.errorSummary', { count })}</Heading>
      <ul>
        {entries.map(([pointer, message]) => {
          const where = context?.(pointer);
          return (
            <li key={pointer}>
              <a href={`#${fieldId(prefix, pointer)}`} onClick={(e) => go(e, pointer)}>
                {where ? `${where}: ${message}` : message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
