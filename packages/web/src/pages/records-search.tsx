import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SUBJECT_KINDS, type SubjectKind } from '../api/exchange.js';
import { QUERY_MIN, SEARCH_PAGE_SIZE, recordsApi, type RecordList } from '../api/records.js';
import { useSession } from '../auth/session.js';
import { Field, SelectField } from '../components/field.js';
import { PageHeading } from '../components/feedback.js';
import { Pager } from '../components/pager.js';
import { RecordStateBadges } from '../components/record-badges.js';
import { RecordOutcome } from '../components/record-feedback.js';
import { DataTable } from '../components/table.js';

const QUERY_ID = 'records-query';

const kindOf = (value: string | null): SubjectKind | '' =>
  SUBJECT_KINDS.find((k) => k === value) ?? '';

/**
 * The records this node holds, found by a name, number or plate: only what is needed to choose
 * one (its label, birth year, category, holder) and whether the user has a context for it. The
 * search stays in the address, so that going back returns to the same results.
 */
export function RecordsSearchPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = kindOf(params.get('kind'));
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [form, setForm] = useState({ q, kind });
  const [list, setList] = useState<RecordList>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [queryError, setQueryError] = useState<string>();
  const table = useRef<HTMLDivElement>(null);
  // The node searches for two characters or more; with fewer nothing is asked.
  const searching = q.trim().length >= QUERY_MIN;
  // Set when the user searched or paged: the count found is then announced.
  const announce = useRef(false);

  // The form follows the address (back and forward buttons).
  const [formFor, setFormFor] = useState({ q, kind });
  if (formFor.q !== q || formFor.kind !== kind) {
    setFormFor({ q, kind });
    setForm({ q, kind });
  }

  useEffect(() => {
    if (!searching) return;
    let current = true;
    recordsApi
      .search({ q, kind, page })
      .then((answer) => {
        if (!current) return;
        setList(answer);
        setError(undefined);
        if (announce.current) {
          announce.current = false;
          setStatus(t('records.search.found', { count: answer.total }));
        }
      })
      .catch((caught: unknown) => {
        if (current) setError(caught);
      });
    return () => {
      current = false;
    };
  }, [q, kind, page, t, searching]);

  const show = (values: { q: string; kind: string; page: number }) => {
    announce.current = true;
    setStatus(undefined);
    const next: Record<string, string> = {};
    if (values.q.trim() !== '') next.q = values.q.trim();
    if (values.kind !== '') next.kind = values.kind;
    if (values.page > 1) next.page = String(values.page);
    setParams(next);
  };

  const search = (event: FormEvent) => {
    event.preventDefault();
    if (form.q.trim().length < QUERY_MIN) {
      setQueryError(t('records.search.queryTooShort', { min: QUERY_MIN }));
      document.getElementById(QUERY_ID)?.focus();
      return;
    }
    setQueryError(undefined);
    show({ q: form.q, kind: form.kind, page: 1 });
  };

  const roles = me?.user.roles ?? [];
  const reviews = roles.some((r) => r === 'officer' || r === 'spoc' || r === 'dpo');
  const permissions = roles.some((r) => r === 'spoc' || r === 'dpo');
  const items = searching ? (list?.items ?? []) : [];
  const total = searching ? (list?.total ?? 0) : 0;
  const title = t('records.search.title');

  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('records.search.intro')}</p>
      {(reviews || permissions) && (
        <p className="button-row">
          {reviews && (
            <Link className="button secondary" to="/records/reviews">
              {t('records.reviews.title')}
            </Link>
          )}
          {permissions && (
            <Link className="button secondary" to="/records/permissions">
              {t('records.permissions.title')}
            </Link>
          )}
        </p>
      )}
      <RecordOutcome error={error} status={status} />
      <form
        noValidate
        onSubmit={search}
        className="filters"
        role="search"
        aria-label={t('records.search.formLabel')}
      >
        <Field
          id={QUERY_ID}
          label={t('records.search.query')}
          help={t('records.search.queryHelp')}
          type="search"
          name="q"
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          value={form.q}
          error={queryError}
          onChange={(e) => setForm({ ...form, q: e.target.value })}
        />
        <SelectField
          label={t('records.search.kind')}
          name="kind"
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: kindOf(e.target.value) })}
        >
          <option value="">{t('records.search.anyKind')}</option>
          {SUBJECT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`exchange.subjectKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions button-row">
          <button type="submit">{t('records.search.submit')}</button>
        </div>
      </form>
      <DataTable
        regionRef={table}
        caption={`${t('records.search.caption')} — ${t('records.search.found', { count: total })}`}
      >
        <thead>
          <tr>
            <th scope="col">{t('records.search.label')}</th>
            <th scope="col">{t('records.fields.kind')}</th>
            <th scope="col">{t('records.search.birthYear')}</th>
            <th scope="col">{t('records.fields.category')}</th>
            <th scope="col">{t('records.fields.holder')}</th>
            <th scope="col">{t('records.search.state')}</th>
          </tr>
        </thead>
        <tbody>
          {!searching && (
            <tr>
              <td colSpan={6}>{t('records.search.start', { min: QUERY_MIN })}</td>
            </tr>
          )}
          {searching && list === undefined && error === undefined && (
            <tr>
              <td colSpan={6}>{t('common.loading')}</td>
            </tr>
          )}
          {searching && list !== undefined && items.length === 0 && (
            <tr>
              <td colSpan={6}>{t('records.search.none')}</td>
            </tr>
          )}
          {items.map((r) => (
            <tr key={r.id} data-testid="record-row" data-record={r.id}>
              <th scope="row">
                <Link to={`/records/${r.id}`}>
                  {r.erased
                    ? t('records.search.erasedLabel')
                    : r.label || t('records.search.noLabel')}
                </Link>
              </th>
              <td>{t(`exchange.subjectKinds.${r.kind}`)}</td>
              <td>{r.birthYear ?? '—'}</td>
              <td>{r.category ? t(`exchange.categories.${r.category}`) : '—'}</td>
              <td>
                {r.holderAgency.name}
                <span className="small block">{r.holderAgency.code}</span>
              </td>
              <td>
                <RecordStateBadges
                  inContext={r.inContext}
                  restricted={r.restricted}
                  erased={r.erased}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pager
        label={t('records.search.pager')}
        offset={(page - 1) * SEARCH_PAGE_SIZE}
        pageSize={SEARCH_PAGE_SIZE}
        total={total}
        onPage={(offset) => {
          show({ q, kind, page: Math.floor(offset / SEARCH_PAGE_SIZE) + 1 });
          table.current?.focus();
        }}
      />
    </section>
  );
}
