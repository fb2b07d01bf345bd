import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  DPO_PAGE_SIZE,
  dpoApi,
  type ConsultationEntry,
  type DisclosureEntry,
  type LogPage,
} from '../api/dpo.js';
import { Field } from './field.js';
import { useFormat } from './format.js';
import { Pager } from './pager.js';
import { RecordOutcome } from './record-feedback.js';
import { FieldNames, NodeName, When } from './record-sections.js';
import { DataTable } from './table.js';

interface ConsultationFilters {
  username: string;
  recordId: string;
  from: string;
  to: string;
}

const NO_CONSULTATION_FILTERS: ConsultationFilters = {
  username: '',
  recordId: '',
  from: '',
  to: '',
};

/**
 * Hook of a log screen: the filters typed, the ones applied, the page shown and its entries.
 * A search or a page announces how many entries were found.
 */
function useLog<F, T>(empty: F, fetch: (filters: F, page: number) => Promise<LogPage<T>>) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<F>(empty);
  const [query, setQuery] = useState({ filters: empty, page: 1, serial: 0 });
  const [result, setResult] = useState<LogPage<T>>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const fetchRef = useRef(fetch);

  useEffect(() => {
    let current = true;
    fetchRef
      .current(query.filters, query.page)
      .then((answer) => {
        if (!current) return;
        setResult(answer);
        setError(undefined);
        if (query.serial > 0) setStatus(t('records.dpo.logs.found', { count: answer.total }));
      })
      .catch((caught: unknown) => {
        if (current) setError(caught);
      });
    return () => {
      current = false;
    };
  }, [query, t]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setStatus(undefined);
    setQuery((q) => ({ filters, page: 1, serial: q.serial + 1 }));
  };
  const page = (offset: number) =>
    setQuery((q) => ({ ...q, page: Math.floor(offset / DPO_PAGE_SIZE) + 1, serial: q.serial + 1 }));
  /** The change handler of one filter field. */
  const set = (key: keyof F) => (event: { target: { value: string } }) =>
    setFilters({ ...filters, [key]: event.target.value });
  const items = result?.items ?? [];
  const total = result?.total ?? 0;
  return { filters, setFilters, set, query, result, items, total, error, status, search, page };
}

/** Who consulted which record, when, and why (from the audit log). */
export function ConsultationLog() {
  const { t } = useTranslation();
  const log = useLog<ConsultationFilters, ConsultationEntry>(NO_CONSULTATION_FILTERS, (f, page) =>
    dpoApi.consultations({ ...f, page }),
  );
  const { set, items, total } = log;
  return (
    <div>
      <p>{t('records.dpo.consultations.intro')}</p>
      <RecordOutcome error={log.error} status={log.status} />
      <form
        onSubmit={log.search}
        className="filters"
        role="search"
        aria-label={t('records.dpo.consultations.filters')}
      >
        <Field
          label={t('records.dpo.logs.username')}
          name="username"
          maxLength={64}
          autoCapitalize="none"
          spellCheck={false}
          value={log.filters.username}
          onChange={set('username')}
        />
        <Field
          label={t('records.dpo.logs.recordId')}
          name="recordId"
          maxLength={36}
          spellCheck={false}
          value={log.filters.recordId}
          onChange={set('recordId')}
        />
        <PeriodAndSearch filters={log.filters} set={set} />
      </form>
      <DataTable caption={t('records.dpo.consultations.caption', { count: total })}>
        <thead>
          <tr>
            <th scope="col">{t('records.dpo.logs.seq')}</th>
            <th scope="col">{t('records.dpo.logs.time')}</th>
            <th scope="col">{t('records.dpo.logs.user')}</th>
            <th scope="col">{t('records.fields.record')}</th>
            <th scope="col">{t('records.dpo.consultations.context')}</th>
            <th scope="col">{t('records.dpo.consultations.purpose')}</th>
          </tr>
        </thead>
        <tbody>
          {log.result !== undefined && items.length === 0 && (
            <tr>
              <td colSpan={6}>{t('records.dpo.logs.none')}</td>
            </tr>
          )}
          {items.map((c) => (
            <tr key={c.seq} data-testid="consultation-entry">
              <td>{c.seq}</td>
              <td className="nowrap">
                <When iso={c.at} />
              </td>
              <td>
                {c.username ?? '—'}
                {c.agency && <span className="small block">{c.agency.name}</span>}
              </td>
              <td>
                <Link to={`/records/${c.recordId}`}>
                  {t(`exchange.subjectKinds.${c.kind}`, {
                    defaultValue: t('records.dpo.openRecord'),
                  })}
                </Link>
                <span className="small block id">{c.recordId}</span>
              </td>
              <td>{t(`records.dpo.consultations.contexts.${c.context}`)}</td>
              <td className="prose">{c.purpose ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager
        label={t('records.dpo.consultations.pager')}
        offset={(log.query.page - 1) * DPO_PAGE_SIZE}
        pageSize={DPO_PAGE_SIZE}
        total={total}
        onPage={log.page}
      />
    </div>
  );
}

interface DisclosureFilters {
  recordId: string;
  node: string;
  from: string;
  to: string;
}

const NO_DISCLOSURE_FILTERS: DisclosureFilters = { recordId: '', node: '', from: '', to: '' };

/** Every time a record left this node: to whom, when, in which exchange, which fields. */
export function DisclosureLog() {
  const { t } = useTranslation();
  const format = useFormat();
  const log = useLog<DisclosureFilters, DisclosureEntry>(NO_DISCLOSURE_FILTERS, (f, page) =>
    dpoApi.disclosures({ ...f, page }),
  );
  const { set, items, total } = log;
  return (
    <div>
      <p>{t('records.dpo.disclosures.intro')}</p>
      <RecordOutcome error={log.error} status={log.status} />
      <form
        onSubmit={log.search}
        className="filters"
        role="search"
        aria-label={t('records.dpo.disclosures.filters')}
      >
        <Field
          label={t('records.dpo.logs.recordId')}
          name="recordId"
          maxLength={36}
          spellCheck={false}
          value={log.filters.recordId}
          onChange={set('recordId')}
        />
        <Field
          label={t('records.dpo.disclosures.node')}
          help={t('records.dpo.disclosures.nodeHelp')}
          name="node"
          maxLength={64}
          autoCapitalize="none"
          spellCheck={false}
          value={log.filters.node}
          onChange={set('node')}
        />
        <PeriodAndSearch filters={log.filters} set={set} />
      </form>
      <DataTable caption={t('records.dpo.disclosures.caption', { count: total })}>
        <thead>
          <tr>
            <th scope="col">{t('records.fields.disclosedAt')}</th>
            <th scope="col">{t('records.fields.record')}</th>
            <th scope="col">{t('records.fields.recipient')}</th>
            <th scope="col">{t('exchange.fields.reference')}</th>
            <th scope="col">{t('records.fields.handlingCode')}</th>
            <th scope="col">{t('records.fields.fieldsSent')}</th>
          </tr>
        </thead>
        <tbody>
          {log.result !== undefined && items.length === 0 && (
            <tr>
              <td colSpan={6}>{t('records.dpo.logs.none')}</td>
            </tr>
          )}
          {items.map((d) => (
            <tr key={d.id} data-testid="disclosure-entry">
              <td className="nowrap">
                <When iso={d.disclosedAt} />
              </td>
              <td>
                <Link to={`/records/${d.recordId}`}>{t(`exchange.subjectKinds.${d.kind}`)}</Link>
                <span className="small block id">{d.recordId}</span>
              </td>
              <td>
                <NodeName node={d.recipientNode} />
                {d.recipientCountry && d.recipientCountry.toLowerCase() !== d.recipientNode && (
                  <span className="small block">{format.country(d.recipientCountry)}</span>
                )}
                {d.recipientAgency && <span className="small block">{d.recipientAgency}</span>}
              </td>
              <td>{d.reference}</td>
              <td>{d.handlingCode ?? '—'}</td>
              <td>
                <FieldNames fields={d.fields} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager
        label={t('records.dpo.disclosures.pager')}
        offset={(log.query.page - 1) * DPO_PAGE_SIZE}
        pageSize={DPO_PAGE_SIZE}
        total={total}
        onPage={log.page}
      />
    </div>
  );
}

/** The period filter both logs share, and their search button. */
function PeriodAndSearch({
  filters,
  set,
}: {
  filters: { from: string; to: string };
  set: (key: 'from' | 'to') => (event: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={t('records.dpo.logs.from')}
        type="date"
        name="from"
        value={filters.from}
        onChange={set('from')}
      />
      <Field
        label={t('records.dpo.logs.to')}
        type="date"
        name="to"
        value={filters.to}
        onChange={set('to')}
      />
      <div className="form-actions">
        <button type="submit">{t('records.dpo.logs.search')}</button>
      </div>
    </>
  );
}
