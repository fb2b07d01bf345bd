import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  ACTION_FILTERS,
  ACTION_STATUSES,
  COUNTRIES,
  consultationApi,
  sortBodyCounts,
  sortCountryCounts,
  totalCounts,
  type Action,
  type ActionFilter,
  type ActionStatus,
  type Counts,
  type Country,
  type Monitoring,
} from '../api/consultation.js';
import {
  ActionStatusBadge,
  ActionsTable,
  ConsultationOutcome,
  useConsultationFormat,
} from '../components/consultation-parts.js';
import { SelectField, TextAreaField } from '../components/field.js';
import { PageHeading, StatusMessage } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { DataTable } from '../components/table.js';
import { useValidation } from '../components/validation.js';

interface Filters {
  bodyId: string;
  country: Country | '';
  status: ActionFilter;
}

function filtersOf(params: URLSearchParams): Filters {
  const country = params.get('country') ?? '';
  const status = params.get('status') ?? '';
  return {
    bodyId: params.get('bodyId') ?? '',
    country: COUNTRIES.find((c) => c === country) ?? '',
    status: ACTION_FILTERS.find((s) => s === status) ?? 'open',
  };
}

function paramsOf(filters: Filters, actionId?: string): Record<string, string> {
  const values: Record<string, string> = { status: filters.status };
  if (filters.bodyId !== '') values.bodyId = filters.bodyId;
  if (filters.country !== '') values.country = filters.country;
  if (actionId !== undefined) values.action = actionId;
  return values;
}

const COUNT_KEYS = ['open', 'inProgress', 'overdue', 'doneLast90Days'] as const;

/**
 * The follow-up of the consultation bodies' action items: how many are open, in progress,
 * overdue and recently done, per body and per country; the items themselves, filtered; and one
 * item with its progress notes, where its body's members report progress and change its status.
 */
export function ConsultationActionsPage() {
  const { t } = useTranslation();
  const when = useConsultationFormat();
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => filtersOf(params), [params]);
  const actionId = params.get('action') ?? undefined;
  const [filters, setFilters] = useState<Filters>(applied);
  const [monitoring, setMonitoring] = useState<Monitoring>();
  const [list, setList] = useState<{ key: string; items: Action[] }>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const announce = useRef(false);

  // The form follows the address (back and forward buttons).
  const [formFor, setFormFor] = useState(applied);
  if (formFor !== applied) {
    setFormFor(applied);
    setFilters(applied);
  }

  const loadMonitoring = useCallback(() => consultationApi.monitoring().then(setMonitoring), []);
  useEffect(() => {
    loadMonitoring().catch(setError);
  }, [loadMonitoring]);

  const key = `${applied.bodyId}|${applied.country}|${applied.status}`;
  const loadList = useCallback(
    () =>
      consultationApi
        .actions({
          bodyId: applied.bodyId || undefined,
          country: applied.country || undefined,
          status: applied.status,
        })
        .then((answer) => {
          setList({ key, items: answer.items });
          return answer.items;
        }),
    [applied, key],
  );
  useEffect(() => {
    loadList()
      .then((items) => {
        if (!announce.current) return;
        announce.current = false;
        setStatus(t('consultation.actions.found', { count: items.length }));
      })
      .catch(setError);
  }, [loadList, t]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    announce.current = true;
    setStatus(undefined);
    setParams(paramsOf(filters));
  };
  const clear = () => {
    const none: Filters = { bodyId: '', country: '', status: 'open' };
    setFilters(none);
    announce.current = true;
    setStatus(undefined);
    setParams(paramsOf(none));
  };

  const bodies = monitoring ? sortBodyCounts(monitoring.byBody, when.language, when.locale) : [];
  const items = list?.key === key ? list.items : undefined;
  const title = t('consultation.actions.pageTitle');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to="/consultation">{t('consultation.backToBodies')}</Link>
      </p>
      <p>{t('consultation.actions.intro')}</p>
      <ConsultationOutcome error={error} />
      <StatusMessage>{status}</StatusMessage>
      {monitoring && <MonitoringSection monitoring={monitoring} />}
      {actionId !== undefined && (
        <ActionDetail
          key={actionId}
          actionId={actionId}
          closeTo={paramsOf(applied)}
          onChanged={() => Promise.all([loadList(), loadMonitoring()]).then(() => undefined)}
        />
      )}
      <section className="part" aria-labelledby="action-list">
        <h2 id="action-list">{t('consultation.actions.listTitle')}</h2>
        <form
          onSubmit={apply}
          className="filters"
          role="search"
          aria-label={t('consultation.actions.filters')}
        >
          <SelectField
            label={t('consultation.fields.body')}
            name="bodyId"
            value={filters.bodyId}
            onChange={(e) => setFilters({ ...filters, bodyId: e.target.value })}
          >
            <option value="">{t('consultation.actions.anyBody')}</option>
            {bodies.map((b) => (
              <option key={b.bodyId} value={b.bodyId}>
                {when.name(b.names)}
              </option>
            ))}
          </SelectField>
          <CountrySelect
            value={filters.country}
            onChange={(country) => setFilters({ ...filters, country })}
          />
          <SelectField
            label={t('consultation.fields.status')}
            name="status"
            value={filters.status}
            onChange={(e) => setFilters({ ...filters, status: e.target.value as ActionFilter })}
          >
            {ACTION_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`consultation.actionFilters.${s}`)}
              </option>
            ))}
          </SelectField>
          <div className="form-actions button-row">
            <button type="submit">{t('consultation.actions.apply')}</button>
            <button type="button" className="secondary" onClick={clear}>
              {t('consultation.actions.clear')}
            </button>
          </div>
        </form>
        {items === undefined ? (
          <p>{t('common.loading')}</p>
        ) : (
          <ActionsTable
            actions={items}
            showBody
            caption={t('consultation.actions.listCaption', {
              filter: t(`consultation.actionFilters.${applied.status}`),
              count: items.length,
            })}
            linkTo={(action) =>
              `/consultation/actions?${new URLSearchParams(paramsOf(applied, action.id)).toString()}`
            }
          />
        )}
      </section>
    </section>
  );
}

function CountrySelect({
  value,
  onChange,
}: {
  value: Country | '';
  onChange: (country: Country | '') => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SelectField
      label={t('consultation.fields.ownerCountry')}
      name="country"
      value={value}
      onChange={(e) => onChange(e.target.value as Country | '')}
    >
      <option value="">{t('consultation.actions.anyCountry')}</option>
      {COUNTRIES.map((c) => (
        <option key={c} value={c}>
          {format.country(c)}
        </option>
      ))}
    </SelectField>
  );
}

function MonitoringSection({ monitoring }: { monitoring: Monitoring }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = useConsultationFormat();
  const heading = useId();
  const bodies = sortBodyCounts(monitoring.byBody, when.language, when.locale);
  const countries = sortCountryCounts(monitoring.byCountry);
  const n = format.number;
  const headers = (
    <>
      {COUNT_KEYS.map((k) => (
        <th scope="col" className="number" key={k}>
          {t(`consultation.monitoring.${k}`)}
        </th>
      ))}
    </>
  );
  const cells = (counts: Counts) =>
    COUNT_KEYS.map((k) => (
      <td
        key={k}
        className={k === 'overdue' && counts.overdue > 0 ? 'number deadline-overdue' : 'number'}
      >
        {n(counts[k])}
      </td>
    ));
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('consultation.monitoring.title')}</h2>
      <p className="small">
        {t('consultation.monitoring.countedOn', { date: when.day(monitoring.today, 'long') })}
      </p>
      <DataTable caption={t('consultation.monitoring.byBody')}>
        <thead>
          <tr>
            <th scope="col">{t('consultation.fields.body')}</th>
            {headers}
          </tr>
        </thead>
        <tbody>
          {bodies.length === 0 && (
            <tr>
              <td colSpan={5}>{t('consultation.bodies.none')}</td>
            </tr>
          )}
          {bodies.map((row) => (
            <tr key={row.bodyId}>
              <th scope="row">
                <Link to={`/consultation/bodies/${row.bodyId}`}>{when.name(row.names)}</Link>
              </th>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        {bodies.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t('consultation.monitoring.total')}</th>
              {cells(totalCounts(bodies))}
            </tr>
          </tfoot>
        )}
      </DataTable>
      <DataTable caption={t('consultation.monitoring.byCountry')}>
        <thead>
          <tr>
            <th scope="col">{t('consultation.fields.ownerCountry')}</th>
            {headers}
          </tr>
        </thead>
        <tbody>
          {countries.length === 0 && (
            <tr>
              <td colSpan={5}>{t('consultation.actions.none')}</td>
            </tr>
          )}
          {countries.map((row) => (
            <tr key={row.country}>
              <th scope="row">{format.country(row.country)}</th>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        {countries.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t('consultation.monitoring.total')}</th>
              {cells(totalCounts(countries))}
            </tr>
          </tfoot>
        )}
      </DataTable>
    </section>
  );
}

/** One action item with its progress notes; those who follow it up add a note here. */
function ActionDetail({
  actionId,
  closeTo,
  onChanged,
}: {
  actionId: string;
  closeTo: Record<string, string>;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = useConsultationFormat();
  const { check } = useValidation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [action, setAction] = useState<Action>();
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [text, setText] = useState('');
  const [next, setNext] = useState<ActionStatus | ''>('');
  const [textError, setTextError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    consultationApi
      .action(actionId)
      .then((found) => {
        setAction(found);
        setTimeout(() => heading.current?.focus(), 0);
      })
      .catch(setLoadError);
  }, [actionId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    const problem = check(text, { required: true });
    setTextError(problem);
    if (problem) {
      document.getElementById('note-text')?.focus();
      return;
    }
    setError(undefined);
    setStatus(undefined);
    setBusy(true);
    try {
      const updated = await consultationApi.addNote(action.id, {
        text: text.trim(),
        ...(next !== '' && next !== action.status && { status: next }),
      });
      setAction(updated);
      setText('');
      setNext('');
      setStatus(t('consultation.actions.noteAdded'));
      await onChanged();
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  };

  const close = `/consultation/actions?${new URLSearchParams(closeTo).toString()}`;
  if (!action) {
    return (
      <section className="part" aria-label={t('consultation.actions.detailTitle')}>
        <p>
          <Link to={close}>{t('consultation.actions.closeDetail')}</Link>
        </p>
        {loadError === undefined ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <ConsultationOutcome error={loadError} />
        )}
      </section>
    );
  }
  return (
    <section className="part card" aria-labelledby="action-detail" data-testid="action-detail">
      <h2 id="action-detail" ref={heading} tabIndex={-1}>
        {t('consultation.actions.detailHeading', { title: action.title })}
      </h2>
      <p className="button-row">
        <Link to={close}>{t('consultation.actions.closeDetail')}</Link>
        <Link to={`/consultation/bodies/${action.bodyId}`}>
          {t('consultation.actions.toBody', { code: action.bodyCode })}
        </Link>
      </p>
      <ConsultationOutcome error={error} status={status} />
      <dl className="facts">
        <dt>{t('consultation.fields.status')}</dt>
        <dd>
          <ActionStatusBadge status={action.status} overdue={action.overdue} />
        </dd>
        <dt>{t('consultation.fields.body')}</dt>
        <dd>{action.bodyCode}</dd>
        <dt>{t('consultation.fields.decision')}</dt>
        <dd>{action.decisionReference ?? '—'}</dd>
        <dt>{t('consultation.fields.owner')}</dt>
        <dd>
          {action.ownerAgency} ({format.country(action.ownerCountry)})
        </dd>
        <dt>{t('consultation.fields.dueOn')}</dt>
        <dd className={action.overdue ? 'deadline-overdue' : undefined}>
          <time dateTime={action.dueOn}>{when.day(action.dueOn, 'long')}</time>
        </dd>
        {action.completedOn !== null && (
          <>
            <dt>{t('consultation.fields.completedOn')}</dt>
            <dd>
              <time dateTime={action.completedOn}>{when.day(action.completedOn, 'long')}</time>
            </dd>
          </>
        )}
        {action.description !== '' && (
          <>
            <dt>{t('consultation.fields.actionDescription')}</dt>
            <dd className="prose">{action.description}</dd>
          </>
        )}
      </dl>
      <h3>{t('consultation.actions.notes')}</h3>
      {action.notes.length === 0 ? (
        <p>{t('consultation.actions.noNotes')}</p>
      ) : (
        <ol className="timeline" data-testid="action-notes">
          {action.notes.map((note) => (
            <li key={note.id}>
              <article className="event">
                <p className="event-head">
                  <time dateTime={note.createdAt}>{when.dateTime(note.createdAt)}</time>
                  {' · '}
                  <strong>{note.authorName}</strong>
                </p>
                {note.status !== null && (
                  <p className="small">
                    {t('consultation.actions.statusSetTo', {
                      status: t(`consultation.actionStatuses.${note.status}`),
                    })}
                  </p>
                )}
                <p className="prose">{note.text}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {action.canFollowUp && (
        <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="note-form">
          <h3 id="note-form">{t('consultation.actions.addNote')}</h3>
          <TextAreaField
            id="note-text"
            label={t('consultation.actions.noteText')}
            name="text"
            maxLength={4000}
            value={text}
            error={textError}
            onChange={(e) => setText(e.target.value)}
          />
          <SelectField
            label={t('consultation.actions.newStatus')}
            name="status"
            value={next}
            onChange={(e) => setNext(e.target.value as ActionStatus | '')}
          >
            <option value="">
              {t('consultation.actions.keepStatus', {
                status: t(`consultation.actionStatuses.${action.status}`),
              })}
            </option>
            {ACTION_STATUSES.filter((s) => s !== action.status).map((s) => (
              <option key={s} value={s}>
                {t(`consultation.actionStatuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" disabled={busy}>
            {t('consultation.actions.saveNote')}
          </button>
        </form>
      )}
    </section>
  );
}
