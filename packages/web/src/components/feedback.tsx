import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/** The translated message for an API error, by its stable code. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      const key = `errors.${error.code}`;
      if (error.code === 'login_locked') {
        return t(key, { minutes: 15 });
      }
      if (i18n.exists(key)) return t(key);
      return `${t('errors.unknown')} ${error.detail}`;
    }
    return t('errors.unknown');
  };
}

/** An error region: announced at once by screen readers. */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const message = useErrorMessage();
  const { t } = useTranslation();
  if (error === undefined || error === null) return null;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="alert" role="alert" id={id}>
      <p>{message(error)}</p>
      {error instanceof ApiError && error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => (
            <li key={e.path}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {requestId !== undefined && error instanceof ApiError && error.status >= 500 && (
        <p className="small">{t('common.reference', { id: requestId })}</p>
      )}
    </div>
  );
}

/** A polite live region for confirmations. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div className="status" role="status">
      {children}
    </div>
  );
}

/** The page's one h1; it takes the focus when the page opens, and names the document. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Senningen`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
