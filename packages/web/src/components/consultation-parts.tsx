import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.js';
import {
  TIME_ZONE,
  bodyName,
  formatCalendarDate,
  formatSize,
  type Action,
  type ActionStatus,
  type BodyNames,
} from '../api/consultation.js';
import { currentLocale } from '../i18n/index.js';
import { ErrorSummary, type PathErrors } from './error-summary.js';
import { StatusMessage, useErrorMessage } from './feedback.js';
import { useFormat } from './format.js';
import { DataTable } from './table.js';
import type { FieldErrors } from './validation.js';

/**
 * Dates of the consultation bodies in the user's language: meeting times in Brussels time (the
 * bodies meet there, whatever the reader's time zone), calendar dates as the days they are.
 */
export function useConsultationFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const locale = currentLocale(language);
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: TIME_ZONE,
    });
    const full = new Intl.DateTimeFormat(locale, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: TIME_ZONE,
    });
    return {
      /** An instant, in Brussels time. */
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** A meeting's start and end, the day written once when both fall on it. */
      range: (startsAt: string, endsAt: string) => {
        const start = new Date(startsAt);
        const end = new Date(endsAt);
        return end > start ? full.formatRange(start, end) : full.format(start);
      },
      /** A calendar date 'YYYY-MM-DD'. */
      day: (value: string, style: 'long' | 'medium' = 'medium') =>
        formatCalendarDate(value, locale, style),
      /** A file size in kB or MB. */
      size: (bytes: number) => formatSize(bytes, locale),
      /** A body's name in the user's language, else Dutch or French. */
      name: (names: BodyNames) => bodyName(names, language),
      language,
      locale,
    };
  }, [language, locale]);
}

/** The translated message of an API error, with the consultation bodies' own codes first. */
export function useConsultationError(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const general = useErrorMessage();
  return useCallback(
    (error) => {
      if (error instanceof ApiError) {
        const key = `consultation.errors.${error.code}`;
        if (i18n.exists(key)) return t(key);
      }
      return general(error);
    },
    [t, i18n, general],
  );
}

/** Both live regions of a screen: the error of its last action, or its confirmation. */
export function ConsultationOutcome({
  error,
  status,
}: {
  error: unknown;
  status?: string | undefined;
}) {
  const message = useConsultationError();
  const { t } = useTranslation();
  return (
    <>
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
      <StatusMessage>{status}</StatusMessage>
    </>
  );
}

const STATUS_CLASS: Record<ActionStatus, string> = {
  open: 'state-sent',
  in_progress: 'state-delayed',
  done: 'state-answered',
  cancelled: 'state-draft',
};

/** An action item's status in words and colour, and whether it is overdue. */
export function ActionStatusBadge({ status, overdue }: { status: ActionStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <span>
      <span className={`badge ${STATUS_CLASS[status]}`}>
        {t(`consultation.actionStatuses.${status}`)}
      </span>
      {overdue && (
        <>
          {' '}
          <span className="badge state-refused">{t('consultation.actions.overdue')}</span>
        </>
      )}
    </span>
  );
}

/** A confirmation another page passed along when it sent the user here. */
export function noticeOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' ? state.notice : undefined;
}

/** The address of an action item's detail in the monitoring screen. */
export function actionLink(action: Pick<Action, 'id' | 'bodyId'>): string {
  return `/consultation/actions?bodyId=${encodeURIComponent(action.bodyId)}&status=all&action=${encodeURIComponent(action.id)}`;
}

/** Action items in a table: what, for whom, by when, how far; the overdue ones stand out. */
export function ActionsTable({
  actions,
  caption,
  showBody = false,
  linkTo = actionLink,
}: {
  actions: Action[];
  caption: string;
  showBody?: boolean;
  /** Where an item's title leads; by default to its detail in the monitoring screen. */
  linkTo?: (action: Action) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = useConsultationFormat();
  const columns = showBody ? 6 : 5;
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('consultation.fields.actionTitle')}</th>
          {showBody && <th scope="col">{t('consultation.fields.body')}</th>}
          <th scope="col">{t('consultation.fields.decision')}</th>
          <th scope="col">{t('consultation.fields.owner')}</th>
          <th scope="col">{t('consultation.fields.dueOn')}</th>
          <th scope="col">{t('consultation.fields.status')}</th>
        </tr>
      </thead>
      <tbody>
        {actions.length === 0 && (
          <tr>
            <td colSpan={columns}>{t('consultation.actions.none')}</td>
          </tr>
        )}
        {actions.map((action) => (
          <tr key={action.id} data-testid="action-row" data-overdue={action.overdue}>
            <th scope="row">
              <Link to={linkTo(action)}>{action.title}</Link>
            </th>
            {showBody && <td>{action.bodyCode}</td>}
            <td>{action.decisionReference ?? '—'}</td>
            <td>
              {format.country(action.ownerCountry)}
              <span className="small block">{action.ownerAgency}</span>
            </td>
            <td className={action.overdue ? 'nowrap deadline-overdue' : 'nowrap'}>
              <time dateTime={action.dueOn}>{when.day(action.dueOn)}</time>
            </td>
            <td>
              <ActionStatusBadge status={action.status} overdue={action.overdue} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * The errors of a form at its top, in the order of its fields, each linking to its field (whose
 * id is the prefix, a hyphen and the field's name). It takes the focus when it appears.
 */
export function FormErrorSummary({
  prefix,
  errors,
  order,
  serial,
}: {
  prefix: string;
  errors: FieldErrors;
  order: readonly string[];
  serial: number;
}) {
  const byPointer: PathErrors = {};
  for (const name of [...order, ...Object.keys(errors)]) {
    const message = errors[name];
    if (message !== undefined) byPointer[`/${name}`] = message;
  }
  return <ErrorSummary prefix={prefix} errors={byPointer} serial={serial} level={3} />;
}
