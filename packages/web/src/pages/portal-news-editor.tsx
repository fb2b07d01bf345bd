import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  BODY_MAX,
  NEWS_SLUG_MAX,
  PORTAL_LANGUAGES,
  SUMMARY_MAX,
  TITLE_MAX,
  checkSlug,
  checkText,
  fieldsOfError,
  portalApi,
  titlesOf,
  type NewsDetail,
  type PortalText,
  type ThemeSummary,
} from '../api/portal.js';
import { isLanguage } from '../i18n/index.js';
import type { Language } from '../api/types.js';
import { useMe } from '../auth/session.js';
import { ErrorSummary, fieldId, type PathErrors } from '../components/error-summary.js';
import {
  CheckboxField,
  Field,
  FieldError,
  SelectField,
  TextAreaField,
} from '../components/field.js';
import { PageHeading, StatusMessage } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import {
  PortalAlert,
  PortalTextTabs,
  usePortalErrorMessage,
  useTitleOf,
} from '../components/portal-text-editor.js';

/** A confirmation another page passed along when it sent the user here. */
function noticeOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' ? state.notice : undefined;
}

/**
 * The themes a news item belongs to, as a group of checkboxes; at least one is required. The
 * first box carries the given id, so that an error summary can link to the group.
 */
function ThemeChoice({
  id,
  themes,
  chosen,
  error,
  onChange,
}: {
  id: string;
  themes: readonly ThemeSummary[];
  chosen: readonly string[];
  error: string | undefined;
  onChange: (chosen: string[]) => void;
}) {
  const { t } = useTranslation();
  const titleOf = useTitleOf();
  const errorId = `${id}-error`;
  const toggle = (themeId: string, on: boolean) =>
    onChange(on ? [...chosen, themeId] : chosen.filter((x) => x !== themeId));
  return (
    <fieldset
      className={error ? 'field-invalid' : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{t('portal.news.themes')}</legend>
      <p className="help">{t('portal.news.themesHelp')}</p>
      {error && <FieldError id={errorId} message={error} />}
      {themes.length === 0 && (
        <p>
          {t('portal.news.noThemes')} <Link to="/portal/themes">{t('portal.themes.title')}</Link>
        </p>
      )}
      {themes.map((theme, index) => {
        const name = titleOf(theme.titles);
        return (
          <CheckboxField
            key={theme.id}
            id={index === 0 ? id : `${id}-${theme.id}`}
            label={name.title}
            lang={name.lang}
            checked={chosen.includes(theme.id)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => toggle(theme.id, e.target.checked)}
          />
        );
      })}
    </fieldset>
  );
}

const NEW = 'pn';

/**
 * A new news item: its themes, an optional address (slug; made from the date and title when
 * left empty) and its first text in one language. Once created, the item's editor opens.
 */
export function PortalNewsNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const message = usePortalErrorMessage();
  const [themes, setThemes] = useState<ThemeSummary[]>();
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [slug, setSlug] = useState('');
  const [language, setLanguage] = useState<Language>(me.user.language);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
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

  const showErrors = (found: PathErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const found: PathErrors = {};
    if (themeIds.length === 0) found['/themeIds'] = t('portal.validation.themesRequired');
    if (slug !== '' && !checkSlug(slug, NEWS_SLUG_MAX))
      found['/slug'] = t('portal.validation.slug', { max: NEWS_SLUG_MAX });
    for (const { path, key } of checkText({ title, summary, body }))
      found[`/texts/0${path}`] ??= t(`portal.validation.${key}`);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await portalApi.createNews({
        ...(slug !== '' && { slug }),
        themeIds,
        texts: [{ language, title: title.trim(), summary, body }],
      });
      void navigate(`/portal/news/${created.id}?lang=${language}`, {
        state: { notice: t('portal.news.created', { slug: created.slug }) },
      });
    } catch (caught) {
      const onFields = fieldsOfError(caught);
      const entries = Object.entries(onFields);
      if (entries.length > 0) {
        const next: PathErrors = {};
        for (const [pointer, code] of entries) {
          next[`/texts/0${pointer}`] =
            code === 'validation_failed' ? t('validation.invalid') : message(caught);
        }
        showErrors(next);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const heading = t('portal.news.new');
  return (
    <section>
      <PageHeading title={heading}>{heading}</PageHeading>
      <p>
        <Link to="/portal/news">{t('portal.news.backToList')}</Link>
      </p>
      <p>{t('portal.news.newIntro')}</p>
      <ErrorSummary prefix={NEW} errors={errors} serial={attempt} />
      <PortalAlert error={error} />
      <form noValidate onSubmit={(e) => void submit(e)} aria-label={heading}>
        {themes === undefined ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <ThemeChoice
            id={fieldId(NEW, '/themeIds')}
            themes={themes}
            chosen={themeIds}
            error={errors['/themeIds']}
            onChange={setThemeIds}
          />
        )}
        <Field
          id={fieldId(NEW, '/slug')}
          label={t('portal.news.slug')}
          help={t('portal.news.slugHelp')}
          maxLength={NEWS_SLUG_MAX}
          autoComplete="off"
          spellCheck={false}
          value={slug}
          error={errors['/slug']}
          onChange={(e) => setSlug(e.target.value.trim().toLowerCase())}
        />
        <SelectField
          id={fieldId(NEW, '/texts/0/language')}
          label={t('portal.news.language')}
          value={language}
          onChange={(e) => {
            if (isLanguage(e.target.value)) setLanguage(e.target.value);
          }}
        >
          {PORTAL_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`portal.languageNames.${l}`)}
            </option>
          ))}
        </SelectField>
        <Field
          id={fieldId(NEW, '/texts/0/title')}
          label={t('portal.text.title')}
          maxLength={TITLE_MAX}
          lang={language}
          required
          value={title}
          error={errors['/texts/0/title']}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextAreaField
          id={fieldId(NEW, '/texts/0/summary')}
          label={t('portal.text.summary')}
          help={t('portal.text.summaryHelpNews')}
          maxLength={SUMMARY_MAX}
          lang={language}
          rows={3}
          value={summary}
          error={errors['/texts/0/summary']}
          onChange={(e) => setSummary(e.target.value)}
        />
        <TextAreaField
          id={fieldId(NEW, '/texts/0/body')}
          label={t('portal.text.body')}
          help={t('portal.text.bodyHelp')}
          maxLength={BODY_MAX}
          lang={language}
          rows={14}
          required
          value={body}
          error={errors['/texts/0/body']}
          onChange={(e) => setBody(e.target.value)}
        />
        <div className="form-buttons">
          <button type="submit" disabled={busy}>
            {t('portal.news.create')}
          </button>
          <Link to="/portal/news">{t('portal.news.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}

/**
 * One news item: its address, views and themes, and its text in each language (written,
 * previewed, published or scheduled, withdrawn, restored from an earlier revision).
 */
export function PortalNewsEditorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const titleOf = useTitleOf();
  const { id = '' } = useParams();
  const notice = noticeOf(useLocation().state);
  const [loaded, setLoaded] = useState<{ id: string; detail?: NewsDetail; error?: unknown }>();
  const [themes, setThemes] = useState<ThemeSummary[]>([]);
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [themesError, setThemesError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);

  const fetchDetail = useCallback(async () => {
    const detail = await portalApi.newsItem(id);
    setLoaded({ id, detail });
    setThemeIds(detail.themeIds);
    return detail;
  }, [id]);

  useEffect(() => {
    portalApi
      .newsItem(id)
      .then((detail) => {
        setLoaded({ id, detail });
        setThemeIds(detail.themeIds);
      })
      .catch((caught: unknown) => setLoaded({ id, error: caught }));
    portalApi
      .themes()
      .then((answer) => setThemes(answer.items))
      .catch(setError);
  }, [id]);

  const detail = loaded?.id === id ? loaded.detail : undefined;
  const loadError = loaded?.id === id ? loaded.error : undefined;

  const onText = useCallback(
    (text: PortalText) =>
      setLoaded((current) => {
        if (!current?.detail) return current;
        const others = current.detail.texts.filter((x) => x.language !== text.language);
        return { ...current, detail: { ...current.detail, texts: [...others, text] } };
      }),
    [],
  );

  const saveThemes = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setStatus(undefined);
    if (themeIds.length === 0) {
      setThemesError(t('portal.validation.themesRequired'));
      setAttempt((n) => n + 1);
      return;
    }
    setThemesError(undefined);
    setBusy(true);
    try {
      const next = await portalApi.updateNews(id, { themeIds });
      setLoaded({ id, detail: next });
      setThemeIds(next.themeIds);
      setStatus(t('portal.news.themesSaved'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!detail) {
    const title = t('portal.news.item');
    return (
      <section>
        <PageHeading title={title}>{title}</PageHeading>
        <p>
          <Link to="/portal/news">{t('portal.news.backToList')}</Link>
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
  const themeErrors: PathErrors = themesError ? { '/themeIds': themesError } : {};

  return (
    <section>
      <PageHeading title={heading.title}>
        <span lang={heading.lang}>{heading.title}</span>
      </PageHeading>
      <p>
        <Link to="/portal/news">{t('portal.news.backToList')}</Link>
      </p>
      <StatusMessage>{status ?? notice}</StatusMessage>
      <PortalAlert error={error} />
      <dl className="facts">
        <dt>{t('portal.news.slug')}</dt>
        <dd>
          <code>{detail.slug}</code>
        </dd>
        <dt>{t('portal.news.createdAt')}</dt>
        <dd>
          <time dateTime={detail.createdAt}>{format.dateTime(detail.createdAt)}</time>
        </dd>
        <dt>{t('portal.news.views')}</dt>
        <dd>{format.number(detail.viewCount)}</dd>
      </dl>

      <form
        noValidate
        onSubmit={(e) => void saveThemes(e)}
        className="card"
        aria-label={t('portal.news.themes')}
      >
        <ErrorSummary prefix="pnt" errors={themeErrors} serial={attempt} level={3} />
        <ThemeChoice
          id={fieldId('pnt', '/themeIds')}
          themes={themes}
          chosen={themeIds}
          error={themesError}
          onChange={setThemeIds}
        />
        <button type="submit" className="secondary" disabled={busy}>
          {t('portal.news.saveThemes')}
        </button>
      </form>

      <PortalTextTabs
        owner="news"
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
