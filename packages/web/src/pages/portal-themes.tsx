import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  THEME_SLUG_MAX,
  checkSlug,
  portalApi,
  titlesOf,
  type PortalText,
  type ThemeDetail,
  type ThemeSummary,
} from '../api/portal.js';
import { useMe } from '../auth/session.js';
import { ErrorSummary, fieldId, type PathErrors } from '../components/error-summary.js';
import { Field } from '../components/field.js';
import { PageHeading, StatusMessage } from '../components/feedback.js';
import {
  LanguageStates,
  PortalAlert,
  PortalTextTabs,
  useTitleOf,
} from '../components/portal-text-editor.js';
import { DataTable } from '../components/table.js';

/** A confirmation another page passed along when it sent the user here. */
function noticeOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' ? state.notice : undefined;
}

const NEW = 'pth';

/**
 * The themes of the public portal, in their order on the portal's home page, with the state of
 * each language's general text; and a form to add a theme.
 */
export function PortalThemesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const titleOf = useTitleOf();
  const [themes, setThemes] = useState<ThemeSummary[]>();
  const [slug, setSlug] = useState('');
  const [position, setPosition] = useState('');
  const [errors, setErrors] = useState<PathErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    portalApi
      .themes()
      .then((answer) => setThemes(answer.items))
      .catch(setError);
  }, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const found: PathErrors = {};
    if (slug === '') found['/slug'] = t('portal.validation.slugRequired');
    else if (!checkSlug(slug, THEME_SLUG_MAX))
      found['/slug'] = t('portal.validation.slug', { max: THEME_SLUG_MAX });
    if (position !== '' && !/^-?\d{1,6}$/.test(position))
      found['/position'] = t('portal.validation.position');
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const created = await portalApi.createTheme({
        slug,
        ...(position !== '' && { position: Number(position) }),
      });
      void navigate(`/portal/themes/${created.id}`, {
        state: { notice: t('portal.themes.created', { slug: created.slug }) },
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const title = t('portal.themes.title');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('portal.themes.intro')}</p>
      <p>
        <Link to="/portal/news">{t('portal.news.title')}</Link>
      </p>
      <PortalAlert error={error} />
      <DataTable caption={t('portal.themes.caption', { count: themes?.length ?? 0 })}>
        <thead>
          <tr>
            <th scope="col">{t('portal.themes.themeTitle')}</th>
            <th scope="col">{t('portal.themes.slug')}</th>
            <th scope="col" className="number">
              {t('portal.themes.position')}
            </th>
            <th scope="col">{t('portal.languages')}</th>
          </tr>
        </thead>
        <tbody>
          {(themes === undefined || themes.length === 0) && (
            <tr>
              <td colSpan={4}>{themes ? t('portal.themes.none') : t('common.loading')}</td>
            </tr>
          )}
          {themes?.map((theme) => {
            const name = titleOf(theme.titles);
            return (
              <tr key={theme.id} data-testid="theme-row">
                <th scope="row">
                  <Link to={`/portal/themes/${theme.id}`} lang={name.lang}>
                    {name.title}
                  </Link>
                </th>
                <td>
                  <code>{theme.slug}</code>
                </td>
                <td className="number">{theme.position}</td>
                <td>
                  <LanguageStates states={theme.states} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>

      <section aria-labelledby={`${NEW}-heading`} className="card">
        <h2 id={`${NEW}-heading`}>{t('portal.themes.new')}</h2>
        <p className="help">{t('portal.themes.newIntro')}</p>
        <ErrorSummary prefix={NEW} errors={errors} serial={attempt} level={3} />
        <form noValidate onSubmit={(e) => void create(e)} aria-labelledby={`${NEW}-heading`}>
          <Field
            id={fieldId(NEW, '/slug')}
            label={t('portal.themes.slug')}
            help={t('portal.themes.slugHelp')}
            maxLength={THEME_SLUG_MAX}
            autoComplete="off"
            spellCheck={false}
            required
            value={slug}
            error={errors['/slug']}
            onChange={(e) => setSlug(e.target.value.trim().toLowerCase())}
          />
          <Field
            id={fieldId(NEW, '/position')}
            label={t('portal.themes.position')}
            help={t('portal.themes.positionHelp')}
            inputMode="numeric"
            value={position}
            error={errors['/position']}
            onChange={(e) => setPosition(e.target.value.trim())}
          />
          <button type="submit" disabled={busy}>
            {t('portal.themes.create')}
          </button>
        </form>
      </section>
    </section>
  );
}

/** One theme: its address and place, and its general text in each language. */
export function PortalThemeEditorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const titleOf = useTitleOf();
  const { id = '' } = useParams();
  const notice = noticeOf(useLocation().state);
  const [loaded, setLoaded] = useState<{ id: string; detail?: ThemeDetail; error?: unknown }>();

  const fetchDetail = useCallback(async () => {
    const detail = await portalApi.theme(id);
    setLoaded({ id, detail });
    return detail;
  }, [id]);

  useEffect(() => {
    portalApi
      .theme(id)
      .then((detail) => {
        setLoaded({ id, detail });
      })
      .catch((caught: unknown) => setLoaded({ id, error: caught }));
  }, [id]);

  const onText = useCallback(
    (text: PortalText) =>
      setLoaded((current) => {
        if (!current?.detail) return current;
        const others = current.detail.texts.filter((x) => x.language !== text.language);
        return { ...current, detail: { ...current.detail, texts: [...others, text] } };
      }),
    [],
  );

  const detail = loaded?.id === id ? loaded.detail : undefined;
  const loadError = loaded?.id === id ? loaded.error : undefined;

  if (!detail) {
    const title = t('portal.themes.theme');
    return (
      <section>
        <PageHeading title={title}>{title}</PageHeading>
        <p>
          <Link to="/portal/themes">{t('portal.themes.backToList')}</Link>
        </p>
        {loadError === undefined ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <PortalAlert error={loadError} />
        )}
      </section>
    );
  }

  const heading = titleOf(titlesOf(detail.texts));
  return (
    <section>
      <PageHeading title={heading.title}>
        <span lang={heading.lang}>{heading.title}</span>
      </PageHeading>
      <p>
        <Link to="/portal/themes">{t('portal.themes.backToList')}</Link>
      </p>
      <StatusMessage>{notice}</StatusMessage>
      <dl className="facts">
        <dt>{t('portal.themes.slug')}</dt>
        <dd>
          <code>{detail.slug}</code>
        </dd>
        <dt>{t('portal.themes.position')}</dt>
        <dd>{detail.position}</dd>
      </dl>
      <PortalTextTabs
        owner="themes"
        ownerId={detail.id}
        slug={detail.slug}
        texts={detail.texts}
        onText={onText}
        reload={() => fetchDetail().then((d) => d.texts)}
        preferred={me.user.language}
      />
    </section>
  );
}
