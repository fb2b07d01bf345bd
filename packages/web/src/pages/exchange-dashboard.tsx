import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  REQUEST_STATES,
  exchangeApi,
  type Peer,
  type RequestFilters,
  type RequestState,
  type RequestSummary,
} from '../api/exchange.js';
import { useMe } from '../auth/session.js';
import { Countdown, useNow } from '../components/countdown.js';
import { StateBadge, UrgentBadge } from '../components/exchange-badges.js';
import { CheckboxField, Field, SelectField } from '../components/field.js';
import { ErrorAlert, PageHeading, StatusMessage } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { DataTable } from '../components/table.js';
import { Pager } from '../components/pager.js';
import { Tabs } from '../components/tabs.js';

const PAGE_SIZE = 50;
/** How often the list is fetched again while the page is visible. */
const REFRESH_MS = 60_000;

const TABS = ['incoming', 'outgoing', 'all'] as const;
type Tab = (typeof TABS)[number];

interface Filters {
  state: RequestState | '';
  urgent: boolean;
  due: '' | 'soon' | 'overdue';
  open: boolean;
  assignedToMe: boolean;
  country: string;
  reference: string;
}

const NO_FILTERS: Filters = {
  state: '',
  urgent: false,
  due: '',
  open: false,
  assignedToMe: false,
  country: '',
  reference: '',
};

/** The filters kept in the address, so that going back to the list finds them again. */
function filtersOf(params: URLSearchParams): Filters {
  const state = params.get('state') ?? '';
  const due = params.get('due') ?? '';
  return {
    state: REQUEST_STATES.find((s) => s === state) ?? '',
    urgent: params.get('urgent') === 'true',
    due: due === 'soon' || due === 'overdue' ? due : '',
    open: params.get('open') === 'true',
    assignedToMe: params.get('assignedToMe') === 'true',
    country: params.get('country') ?? '',
    reference: params.get('reference') ?? '',
  };
}

function paramsOf(tab: Tab, filters: Filters, offset: number): Record<string, string> {
  const values: Record<string, string> = { tab };
  if (filters.state) values.state = filters.state;
  if (filters.urgent) values.urgent = 'true';
  if (filters.due) values.due = filters.due;
  if (filters.open) values.open = 'true';
  if (filters.assignedToMe) values.assignedToMe = 'true';
  if (filters.country) values.country = filters.country;
  if (filters.reference.trim()) values.reference = filters.reference.trim();
  if (offset > 0) values.offset = String(offset);
  return values;
}

/** A confirmation another page passed along when it sent the user here. */
function noticeOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' ? state.notice : undefined;
}

/**
 * The requests of this node under Directive 2023/977, incoming and outgoing: their state,
 * urgency and deadline (counting down), with filters. No personal data appears here.
 */
export function ExchangeDashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const now = useNow();
  const notice = noticeOf(useLocation().state);
  const [params, setParams] = useSearchParams();
  const roles = me.user.roles;
  const canWrite = roles.includes('officer') || roles.includes('spoc');
  const defaultTab: Tab = roles.includes('spoc') ? 'incoming' : 'outgoing';
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((x) => x === tabParam) ?? defaultTab;
  const applied = useMemo(() => filtersOf(params), [params]);
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [filters, setFilters] = useState<Filters>(applied);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [list, setList] = useState<{ items: RequestSummary[]; total: number }>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const table = useRef<HTMLDivElement>(null);
  // Set when the user changed what is shown: the count found is then announced.
  const announce = useRef(false);

  // The form follows the address (back and forward buttons).
  const [formFor, setFormFor] = useState(applied);
  if (formFor !== applied) {
    setFormFor(applied);
    setFilters(applied);
  }

  useEffect(() => {
    exchangeApi
      .peers()
      .then((answer) => setPeers(answer.items))
      .catch(() => undefined);
  }, []);

  const wanted = useMemo<RequestFilters>(
    () => ({
      direction: tab === 'all' ? undefined : tab,
      state: applied.state || undefined,
      urgent: applied.urgent || undefined,
      due: applied.due || undefined,
      open: applied.open || undefined,
      assignedToMe: applied.assignedToMe || undefined,
      country: applied.country || undefined,
      reference: applied.reference || undefined,
      limit: PAGE_SIZE,
      offset,
    }),
    [tab, applied, offset],
  );

  const load = useCallback(
    () =>
      exchangeApi.list(wanted).then((answer) => {
        setList(answer);
        setError(undefined);
        return answer;
      }),
    [wanted],
  );

  useEffect(() => {
    load()
      .then((answer) => {
        if (!announce.current) return;
        announce.current = false;
        setStatus(t('exchange.dashboard.found', { count: answer.total }));
      })
      .catch(setError);
    const timer = setInterval(() => {
      if (!document.hidden) load().catch(() => undefined);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, t]);

  const show = (values: Record<string, string>) => {
    announce.current = true;
    setParams(values);
  };

  const choose = (next: Tab) => show(paramsOf(next, applied, 0));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    show(paramsOf(tab, filters, 0));
  };

  const clear = () => {
    setFilters(NO_FILTERS);
    show(paramsOf(tab, NO_FILTERS, 0));
  };

  const page = (nextOffset: number) => {
    show(paramsOf(tab, applied, nextOffset));
    table.current?.focus();
  };

  const countries = [...new Set(peers.map((p) => p.country))].sort();
  const items = list?.items ?? [];
  const total = list?.total ?? 0;
  const title = t('exchange.dashboard.title');

  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage>{status ?? notice}</StatusMessage>
      <p>{t('exchange.dashboard.intro')}</p>
      {canWrite && (
        <p className="button-row">
          <Link className="button" to="/exchange/new">
            {t('exchange.dashboard.newRequest')}
          </Link>
          <Link className="button secondary" to="/exchange/provide">
            {t('exchange.dashboard.newProvision')}
          </Link>
        </p>
      )}
      <Tabs
        tabs={TABS}
        current={tab}
        label={t('exchange.dashboard.tabs')}
        labelOf={(x) => t(`exchange.dashboard.tab.${x}`)}
        onChoose={choose}
      >
        <form
          onSubmit={apply}
          className="filters"
          role="search"
          aria-label={t('exchange.dashboard.filters')}
        >
          <SelectField
            label={t('exchange.dashboard.state')}
            name="state"
            value={filters.state}
            onChange={(e) => setFilters({ ...filters, state: e.target.value as RequestState | '' })}
          >
            <option value="">{t('exchange.dashboard.anyState')}</option>
            {REQUEST_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`exchange.states.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('exchange.dashboard.deadline')}
            name="due"
            value={filters.due}
            onChange={(e) => setFilters({ ...filters, due: e.target.value as Filters['due'] })}
          >
            <option value="">{t('exchange.dashboard.anyDeadline')}</option>
            <option value="soon">{t('exchange.dashboard.dueSoon')}</option>
            <option value="overdue">{t('exchange.dashboard.overdue')}</option>
          </SelectField>
          <SelectField
            label={t('exchange.dashboard.country')}
            name="country"
            value={filters.country}
            onChange={(e) => setFilters({ ...filters, country: e.target.value })}
          >
            <option value="">{t('exchange.dashboard.anyCountry')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {format.country(c)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('exchange.dashboard.reference')}
            type="search"
            name="reference"
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            value={filters.reference}
            onChange={(e) => setFilters({ ...filters, reference: e.target.value })}
          />
          <div className="checks">
            <CheckboxField
              label={t('exchange.dashboard.urgentOnly')}
              name="urgent"
              checked={filters.urgent}
              onChange={(e) => setFilters({ ...filters, urgent: e.target.checked })}
            />
            <CheckboxField
              label={t('exchange.dashboard.openOnly')}
              name="open"
              checked={filters.open}
              onChange={(e) => setFilters({ ...filters, open: e.target.checked })}
            />
            <CheckboxField
              label={t('exchange.dashboard.assignedToMe')}
              name="assignedToMe"
              checked={filters.assignedToMe}
              onChange={(e) => setFilters({ ...filters, assignedToMe: e.target.checked })}
            />
          </div>
          <div className="form-actions button-row">
            <button type="submit">{t('exchange.dashboard.apply')}</button>
            <button type="button" className="secondary" onClick={clear}>
              {t('exchange.dashboard.clear')}
            </button>
          </div>
        </form>
        <ErrorAlert error={error} />
        <DataTable
          regionRef={table}
          className="requests"
          caption={`${t(`exchange.dashboard.caption.${tab}`)} — ${t('exchange.dashboard.found', { count: total })}`}
        >
          <thead>
            <tr>
              <th scope="col">{t('exchange.fields.reference')}</th>
              <th scope="col">{t('exchange.fields.direction')}</th>
              <th scope="col">{t('exchange.fields.otherCountry')}</th>
              <th scope="col">{t('exchange.fields.state')}</th>
              <th scope="col">{t('exchange.fields.urgency')}</th>
              <th scope="col">{t('exchange.fields.offenceCategory')}</th>
              <th scope="col">{t('exchange.fields.deadline')}</th>
              <th scope="col">{t('exchange.fields.assignee')}</th>
              <th scope="col">{t('exchange.fields.updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={9}>{list ? t('exchange.dashboard.none') : t('common.loading')}</td>
              </tr>
            )}
            {items.map((item) => {
              const other = item.direction === 'outgoing' ? item.requested : item.requesting;
              return (
                <tr key={item.id} data-testid="request-row" data-reference={item.reference}>
                  <th scope="row" className="nowrap">
                    <Link to={`/exchange/requests/${item.id}`} data-testid="request-link">
                      {item.reference}
                    </Link>
                    {item.kind === 'spontaneous' && (
                      <span className="small block">{t('exchange.kinds.spontaneous')}</span>
                    )}
                  </th>
                  <td>{t(`exchange.directions.${item.direction}`)}</td>
                  <td>{format.country(other.country)}</td>
                  <td>
                    <StateBadge state={item.state} />
                  </td>
                  <td>
                    {item.urgent ? (
                      <UrgentBadge />
                    ) : (
                      <span className="small">{t('exchange.notUrgent')}</span>
                    )}
                  </td>
                  <td>
                    {item.offenceCategory ? t(`exchange.offences.${item.offenceCategory}`) : '—'}
                  </td>
                  <td className="nowrap">
                    <Countdown deadline={item.deadline} state={item.state} now={now} />
                  </td>
                  <td>{item.assignee?.displayName ?? t('exchange.unassigned')}</td>
                  <td className="nowrap">
                    <time dateTime={item.updatedAt}>{format.dateTime(item.updatedAt)}</time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
        <Pager
          label={t('exchange.dashboard.pages')}
          offset={offset}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={page}
        />
      </Tabs>
    </section>
  );
}
