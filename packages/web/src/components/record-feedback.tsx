import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { StatusMessage, useErrorMessage } from './feedback.js';

/** The translated message of an API error, with the records' and the DPO's own codes first. */
export function useRecordError(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const general = useErrorMessage();
  return useCallback(
    (error) => {
      if (error instanceof ApiError) {
        const key = `records.errors.${error.code}`;
        if (i18n.exists(key)) return t(key);
      }
      return general(error);
    },
    [t, i18n, general],
  );
}

/** An error region for the records' screens: announced at once by screen readers. */
export function RecordErrorAlert({ error }: { error: unknown }) {
  const message = useRecordError();
  const { t } = useTranslation();
  return (
    <div className={error === undefined ? 'alert-region' : 'alert'} role="alert">
      {error !== undefined && (
        <p>
          {message(error)}
          {error instanceof ApiError && error.status >= 500 && error.requestId !== undefined && (
            <span className="small block">{t('common.reference', { id: error.requestId })}</span>
          )}
        </p>
      )}
    </div>
  );
}

/** Both live regions of a screen: the error of its last action, or its confirmation. */
export function RecordOutcome({ error, status }: { error: unknown; status?: string | undefined }) {
  return (
    <>
      <RecordErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
    </>
  );
}

/** Whether an error is the API's "not found" (for records: no context of the user's). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
