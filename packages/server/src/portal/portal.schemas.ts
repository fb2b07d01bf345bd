import { Type, type Static, type TSchema } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import { LANGUAGES } from '../kernel/policy/roles.js';
import { MEDIA_TYPES } from './media.js';

/** One of a closed list of strings, typed as exactly those strings. */
const Enum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const TEXT_STATES = ['draft', 'scheduled', 'published'] as const;
export type TextState = (typeof TEXT_STATES)[number];
export const REVISION_ORIGINS = ['edit', 'restore'] as const;
export type RevisionOrigin = (typeof REVISION_ORIGINS)[number];
export const OWNERS = ['themes', 'news'] as const;
export type Owner = (typeof OWNERS)[number];

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 600;
export const BODY_MAX = 50_000;
export const THEME_SLUG_MAX = 80;
export const NEWS_SLUG_MAX = 120;
/** Lower-case letters and digits in groups joined by single hyphens. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

export const Language = Enum(LANGUAGES);
const Slug = (max: number) => Text(max, { minLength: 1, pattern: SLUG_PATTERN });
/** At least one character that is not white space. */
const Filled = (max: number) => Text(max, { minLength: 1, pattern: '\\S' });
const DisplayName = Nullable(Text(200));

const perLanguage = <T extends TSchema>(schema: T) =>
  Strict({
    nl: Type.Optional(schema),
    fr: Type.Optional(schema),
    de: Type.Optional(schema),
    en: Type.Optional(schema),
  });

// ---------------------------------------------------------------- responses

export const PortalText = Strict({
  language: Language,
  title: Text(TITLE_MAX),
  summary: Text(SUMMARY_MAX),
  body: Text(BODY_MAX),
  /** The number of the latest revision, which the working copy equals. */
  revision: Type.Integer(),
  state: Enum(TEXT_STATES),
  publishedRevision: Nullable(Type.Integer()),
  publishAt: Nullable(Timestamp()),
  /** The working copy's revision differs from the published one. */
  changed: Type.Boolean(),
  updatedAt: Timestamp(),
  updatedBy: DisplayName,
});
export type PortalText = Static<typeof PortalText>;

export const Revision = Strict({
  number: Type.Integer(),
  title: Text(TITLE_MAX),
  summary: Text(SUMMARY_MAX),
  body: Text(BODY_MAX),
  origin: Enum(REVISION_ORIGINS),
  restoredFrom: Nullable(Type.Integer()),
  createdAt: Timestamp(),
  createdBy: DisplayName,
  /** The revision the public sees (or will see, when scheduled). */
  published: Type.Boolean(),
});
export type Revision = Static<typeof Revision>;

export const RevisionList = Strict({ items: Type.Array(Revision) });
export type RevisionList = Static<typeof RevisionList>;

const Titles = perLanguage(Text(TITLE_MAX));
const States = perLanguage(Enum(TEXT_STATES));

export const ThemeSummary = Strict({
  id: Uuid(),
  slug: Text(THEME_SLUG_MAX),
  position: Type.Integer(),
  titles: Titles,
  states: States,
});
export type ThemeSummary = Static<typeof ThemeSummary>;

export const ThemeList = Strict({ items: Type.Array(ThemeSummary) });
export type ThemeList = Static<typeof ThemeList>;

export const ThemeDetail = Strict({
  id: Uuid(),
  slug: Text(THEME_SLUG_MAX),
  position: Type.Integer(),
  texts: Type.Array(PortalText),
});
export type ThemeDetail = Static<typeof ThemeDetail>;

const newsCommon = {
  id: Uuid(),
  slug: Text(NEWS_SLUG_MAX),
  bodyId: Nullable(Uuid()),
  meetingId: Nullable(Uuid()),
  viewCount: Type.Integer(),
  themeIds: Type.Array(Uuid()),
  createdAt: Timestamp(),
};

export const NewsSummary = Strict({
  ...newsCommon,
  titles: Titles,
  states: States,
  /** The earliest publication date among its languages. */
  publishAt: Nullable(Timestamp()),
});
export type NewsSummary = Static<typeof NewsSummary>;

export const NewsList = Strict({ items: Type.Array(NewsSummary), total: Type.Integer() });
export type NewsList = Static<typeof NewsList>;

export const NewsDetail = Strict({ ...newsCommon, texts: Type.Array(PortalText) });
export type NewsDetail = Static<typeof NewsDetail>;

// ---------------------------------------------------------------- requests

export const TextContent = Strict({
  title: Filled(TITLE_MAX),
  summary: Text(SUMMARY_MAX),
  body: Filled(BODY_MAX),
});
export type TextContent = Static<typeof TextContent>;

export const NewText = Strict({
  language: Language,
  title: Filled(TITLE_MAX),
  summary: Text(SUMMARY_MAX),
  body: Filled(BODY_MAX),
});
export type NewText = Static<typeof NewText>;

export const TextSave = Strict({
  title: Filled(TITLE_MAX),
  summary: Text(SUMMARY_MAX),
  body: Filled(BODY_MAX),
  /** The revision the edit started from; 409 revision_conflict when it is not the latest. */
  baseRevision: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
export type TextSave = Static<typeof TextSave>;

export const PublishBody = Strict({
  /** When the text becomes public; absent: now. */
  at: Type.Optional(Timestamp()),
});
export type PublishBody = Static<typeof PublishBody>;

export const EmptyBody = Strict({});

export const ThemeCreate = Strict({
  slug: Slug(THEME_SLUG_MAX),
  position: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
});
export type ThemeCreate = Static<typeof ThemeCreate>;

const ThemeIds = Type.Array(Uuid(), { minItems: 1, maxItems: 50, uniqueItems: true });

export const NewsCreate = Strict({
  /** Absent: made from the date and the first text's title. */
  slug: Type.Optional(Slug(NEWS_SLUG_MAX)),
  themeIds: ThemeIds,
  bodyId: Type.Optional(Uuid()),
  meetingId: Type.Optional(Uuid()),
  texts: Type.Optional(Type.Array(NewText, { maxItems: LANGUAGES.length })),
});
export type NewsCreate = Static<typeof NewsCreate>;

export const NewsUpdate = Strict({
  themeIds: Type.Optional(ThemeIds),
  bodyId: Type.Optional(Nullable(Uuid())),
});
export type NewsUpdate = Static<typeof NewsUpdate>;

export const NewsListQuery = Strict({
  state: Type.Optional(Enum(TEXT_STATES)),
  themeId: Type.Optional(Uuid()),
  /** Part of a title or of the slug. */
  q: Type.Optional(Text(200)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
export type NewsListQuery = Static<typeof NewsListQuery>;

export const IdParams = Strict({ id: Uuid() });
export const TextParams = Strict({ id: Uuid(), language: Language });
export const RevisionParams = Strict({
  id: Uuid(),
  language: Language,
  number: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
});

export const MediaInfo = Type.Object({
  /** Where the portal serves the image; use it as the Markdown image source. */
  url: Type.String(),
  sha256: Type.String(),
  mediaType: Enum(MEDIA_TYPES),
  size: Type.Integer(),
});
export type MediaInfo = Static<typeof MediaInfo>;
