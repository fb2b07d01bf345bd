import { ApiError, api, query, upload } from './client.js';
import { LANGUAGES, type Language } from './types.js';

/*
 * The editing side of the public portal: themes and news items, each with one text per
 * language (a working copy with revisions, published now or at a set time). The shapes below
 * mirror packages/server/src/portal/portal.schemas.ts by hand; keep the two in step.
 */

// ---------------------------------------------------------------- closed lists and limits

/** The order in which the languages of a text are offered (the tabs of an editor). */
export const PORTAL_LANGUAGES: readonly Language[] = LANGUAGES;

export const TEXT_STATES = ['draft', 'scheduled', 'published'] as const;
/** draft: never published (or unpublished); scheduled: public from publishAt on; published: public. */
export type TextState = (typeof TEXT_STATES)[number];

export const REVISION_ORIGINS = ['edit', 'restore'] as const;
export type RevisionOrigin = (typeof REVISION_ORIGINS)[number];

export type Owner = 'news' | 'themes';

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 600;
export const BODY_MAX = 50_000;
export const THEME_SLUG_MAX = 80;
export const NEWS_SLUG_MAX = 120;
/** Lower-case letters and digits in groups joined by single hyphens, as the database demands. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// ---------------------------------------------------------------- shapes

export interface PortalText {
  language: Language;
  /** The working copy; the body is Markdown. */
  title: string;
  summary: string;
  body: string;
  /** The number of the latest revision, which the working copy equals. */
  revision: number;
  state: TextState;
  publishedRevision: number | null;
  publishAt: string | null;
  /** True when the working copy differs from what is (or will be) public. */
  changed: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

export interface Revision {
  number: number;
  title: string;
  summary: string;
  body: string;
  origin: RevisionOrigin;
  restoredFrom: number | null;
  createdAt: string;
  createdBy: string | null;
  /** True for the revision the public sees (or will see, when scheduled). */
  published: boolean;
}

export type Titles = Partial<Record<Language, string>>;
export type States = Partial<Record<Language, TextState>>;

export interface ThemeSummary {
  id: string;
  slug: string;
  position: number;
  titles: Titles;
  states: States;
}

export interface ThemeDetail {
  id: string;
  slug: string;
  position: number;
  texts: PortalText[];
}

export interface NewsSummary {
  id: string;
  slug: string;
  bodyId: string | null;
  meetingId: string | null;
  viewCount: number;
  themeIds: string[];
  createdAt: string;
  titles: Titles;
  states: States;
  /** The earliest publication date among its languages. */
  publishAt: string | null;
}

export interface NewsDetail {
  id: string;
  slug: string;
  bodyId: string | null;
  meetingId: string | null;
  viewCount: number;
  themeIds: string[];
  createdAt: string;
  texts: PortalText[];
}

export interface TextContent {
  title: string;
  summary: string;
  body: string;
}

export interface NewText extends TextContent {
  language: Language;
}

export interface NewsFilters {
  state?: TextState;
  themeId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface NewNews {
  slug?: string;
  themeIds: string[];
  bodyId?: string;
  meetingId?: string;
  texts?: NewText[];
}

// ---------------------------------------------------------------- calls

const BASE = '/api/v1/portal';
const enc = encodeURIComponent;
const textPath = (owner: Owner, id: string, language: Language) =>
  `${BASE}/${owner}/${enc(id)}/texts/${language}`;

export const portalApi = {
  themes: () => api<{ items: ThemeSummary[] }>('GET', `${BASE}/themes`),
  createTheme: (body: { slug: string; position?: number }) =>
    api<ThemeDetail>('POST', `${BASE}/themes`, body),
  theme: (id: string) => api<ThemeDetail>('GET', `${BASE}/themes/${enc(id)}`),

  news: (filters: NewsFilters = {}) =>
    api<{ items: NewsSummary[]; total: number }>(
      'GET',
      `${BASE}/news${query({
        state: filters.state,
        themeId: filters.themeId,
        q: filters.q,
        limit: filters.limit,
        offset: filters.offset,
      })}`,
    ),
  createNews: (body: NewNews) => api<NewsDetail>('POST', `${BASE}/news`, body),
  newsItem: (id: string) => api<NewsDetail>('GET', `${BASE}/news/${enc(id)}`),
  updateNews: (id: string, body: { themeIds?: string[]; bodyId?: string | null }) =>
    api<NewsDetail>('PATCH', `${BASE}/news/${enc(id)}`, body),

  /** Creates the language, or saves a new revision; 409 revision_conflict when base is stale. */
  saveText: (
    owner: Owner,
    id: string,
    language: Language,
    content: TextContent,
    baseRevision?: number,
  ) =>
    api<PortalText>('PUT', textPath(owner, id, language), {
      ...content,
      ...(baseRevision !== undefined && { baseRevision }),
    }),
  /** Publishes the latest revision now, or schedules it at `at` (ISO, in the future). */
  publish: (owner: Owner, id: string, language: Language, at?: string) =>
    api<PortalText>(
      'POST',
      `${textPath(owner, id, language)}/publish`,
      at === undefined ? {} : { at },
    ),
  unpublish: (owner: Owner, id: string, language: Language) =>
    api<PortalText>('POST', `${textPath(owner, id, language)}/unpublish`, {}),
  revisions: (owner: Owner, id: string, language: Language) =>
    api<{ items: Revision[] }>('GET', `${textPath(owner, id, language)}/revisions`),
  restore: (owner: Owner, id: string, language: Language, number: number) =>
    api<PortalText>('POST', `${textPath(owner, id, language)}/revisions/${number}/restore`, {}),
  /** The public page rendered from the working copy, for a new tab (same origin, session cookie). */
  previewUrl: (owner: Owner, id: string, language: Language) =>
    `${textPath(owner, id, language)}/preview`,
  /** Uploads an image for the texts; its url is the Markdown image source. */
  uploadImage: (file: File, mediaType: ImageType) =>
    upload<MediaInfo>(`${BASE}/media`, file, file.name, mediaType),
};

// ---------------------------------------------------------------- images

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export interface MediaInfo {
  url: string;
  sha256: string;
  mediaType: ImageType;
  size: number;
}

/** The image type of a chosen file, if the portal takes it. */
export function imageTypeOf(file: { type: string }): ImageType | undefined {
  return IMAGE_TYPES.find((type) => type === file.type);
}

/** The Markdown of an image: its description cannot close the brackets or span lines. */
export function imageMarkdown(description: string, url: string): string {
  const alt = description
    .replace(/[[\]\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `![${alt}](${url})`;
}

// ---------------------------------------------------------------- helpers

/** Where the public sees a theme or news item in one language. */
export function publicPath(owner: Owner, language: Language, slug: string): string {
  return `/${language}/${owner}/${enc(slug)}`;
}

/** The title in the preferred language, else in the first language that has one. */
export function titleFor(
  titles: Titles,
  preferred: string,
): { title: string; language: Language } | undefined {
  const order = [
    ...PORTAL_LANGUAGES.filter((l) => l === preferred),
    ...PORTAL_LANGUAGES.filter((l) => l !== preferred),
  ];
  for (const language of order) {
    const title = titles[language];
    if (title !== undefined && title !== '') return { title, language };
  }
  return undefined;
}

/** The titles of a detail's texts by language, as summaries carry them. */
export function titlesOf(texts: readonly PortalText[]): Titles {
  const titles: Titles = {};
  for (const text of texts) titles[text.language] = text.title;
  return titles;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The instant a datetime-local value ("2026-12-01T14:30") names in the browser's time zone,
 * as ISO 8601 UTC; undefined for an empty or impossible value (also a time skipped by a
 * change to summer time).
 */
export function localDateTimeToIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day, hours, minutes, Number.isNaN(seconds) ? 0 : seconds);
  const same =
    date.getFullYear() === year &&
    date.getMonth() === month - 1 &&
    date.getDate() === day &&
    date.getHours() === hours &&
    date.getMinutes() === minutes;
  return same ? date.toISOString() : undefined;
}

/** An instant as a datetime-local value ("2026-12-01T14:30") in the browser's time zone. */
export function isoToLocalDateTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** A field of the text form, as a JSON pointer into what it sends. */
export type TextField = '/title' | '/summary' | '/body' | '/publishAt';

/** What a text lacks before it may be saved: the pointer and the key of its message. */
export interface TextShortcoming {
  path: TextField;
  key: string;
}

/** The limits the node applies to a text (title 1..200, summary 0..600, body 1..50000). */
export function checkText(content: TextContent): TextShortcoming[] {
  const found: TextShortcoming[] = [];
  if (content.title.trim() === '') found.push({ path: '/title', key: 'titleRequired' });
  else if (content.title.length > TITLE_MAX) found.push({ path: '/title', key: 'titleTooLong' });
  if (content.summary.length > SUMMARY_MAX) found.push({ path: '/summary', key: 'summaryTooLong' });
  if (content.body.trim() === '') found.push({ path: '/body', key: 'bodyRequired' });
  else if (content.body.length > BODY_MAX) found.push({ path: '/body', key: 'bodyTooLong' });
  return found;
}

/**
 * What is wrong with a publication date and time typed into a datetime-local input, as the key
 * of its message; undefined when it names a moment after `now`.
 */
export function checkPublishAt(value: string, now: Date = new Date()): string | undefined {
  const iso = localDateTimeToIso(value);
  if (iso === undefined) return 'portal.validation.publishAtInvalid';
  if (Date.parse(iso) <= now.getTime()) return 'portal.errors.publish_at_past';
  return undefined;
}

/** Whether a slug is acceptable (an empty one is, where the node makes it up). */
export function checkSlug(slug: string, max: number): boolean {
  return slug.length <= max && SLUG_PATTERN.test(slug);
}

/** The field a problem of the node concerns, for codes that concern one field of a text. */
const FIELD_OF_CODE: Record<string, TextField> = {
  image_without_alt: '/body',
  image_source: '/body',
  publish_at_past: '/publishAt',
};

/**
 * The fields an API error concerns, with the code of each: the portal's own codes, and the
 * fields named by a 400 validation_failed ("body/title" → "/title").
 */
export function fieldsOfError(error: unknown): Partial<Record<TextField, string>> {
  if (!(error instanceof ApiError)) return {};
  const field = FIELD_OF_CODE[error.code];
  if (field !== undefined) return { [field]: error.code };
  if (error.code !== 'validation_failed') return {};
  const result: Partial<Record<TextField, string>> = {};
  for (const item of error.errors) {
    const name = item.path.replace(/^body(?=\/|$)/, '');
    const known: Record<string, TextField> = {
      '/title': '/title',
      '/summary': '/summary',
      '/body': '/body',
      '/at': '/publishAt',
    };
    const pointer = known[name];
    if (pointer !== undefined) result[pointer] ??= 'validation_failed';
  }
  return result;
}
