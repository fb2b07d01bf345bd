import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.js';
import { OUTCOMES, type AuditEntry } from '../api/types.js';
import { Field, SelectField } from '../components/field.js';
import { ErrorAlert, PageHeading } from '../components/feedback.js';
import { useFormat } from '../components/format.js';

interface Filters {
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  outcome: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = {
  actor: '',
  action: '',
  objectType: '',
  objectId: '',
  outcome: '',
  from: '',
  to: '',
};

/** The filters as API parameters: dates from the date inputs become whole days in local time. */
function toParams(filters: Filters): Record<string, string | undefined> {
  const day = (value: string, addDays: number) => {
    if (value === '') return undefined;
    const date = new Date(`${value}T00:00:00`);
    date.setDate(date.getDate() + addDays);
    return date.toISOString();
  };
  return {
    actor: filters.actor.trim(),
    action: filters.action.trim(),
    objectType: filters.objectType.trim(),
    objectId: filters.objectId.trim(),
    outcome: filters.outcome,
    from: day(filters.from, 0),
    to: day(filters.to, 1),
  };
}

function fetchEntries(filters: Filters, before?: number) {
  return api<{ items: AuditEntry[]; nextBefore: number | null }>(
    'GET',
    `/api/v1/audit/entries${query({ ...toParams(filters), before, limit: 50 })}`,
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<unknown>();

  const load = useCallback(
    (wanted: Filters, before?: number) =>
      fetchEntries(wanted, before).then((page) => {
        setEntries((current) => (before === undefined ? page.items : [...current, ...page.items]));
        setNextBefore(page.nextBefore);
      }),
    [],
  );

  useEffect(() => {
    fetchEntries(NO_FILTERS)
      .then((page) => {
        setEntries(page.items);
        setNextBefore(page.nextBefore);
      })
      .catch(setError);
  }, []);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setApplied(filters);
    load(filters).catch(setError);
  };

  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters({ ...filters, [key]: event.target.value });
  const exportUrl = (format: 'csv' | 'jsonl') =>
    `/api/v1/audit/export${query({ ...toParams(applied), format })}`;

  return (
    <section>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p>{t('audit.intro')}</p>
      <ErrorAlert error={error} />
      <form
        onSubmit={search}
        className="filters"
        role="search"
        aria-label={t('audit.filterHeading')}
      >
        <Field
          label={t('audit.actor')}
          maxLength={64}
          value={filters.actor}
          onChange={set('actor')}
        />
        <Field
          label={t('audit.action')}
          help={t('audit.actionHelp')}
          maxLength={100}
          value={filters.action}
          onChange={set('action')}
        />
        <Field
          label={t('audit.objectType')}
          maxLength={100}
          value={filters.objectType}
          onChange={set('objectType')}
        />
        <Field
          label={t('audit.objectId')}
          maxLength={200}
          value={filters.objectId}
          onChange={set('objectId')}
        />
        <SelectField label={t('audit.outcome')} value={filters.outcome} onChange={set('outcome')}>
          <option value="">{t('audit.any')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </SelectField>
        <Field label={t('audit.from')} type="date" value={filters.from} onChange={set('from')} />
        <Field label={t('audit.to')} type="date" value={filters.to} onChange={set('to')} />
        <button type="submit">{t('audit.search')}</button>
      </form>
      <p className="exports">
        <span>{t('audit.exportHeading')}:</span>{' '}
        <a href={exportUrl('csv')}>{t('audit.exportCsv')}</a>{' '}
        <a href={exportUrl('jsonl')}>{t('audit.exportJsonl')}</a>
      </p>
      <div className="table-wrap">
        <table className="audit">
          <caption>
            {t('audit.caption')} — {t('audit.shown', { count: entries.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.object')}</th>
              <th scope="col">{t('audit.outcome')}</th>
              <th scope="col">{t('audit.details')}</th>
              <th scope="col">{t('audit.clientAddress')}</th>
              <th scope="col">{t('audit.requestId')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && (
              <tr>
                <td colSpan={9}>{t('audit.none')}</td>
              </tr>
            )}
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <td>{format.number(entry.seq)}</td>
                <td>
                  <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
                </td>
                <td>{entry.actorUsername ?? '—'}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.objectType ?? ''} <span className="small">{entry.objectId ?? ''}</span>
                </td>
                <td className={`outcome outcome-${entry.outcome}`}>
                  {t(`outcomes.${entry.outcome}`)}
                </td>
                <td className="details">
                  {Object.entries(entry.details)
                    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                    .join('; ')}
                </td>
                <td>{entry.clientAddress ?? ''}</td>
                <td className="small">{entry.requestId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore !== null && (
        <button
          type="button"
          className="secondary"
          onClick={() => void load(applied, nextBefore).catch(setError)}
        >
          {t('audit.loadMore')}
        </button>
      )}
    </section>
  );
}
