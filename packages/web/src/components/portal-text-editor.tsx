import {
  useCallback,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client.js';
import {
  BODY_MAX,
  PORTAL_LANGUAGES,
  SUMMARY_MAX,
  TITLE_MAX,
  checkPublishAt,
  checkText,
  fieldsOfError,
  isoToLocalDateTime,
  localDateTimeToIso,
  portalApi,
  publicPath,
  titleFor,
  type Owner,
  type PortalText,
  type Revision,
  type TextContent,
  type TextField,
  type TextState,
  type Titles,
} from '../api/portal.js';
import type { Language } from '../api/types.js';
import { ErrorSummary, fieldId, focusSoon, type PathErrors } from './error-summary.js';
import { Field, RadioGroup, TextAreaField } from './field.js';
import { StatusMessage, useErrorMessage } from './feedback.js';
import { useFormat } from './format.js';
import { ImageInsert } from './portal-image-insert.js';
import { DataTable } from './table.js';

// ---------------------------------------------------------------- shared pieces

/** The message for an API error: the portal's own codes first, then the general ones. */
export function usePortalErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const general = useErrorMessage();
  return useCallback(
    (error) => {
      if (error instanceof ApiError && i18n.exists(`portal.errors.${error.code}`)) {
        return t(`portal.errors.${error.code}`);
      }
      return general(error);
    },
    [t, i18n, general],
  );
}

/** An error region for the portal screens: announced at once by screen readers. */
export function PortalAlert({ error }: { error: unknown }) {
  const message = usePortalErrorMessage();
  const { t } = useTranslation();
  return (
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
  );
}

/** The title of a theme or news item in the user's language, else in the first one it has. */
export function useTitleOf(): (titles: Titles) => { title: string; lang: Language | undefined } {
  const { t, i18n } = useTranslation();
  return useCallback(
    (titles) => {
      const found = titleFor(titles, i18n.language);
      return found
        ? { title: found.title, lang: found.language }
        : { title: t('portal.untitled'), lang: undefined };
    },
    [t, i18n.language],
  );
}

/** Grey for a draft, amber for a scheduled text, green for a public one. */
const STATE_CLASS: Record<TextState, string> = {
  draft: 'state-draft',
  scheduled: 'state-delayed',
  published: 'state-answered',
};

/** The state of one language's text, in words and colour. */
export function TextStateBadge({ state }: { state: TextState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATE_CLASS[state]}`} data-state={state}>
      {t(`portal.states.${state}`)}
    </span>
  );
}

/** The languages a theme or news item has, each with the state of its text. */
export function LanguageStates({ states }: { states: Partial<Record<Language, TextState>> }) {
  const { t } = useTranslation();
  const present = PORTAL_LANGUAGES.filter((l) => states[l] !== undefined);
  if (present.length === 0) return <span className="small">{t('portal.noTexts')}</span>;
  return (
    <>
      {present.map((language) => (
        <span key={language} className="nowrap block">
          <abbr title={t(`portal.languageNames.${language}`)}>{language.toUpperCase()}</abbr>{' '}
          <TextStateBadge state={states[language]!} />
        </span>
      ))}
    </>
  );
}

/** A link that opens in a new tab and says so. */
function NewTabLink({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <a href={href} target="_blank" rel="noopener">
      {children}
      <span className="visually-hidden"> ({t('portal.newTab')})</span>
    </a>
  );
}

// ---------------------------------------------------------------- one language's text

const EMPTY: TextContent = { title: '', summary: '', body: '' };

const contentOf = (text: PortalText | undefined): TextContent =>
  text ? { title: text.title, summary: text.summary, body: text.body } : EMPTY;

const sameContent = (a: TextContent, b: TextContent) =>
  a.title === b.title && a.summary === b.summary && a.body === b.body;

type Mode = 'now' | 'at';

interface EditorProps {
  owner: Owner;
  ownerId: string;
  language: Language;
  slug: string;
  /** The text as the node has it; undefined for a language not written yet. */
  text: PortalText | undefined;
  /** Hands a text the node answered with to the page. */
  onText: (text: PortalText) => void;
  /** Fetches the owner again; resolves to this language's text as the node has it now. */
  reload: () => Promise<PortalText | undefined>;
}

/**
 * The editor of one language's text of a theme or news item: title, summary and Markdown body,
 * saved as revisions; a preview of the public page; publication now or at a set time (read in
 * the browser's time zone), withdrawal; and the revision history, from which an earlier
 * revision can be restored. A save based on a revision someone else has since replaced is
 * refused by the node, and explained here with a way forward.
 */
export function PortalTextEditor({
  owner,
  ownerId,
  language,
  slug,
  text,
  onText,
  reload,
}: EditorProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const prefix = `pt-${owner}-${language}`;
  const [draft, setDraft] = useState<TextContent>(() => contentOf(text));
  // The revision the draft was started from: the node refuses a save on an older one.
  const [base, setBase] = useState<number | undefined>(text?.revision);
  const [errors, setErrors] = useState<PathErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<Mode>('now');
  const [at, setAt] = useState('');
  const [revisions, setRevisions] = useState<Revision[]>();
  const [historyShown, setHistoryShown] = useState(false);
  const historyId = useId();
  const conflictRef = useRef<HTMLDivElement>(null);

  const dirty = !sameContent(draft, contentOf(text));
  const id = (pointer: TextField) => fieldId(prefix, pointer);

  /** Shows errors by field, with the summary taking the focus; the last outcome goes. */
  const showErrors = (found: PathErrors) => {
    setError(undefined);
    setStatus(undefined);
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  /** Takes a text the node answered with as the new starting point of the form. */
  const adopt = (next: PortalText) => {
    setDraft(contentOf(next));
    setBase(next.revision);
    onText(next);
  };

  const loadRevisions = async () => {
    const list = await portalApi.revisions(owner, ownerId, language);
    setRevisions(list.items);
  };

  /** Runs an action; the node's refusal is shown by its field, in the summary, or as an alert. */
  const run = async (work: () => Promise<string>) => {
    setError(undefined);
    setStatus(undefined);
    setConflict(false);
    setBusy(true);
    try {
      const done = await work();
      setErrors({});
      setStatus(done);
      if (historyShown) await loadRevisions().catch(setError);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'revision_conflict') {
        setConflict(true);
        setTimeout(() => conflictRef.current?.focus(), 0);
        return;
      }
      const onFields = fieldsOfError(caught);
      const entries = Object.entries(onFields);
      if (entries.length > 0) {
        const found: PathErrors = {};
        for (const [pointer, code] of entries) found[pointer] = fieldMessage(pointer, code);
        showErrors(found);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldMessage = (pointer: string, code: string): string => {
    if (code !== 'validation_failed') return t(`portal.errors.${code}`);
    const keys: Record<string, string> = {
      '/title': 'titleInvalid',
      '/summary': 'summaryTooLong',
      '/body': 'bodyInvalid',
      '/publishAt': 'publishAtInvalid',
    };
    return t(`portal.validation.${keys[pointer] ?? 'titleInvalid'}`);
  };

  /** Checks the form here first; undefined when it may not be sent. */
  const checked = (): TextContent | undefined => {
    const found: PathErrors = {};
    for (const { path, key } of checkText(draft)) found[path] ??= t(`portal.validation.${key}`);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return undefined;
    }
    return { title: draft.title.trim(), summary: draft.summary, body: draft.body };
  };

  /** Saves the draft as a new revision (or the first one); resolves to the node's text. */
  const saveDraft = async (content: TextContent, over?: number): Promise<PortalText> => {
    const saved = await portalApi.saveText(owner, ownerId, language, content, over ?? base);
    adopt(saved);
    return saved;
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const content = checked();
    if (!content) return;
    void run(async () => {
      const saved = await saveDraft(content);
      return text === undefined
        ? t('portal.text.created', { language: t(`portal.languageNames.${language}`) })
        : t('portal.text.saved', { revision: saved.revision });
    });
  };

  const publish = (event: FormEvent) => {
    event.preventDefault();
    let when: string | undefined;
    if (mode === 'at' && text?.state !== 'published') {
      when = localDateTimeToIso(at);
      const problem = checkPublishAt(at);
      if (problem !== undefined) {
        showErrors({ '/publishAt': t(problem) });
        return;
      }
    }
    // Unsaved changes are saved first: what is published is always the latest revision.
    const content = dirty ? checked() : undefined;
    if (dirty && !content) return;
    void run(async () => {
      if (content) await saveDraft(content);
      const published = await portalApi.publish(owner, ownerId, language, when);
      onText(published);
      setAt('');
      setMode('now');
      const key = published.state === 'scheduled' ? 'scheduled' : 'published';
      return t(`portal.text.${key}`, {
        revision: published.publishedRevision ?? published.revision,
        date: published.publishAt ? format.dateTime(published.publishAt) : '',
      });
    });
  };

  const unpublish = () =>
    void run(async () => {
      const next = await portalApi.unpublish(owner, ownerId, language);
      onText(next);
      return t('portal.text.unpublished');
    });

  const restore = (number: number) => {
    if (dirty && !window.confirm(t('portal.history.discardChanges'))) return;
    void run(async () => {
      const restored = await portalApi.restore(owner, ownerId, language, number);
      adopt(restored);
      return t('portal.history.restored', { number, revision: restored.revision });
    });
  };

  const toggleHistory = () => {
    if (historyShown) {
      setHistoryShown(false);
      return;
    }
    setHistoryShown(true);
    loadRevisions().catch(setError);
  };

  /** After a conflict: the node's latest revision replaces what was written here. */
  const takeLatest = () =>
    void run(async () => {
      const latest = await reload();
      if (latest) adopt(latest);
      return t('portal.conflict.loaded', { revision: latest?.revision ?? 0 });
    });

  /** After a conflict: what was written here becomes a new revision after the latest one. */
  const keepMine = () => {
    const content = checked();
    if (!content) return;
    void run(async () => {
      const latest = await reload();
      const saved = await saveDraft(content, latest?.revision);
      return t('portal.text.saved', { revision: saved.revision });
    });
  };

  const change = (field: keyof TextContent, value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));

  const link = text ? publicPath(owner, language, slug) : undefined;
  const latest = revisions?.[0]?.number;

  return (
    <div className="portal-text" data-testid={`portal-text-${language}`}>
      <ErrorSummary prefix={prefix} errors={errors} serial={attempt} level={3} />
      <PortalAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
      {conflict && (
        <div className="alert" role="alert" tabIndex={-1} ref={conflictRef}>
          <h3>{t('portal.conflict.title')}</h3>
          <p>{t('portal.conflict.explanation')}</p>
          <div className="button-row">
            <button type="button" className="secondary" onClick={takeLatest} disabled={busy}>
              {t('portal.conflict.takeLatest')}
            </button>
            <button type="button" onClick={keepMine} disabled={busy}>
              {t('portal.conflict.keepMine')}
            </button>
          </div>
        </div>
      )}

      {text && (
        <dl className="facts compact">
          <dt>{t('portal.text.state')}</dt>
          <dd>
            <TextStateBadge state={text.state} />
            {text.changed && text.state !== 'draft' && (
              <span className="small block">
                {t('portal.text.changedSince', {
                  published: text.publishedRevision ?? 0,
                  revision: text.revision,
                })}
              </span>
            )}
          </dd>
          <dt>{t('portal.text.revision')}</dt>
          <dd>{text.revision}</dd>
          {text.publishAt && text.state !== 'draft' && (
            <>
              <dt>
                {text.state === 'scheduled'
                  ? t('portal.text.publicFrom')
                  : t('portal.text.publicSince')}
              </dt>
              <dd>
                <time dateTime={text.publishAt}>{format.dateTime(text.publishAt)}</time>
              </dd>
            </>
          )}
          {text.state === 'published' && link && (
            <>
              <dt>{t('portal.text.publicLink')}</dt>
              <dd>
                <NewTabLink href={link}>{link}</NewTabLink>
              </dd>
            </>
          )}
          <dt>{t('portal.text.updated')}</dt>
          <dd>
            <time dateTime={text.updatedAt}>{format.dateTime(text.updatedAt)}</time>
            {text.updatedBy && ` — ${text.updatedBy}`}
          </dd>
        </dl>
      )}

      <form noValidate onSubmit={save} aria-label={t('portal.text.formLabel')}>
        <Field
          id={id('/title')}
          label={t('portal.text.title')}
          maxLength={TITLE_MAX}
          lang={language}
          required
          value={draft.title}
          error={errors['/title']}
          onChange={(e) => change('title', e.target.value)}
        />
        <TextAreaField
          id={id('/summary')}
          label={t('portal.text.summary')}
          help={t(
            owner === 'news' ? 'portal.text.summaryHelpNews' : 'portal.text.summaryHelpTheme',
          )}
          maxLength={SUMMARY_MAX}
          lang={language}
          rows={3}
          value={draft.summary}
          error={errors['/summary']}
          onChange={(e) => change('summary', e.target.value)}
        />
        <TextAreaField
          id={id('/body')}
          label={t('portal.text.body')}
          help={t('portal.text.bodyHelp')}
          maxLength={BODY_MAX}
          rows={16}
          lang={language}
          required
          spellCheck
          value={draft.body}
          error={errors['/body']}
          onChange={(e) => change('body', e.target.value)}
        />
        <ImageInsert
          disabled={busy}
          onInsert={(image) =>
            setDraft((d) => ({
              ...d,
              body: d.body.trimEnd() === '' ? image : `${d.body.trimEnd()}\n\n${image}\n`,
            }))
          }
        />
        <div className="form-buttons">
          <button type="submit" disabled={busy}>
            {text ? t('portal.text.save') : t('portal.text.create')}
          </button>
          {text && dirty && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => {
                setDraft(contentOf(text));
                setErrors({});
                setStatus(t('portal.text.undone'));
              }}
            >
              {t('portal.text.undo')}
            </button>
          )}
          {text && (
            <NewTabLink href={portalApi.previewUrl(owner, ownerId, language)}>
              {t('portal.text.preview')}
            </NewTabLink>
          )}
        </div>
        {text && dirty && <p className="help">{t('portal.text.unsaved')}</p>}
        {text && <p className="help">{t('portal.text.previewHelp')}</p>}
      </form>

      {text && (
        <section aria-labelledby={`${prefix}-publication`} className="card">
          <h3 id={`${prefix}-publication`}>{t('portal.publication.title')}</h3>
          <p className="help">{t(`portal.publication.intro.${text.state}`)}</p>
          <form noValidate onSubmit={publish} aria-labelledby={`${prefix}-publication`}>
            {/* One revision is public at a time: a public text is updated now, not later. */}
            {text.state !== 'published' && (
              <RadioGroup<Mode>
                id={`${prefix}-mode`}
                legend={t('portal.publication.when')}
                name={`${prefix}-mode`}
                value={mode}
                options={[
                  { value: 'now', label: t('portal.publication.now') },
                  { value: 'at', label: t('portal.publication.at') },
                ]}
                onChange={setMode}
              />
            )}
            {mode === 'at' && text.state !== 'published' && (
              <Field
                id={id('/publishAt')}
                type="datetime-local"
                label={t('portal.publication.dateTime')}
                help={t('portal.publication.dateTimeHelp', {
                  zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
                })}
                min={isoToLocalDateTime(new Date())}
                value={at}
                error={errors['/publishAt']}
                onChange={(e) => setAt(e.target.value)}
              />
            )}
            {dirty && <p className="help">{t('portal.publication.savesFirst')}</p>}
            <div className="form-buttons">
              <button type="submit" disabled={busy}>
                {mode === 'at' && text.state !== 'published'
                  ? t('portal.publication.schedule')
                  : text.state === 'published'
                    ? t('portal.publication.republish')
                    : t('portal.publication.publish')}
              </button>
              {text.state !== 'draft' && (
                <button type="button" className="secondary" disabled={busy} onClick={unpublish}>
                  {text.state === 'scheduled'
                    ? t('portal.publication.cancelSchedule')
                    : t('portal.publication.unpublish')}
                </button>
              )}
            </div>
          </form>
        </section>
      )}

      {text && (
        <section aria-labelledby={`${prefix}-history`}>
          <h3 id={`${prefix}-history`}>{t('portal.history.title')}</h3>
          <button
            type="button"
            className="secondary"
            aria-expanded={historyShown}
            aria-controls={historyId}
            onClick={toggleHistory}
          >
            {historyShown ? t('portal.history.hide') : t('portal.history.show')}
          </button>
          <div id={historyId} hidden={!historyShown}>
            {historyShown && (
              <DataTable
                caption={t('portal.history.caption', {
                  language: t(`portal.languageNames.${language}`),
                })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('portal.history.number')}</th>
                    <th scope="col">{t('portal.history.savedAt')}</th>
                    <th scope="col">{t('portal.history.by')}</th>
                    <th scope="col">{t('portal.history.origin')}</th>
                    <th scope="col">{t('portal.history.content')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {revisions === undefined && (
                    <tr>
                      <td colSpan={6}>{t('common.loading')}</td>
                    </tr>
                  )}
                  {revisions?.map((revision) => (
                    <tr key={revision.number}>
                      <th scope="row" className="nowrap">
                        {revision.number}
                        {revision.published && (
                          <span className="block">
                            <span className="badge state-answered">
                              {t('portal.history.public')}
                            </span>
                          </span>
                        )}
                      </th>
                      <td className="nowrap">
                        <time dateTime={revision.createdAt}>
                          {format.dateTime(revision.createdAt)}
                        </time>
                      </td>
                      <td>{revision.createdBy ?? '—'}</td>
                      <td>
                        {revision.origin === 'restore' && revision.restoredFrom !== null
                          ? t('portal.history.restoredFrom', { number: revision.restoredFrom })
                          : t('portal.history.edited')}
                      </td>
                      <td>
                        <details>
                          <summary>{revision.title}</summary>
                          {revision.summary && <p className="prose">{revision.summary}</p>}
                          <pre className="json">{revision.body}</pre>
                        </details>
                      </td>
                      <td>
                        {revision.number === latest ? (
                          <span className="small">{t('portal.history.current')}</span>
                        ) : (
                          <button
                            type="button"
                            className="secondary small-button"
                            disabled={busy}
                            onClick={() => restore(revision.number)}
                            aria-label={t('portal.history.restoreNumber', {
                              number: revision.number,
                            })}
                          >
                            {t('portal.history.restore')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- the languages of an owner

/**
 * The texts of a theme or news item, one tab per language (nl, fr, de, en). A language not
 * written yet offers to add it. The chosen language is kept in the address (?lang=).
 */
export function PortalTextTabs({
  owner,
  ownerId,
  slug,
  texts,
  onText,
  reload,
  preferred,
}: {
  owner: Owner;
  ownerId: string;
  slug: string;
  texts: readonly PortalText[];
  onText: (text: PortalText) => void;
  /** Fetches the owner again; resolves to its texts as the node has them now. */
  reload: () => Promise<readonly PortalText[]>;
  /** The language to start with when the address names none. */
  preferred: Language;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const base = useId();
  const [adding, setAdding] = useState<Partial<Record<Language, boolean>>>({});
  const tabRefs = useRef<Partial<Record<Language, HTMLButtonElement | null>>>({});
  const byLanguage = (l: Language) => texts.find((x) => x.language === l);
  const asked = params.get('lang');
  const fallback = byLanguage(preferred) ? preferred : (texts[0]?.language ?? preferred);
  const active: Language = PORTAL_LANGUAGES.find((l) => l === asked) ?? fallback;

  const choose = (language: Language) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('lang', language);
        return next;
      },
      { replace: true },
    );

  const onKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const count = PORTAL_LANGUAGES.length;
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = PORTAL_LANGUAGES[(target + count) % count]!;
    choose(next);
    tabRefs.current[next]?.focus();
  };

  const add = (language: Language) => {
    setAdding((a) => ({ ...a, [language]: true }));
    focusSoon(fieldId(`pt-${owner}-${language}`, '/title'));
  };

  return (
    <>
      <div role="tablist" aria-label={t('portal.languages')} className="tabs">
        {PORTAL_LANGUAGES.map((language, index) => {
          const text = byLanguage(language);
          return (
            <button
              key={language}
              type="button"
              role="tab"
              id={`${base}-tab-${language}`}
              aria-selected={active === language}
              aria-controls={`${base}-panel-${language}`}
              tabIndex={active === language ? 0 : -1}
              ref={(element) => {
                tabRefs.current[language] = element;
              }}
              onClick={() => choose(language)}
              onKeyDown={(e) => onKey(e, index)}
              data-testid={`tab-${language}`}
            >
              {t(`portal.languageNames.${language}`)}{' '}
              <span className="small">
                ({text ? t(`portal.states.${text.state}`) : t('portal.tabs.missing')})
              </span>
            </button>
          );
        })}
      </div>
      {PORTAL_LANGUAGES.map((language) => {
        const text = byLanguage(language);
        const name = t(`portal.languageNames.${language}`);
        return (
          <div
            key={language}
            role="tabpanel"
            id={`${base}-panel-${language}`}
            aria-labelledby={`${base}-tab-${language}`}
            hidden={active !== language}
          >
            <h2>{t('portal.tabs.heading', { language: name })}</h2>
            {text || adding[language] ? (
              <PortalTextEditor
                owner={owner}
                ownerId={ownerId}
                language={language}
                slug={slug}
                text={text}
                onText={onText}
                reload={() => reload().then((all) => all.find((x) => x.language === language))}
              />
            ) : (
              <>
                <p>{t('portal.tabs.none', { language: name })}</p>
                <button type="button" onClick={() => add(language)}>
                  {t('portal.tabs.add', { language: name })}
                </button>
              </>
            )}
          </div>
        );
      })}
    </>
  );
}
