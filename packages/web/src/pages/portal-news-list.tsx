import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  TEXT_STATES,
  portalApi,
  type NewsSummary,
  type TextState,
  type ThemeSummary,
} from '../api/portal.js';
import { Field, SelectField } from '../components/field.js';
import { PageHeading, StatusMessage } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { LanguageStates, PortalAlert, useTitleOf } from '../components/portal-text-editor.js';
import { DataTable } from '../components/table.js';
import { Pager } from '../components/pager.js';

const PAGE_SIZE = 50;

interface Filters {
  state: TextState | '';
  themeId: string;
  q: string;
}

const NO_FILTERS: Filters = { state: '', themeId: '', q: '' };

/** The filters kept in the address, so that going back to the list finds them again. */
function filtersOf(params: URLSearchParams): Filters {
  const state = params.get('state') ?? '';
  return {
    state: TEXT_STATES.find((s) => s === state) ?? '',
    themeId: params.get('themeId') ?? '',
    q: params.get('q') ?? '',
  };
}

function paramsOf(filters: Filters, offset: number): Record<string, string> {
  const values: Record<string, string> = {};
  if (filters.state) values.state = filters.state;
  if (filters.themeId) values.themeId = filters.themeId;
  if (filters.q.trim()) values.q = filters.q.trim();
  if (offset > 0) values.offset = String(offset);
  return values;
}

/** A confirmation another page passed along when it sent the user here. */
function noticeOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' ? state.notice : undefined;
}

/**
 * The news items of the public portal, with the state of each language's text (draft,
 * scheduled, published), their publication date, views and themes; filtered by state, theme
 * and words of the title.
 */
export function PortalNewsListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const titleOf = useTitleOf();
  const notice = noticeOf(useLocation().state);
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => filtersOf(params), [params]);
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [filters, setFilters] = useState<Filters>(applied);
  const [themes, setThemes] = useState<ThemeSummary[]>([]);
  const [list, setList] = useState<{ items: NewsSummary[]; total: number }>();
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
    portalApi
      .themes()
      .then((answer) => setThemes(answer.items))
      .catch(setError);
  }, []);

  useEffect(() => {
    portalApi
      .news({
        state: applied.state || undefined,
        themeId: applied.themeId || undefined,
        q: applied.q || undefined,
        limit: PAGE_SIZE,
        offset,
      })
      .then((answer) => {
        setList(answer);
        setError(undefined);
        if (!announce.current) return;
        announce.current = false;
        setStatus(t('portal.news.found', { count: answer.total }));
      })
      .catch(setError);
  }, [applied, offset, t]);

  const show = (values: Record<string, string>) => {
    announce.current = true;
    setParams(values);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    show(paramsOf(filters, 0));
  };

  const clear = () => {
    setFilters(NO_FILTERS);
    show(paramsOf(NO_FILTERS, 0));
  };

  const page = (next: number) => {
    show(paramsOf(applied, next));
    table.current?.focus();
  };

  const themeName = (id: string) => {
    const theme = themes.find((x) => x.id === id);
    return theme ? titleOf(theme.titles).title : id;
  };

  const items = list?.items ?? [];
  const total = list?.total ?? 0;
  const title = t('portal.news.title');

  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage>{status ?? notice}</StatusMessage>
      <p>{t('portal.news.intro')}</p>
      <p className="button-row">
        <Link className="button" to="/portal/news/new">
          {t('portal.news.new')}
        </Link>
        <Link className="button secondary" to="/portal/themes">
          {t('portal.themes.title')}
        </Link>
      </p>
      <form
        onSubmit={apply}
        className="filters"
        role="search"
        aria-label={t('portal.news.filters')}
      >
        <SelectField
          label={t('portal.news.state')}
          name="state"
          value={filters.state}
          onChange={(e) => setFilters({ ...filters, state: e.target.value as TextState | '' })}
        >
          <option value="">{t('portal.news.anyState')}</option>
          {TEXT_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`portal.states.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('portal.news.theme')}
          name="themeId"
          value={filters.themeId}
          onChange={(e) => setFilters({ ...filters, themeId: e.target.value })}
        >
          <option value="">{t('portal.news.anyTheme')}</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {titleOf(theme.titles).title}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('portal.news.search')}
          type="search"
          name="q"
          maxLength={200}
          autoComplete="off"
          value={filters.q}
          onChange={(e) => setFilters({ ...filters, q: e.target.value })}
        />
        <div className="form-actions button-row">
          <button type="submit">{t('portal.news.apply')}</button>
          <button type="button" className="secondary" onClick={clear}>
            {t('portal.news.clear')}
          </button>
        </div>
      </form>
      <PortalAlert error={error} />
      <DataTable
        regionRef={table}
        caption={`${title} — ${t('portal.news.found', { count: total })}`}
      >
        <thead>
          <tr>
            <th scope="col">{t('portal.news.itemTitle')}</th>
            <th scope="col">{t('portal.languages')}</th>
            <th scope="col">{t('portal.news.publishAt')}</th>
            <th scope="col" className="number">
              {t('portal.news.views')}
            </th>
            <th scope="col">{t('portal.news.themes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={5}>{list ? t('portal.news.none') : t('common.loading')}</td>
            </tr>
          )}
          {items.map((item) => {
            const heading = titleOf(item.titles);
            return (
              <tr key={item.id} data-testid="news-row">
                <th scope="row">
                  <Link to={`/portal/news/${item.id}`} lang={heading.lang}>
                    {heading.title}
                  </Link>
                  <span className="small block">{item.slug}</span>
                </th>
                <td>
                  <LanguageStates states={item.states} />
                </td>
                <td className="nowrap">
                  {item.publishAt ? (
                    <time dateTime={item.publishAt}>{format.dateTime(item.publishAt)}</time>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="number">{format.number(item.viewCount)}</td>
                <td>{item.themeIds.map(themeName).join(', ') || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <Pager
        label={t('portal.news.pages')}
        offset={offset}
        pageSize={PAGE_SIZE}
        total={total}
        onPage={page}
      />
    </section>
  );
}
