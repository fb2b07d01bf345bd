import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.js';
import { OUTCOMES, type AuditEntry } from '../api/types.js';
import { Field, SelectField } from '../components/field.js';
import { Outcome, PageHeading, useOutcome } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { DataTable } from '../components/table.js';

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

const PAGE_SIZE = 50;

interface Page {
  items: AuditEntry[];
  nextBefore: number | null;
}

/**
 * The filters as API parameters. The date inputs give whole days in the browser's time zone:
 * "from" is the start of its day, "to" the start of the day after (the API's bound is exclusive).
 */
function toParams(filters: Filters): Record<string, string | undefined> {
  const day = (value: string, addDays: number) => {
    if (value === '') return undefined;
    const date = new Date(`${value}T00:00:00`);
    if (Number.isNaN(date.getTime())) return undefined;
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

function fetchEntries(filters: Filters, before?: number): Promise<Page> {
  return api<Page>(
    'GET',
    `/api/v1/audit/entries${query({ ...toParams(filters), before, limit: PAGE_SIZE })}`,
  );
}

/** The details of an entry on one line: "username: x; roles: officer,analyst". */
function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => {
      if (typeof value === 'string') return `${key}: ${value}`;
      if (Array.isArray(value)) return `${key}: ${value.map((v) => String(v)).join(', ')}`;
      return `${key}: ${JSON.stringify(value)}`;
    })
    .join('; ');
}

export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  // The status region announces how many entries a search or "load more" brought.
  const { error, setError, status, run } = useOutcome();
  const table = useRef<HTMLDivElement>(null);

  useEffect(() => {
    fetchEntries(NO_FILTERS)
      .then((page) => {
        setEntries(page.items);
        setNextBefore(page.nextBefore);
      })
      .catch(setError);
  }, [setError]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const page = await fetchEntries(filters);
      setApplied(filters);
      setEntries(page.items);
      setNextBefore(page.nextBefore);
      return t('audit.shown', { count: page.items.length });
    });
  };

  const loadMore = (before: number) =>
    run(async () => {
      const page = await fetchEntries(applied, before);
      const all = [...entries, ...page.items];
      setEntries(all);
      setNextBefore(page.nextBefore);
      // The button is gone when nothing more is left: the focus goes back to the results.
      if (page.nextBefore === null) table.current?.focus();
      return t('audit.shown', { count: all.length });
    });

  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters({ ...filters, [key]: event.target.value });
  const exportUrl = (type: 'csv' | 'jsonl') =>
    `/api/v1/audit/export${query({ ...toParams(applied), format: type })}`;

  return (
    <section>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p>{t('audit.intro')}</p>
      <Outcome error={error} status={status} />
      <form
        onSubmit={search}
        className="filters"
        role="search"
        aria-label={t('audit.filterHeading')}
      >
        <Field
          label={t('audit.actor')}
          name="actor"
          maxLength={64}
          autoCapitalize="none"
          spellCheck={false}
          value={filters.actor}
          onChange={set('actor')}
        />
        <Field
          label={t('audit.action')}
          help={t('audit.actionHelp')}
          name="action"
          maxLength={100}
          autoCapitalize="none"
          spellCheck={false}
          value={filters.action}
          onChange={set('action')}
        />
        <Field
          label={t('audit.objectType')}
          name="objectType"
          maxLength={100}
          autoCapitalize="none"
          spellCheck={false}
          value={filters.objectType}
          onChange={set('objectType')}
        />
        <Field
          label={t('audit.objectId')}
          name="objectId"
          maxLength={200}
          spellCheck={false}
          value={filters.objectId}
          onChange={set('objectId')}
        />
        <SelectField
          label={t('audit.outcome')}
          name="outcome"
          value={filters.outcome}
          onChange={set('outcome')}
        >
          <option value="">{t('audit.any')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('audit.from')}
          type="date"
          name="from"
          value={filters.from}
          onChange={set('from')}
        />
        <Field
          label={t('audit.to')}
          type="date"
          name="to"
          value={filters.to}
          onChange={set('to')}
        />
        <div className="form-actions">
          <button type="submit">{t('audit.search')}</button>
        </div>
      </form>
      <div className="exports">
        <h2>{t('audit.exportHeading')}</h2>
        <p className="help">{t('audit.exportHelp')}</p>
        <ul>
          <li>
            <a href={exportUrl('csv')} download>
              {t('audit.exportCsv')}
            </a>
          </li>
          <li>
            <a href={exportUrl('jsonl')} download>
              {t('audit.exportJsonl')}
            </a>
          </li>
        </ul>
      </div>
      <DataTable
        className="audit"
        regionRef={table}
        caption={`${t('audit.caption')} — ${t('audit.shown', { count: entries.length })}`}
      >
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
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
              <td className="nowrap">
                <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
              </td>
              <td>{entry.actorUsername ?? '—'}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td className="object">
                {entry.objectType ?? ''}
                {entry.objectId !== null && <span className="small block">{entry.objectId}</span>}
              </td>
              <td className={`outcome-${entry.outcome}`}>{t(`outcomes.${entry.outcome}`)}</td>
              <td className="details">{describeDetails(entry.details)}</td>
              <td>{entry.clientAddress ?? ''}</td>
              <td className="small id">{entry.requestId ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {nextBefore !== null && (
        <p>
          <button type="button" className="secondary" onClick={() => void loadMore(nextBefore)}>
            {t('audit.loadMore')}
          </button>
        </p>
      )}
    </section>
  );
}
