import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { currentLocale } from '../i18n/index.js';

/** The translated message for an API error, by its stable code. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error) => {
      if (!(error instanceof ApiError)) return t('errors.unknown');
      if (error.code === 'login_locked') {
        if (error.retryAfterSeconds === undefined) return t('errors.login_locked_later');
        const until = new Date(Date.now() + error.retryAfterSeconds * 1000);
        const time = new Intl.DateTimeFormat(currentLocale(i18n.language), {
          timeStyle: 'short',
        }).format(until);
        return t('errors.login_locked', { time });
      }
      const key = `errors.${error.code}`;
      if (i18n.exists(key)) return t(key);
      return `${t('errors.unknown')} ${error.detail}`;
    },
    [t, i18n],
  );
}

let errorSerial = 0;
const errorKeys = new WeakMap<object, number>();

/** A distinct key per error object, so that the same message shown again is announced again. */
function keyOf(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 0;
  let key = errorKeys.get(error);
  if (key === undefined) {
    key = ++errorSerial;
    errorKeys.set(error, key);
  }
  return key;
}

/** An error region: announced at once by screen readers. */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const message = useErrorMessage();
  const { t } = useTranslation();
  return (
    <div className={error === undefined ? 'alert-region' : 'alert'} role="alert" id={id}>
      {error !== undefined && (
        <p key={keyOf(error)}>
          {message(error)}
          {error instanceof ApiError && error.status >= 500 && error.requestId !== undefined && (
            <span className="small block">{t('common.reference', { id: error.requestId })}</span>
          )}
        </p>
      )}
    </div>
  );
}

/** A polite live region for confirmations; always present so that changes are announced. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div className={children ? 'status' : 'status-region'} role="status">
      {children}
    </div>
  );
}

/** Both live regions of a page: the error of its last action, or its confirmation. */
export function Outcome({ error, status }: { error: unknown; status?: string | undefined }) {
  return (
    <>
      <ErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
    </>
  );
}

interface RunOptions {
  /** Runs after a success, e.g. to reload a list; what it throws is shown as the error. */
  then?: () => Promise<unknown>;
  /** Runs after a failure, e.g. to point at the fields an API error concerns. */
  onError?: (caught: unknown) => void;
}

/** The outcome of a page's actions, for <Outcome>: each action clears the previous one. */
export function useOutcome() {
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const clear = useCallback(() => {
    setError(undefined);
    setStatus(undefined);
  }, []);
  /** Runs an action; the text it returns becomes the status, what it throws the error. */
  const run = useCallback(
    async (work: () => Promise<string>, options: RunOptions = {}): Promise<void> => {
      clear();
      try {
        setStatus(await work());
      } catch (caught) {
        setError(caught);
        options.onError?.(caught);
        return;
      }
      try {
        await options.then?.();
      } catch (caught) {
        setError(caught);
      }
    },
    [clear],
  );
  return { error, setError, status, clear, run };
}

let pagesShown = 0;

/**
 * The page's one h1, which names the document. When the app shows another page (navigation,
 * sign-in, sign-out) the heading takes the focus, so screen-reader and keyboard users start at
 * the new content. The first page after loading leaves the focus where the browser puts it, at
 * the start of the document with the skip link.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    pagesShown += 1;
    if (pagesShown > 1) ref.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${title} · Senningen`;
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
