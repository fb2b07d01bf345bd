/**
 * What the public sees: only texts with a published revision whose publish_at has
 * come, and of those the published revision's title, summary and body (never the
 * working copy that editors are changing).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../kernel/db/database.js';
import { isLanguage, type Language } from './portal.texts.js';

export interface PublicText {
  language: Language;
  title: string;
  summary: string;
  body: string;
  publishAt: Date;
}

export interface PublicTheme {
  id: string;
  slug: string;
  texts: PublicText[];
}

export interface PublicNews {
  id: string;
  slug: string;
  viewCount: number;
  bodyNames: Partial<Record<string, string>> | null;
  /** Every language the item is public in; `body` is filled for the one asked for only. */
  texts: PublicText[];
}

export interface PublicNewsCard {
  slug: string;
  title: string;
  summary: string;
  /** The body (cut to 4000 characters) when the summary is empty, for an excerpt. */
  body: string;
  publishAt: Date;
  viewCount: number;
}

/** A page of news cards: their total is the number of items over all pages. */
export interface NewsCardPage {
  items: PublicNewsCard[];
  total: number;
}

function textsOf<T extends { language: string | null }>(rows: T[]): (T & { language: Language })[] {
  return rows.filter(
    (r): r is T & { language: Language } => r.language !== null && isLanguage(r.language),
  );
}

export async function findPublicTheme(
  db: DbOrTrx,
  slug: string,
  now: Date,
): Promise<PublicTheme | undefined> {
  const rows = await db
    .selectFrom('portal_theme as th')
    .innerJoin('portal_text as t', 't.theme_id', 'th.id')
    .innerJoin('portal_revision as r', 'r.id', 't.published_revision_id')
    .select(['th.id', 'th.slug', 't.language', 'r.title', 'r.summary', 'r.body', 't.publish_at'])
    .where('th.slug', '=', slug)
    .where('t.publish_at', '<=', now)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return {
    id: first.id,
    slug: first.slug,
    texts: textsOf(rows).map((r) => ({
      language: r.language,
      title: r.title,
      summary: r.summary,
      body: r.body,
      publishAt: r.publish_at as Date,
    })),
  };
}

/**
 * The public news of a language, newest first; of one theme when `themeId` is given.
 * `fullBody` asks for the whole body (feeds); otherwise only the start of the body of
 * items without a summary.
 */
export async function publicNewsCards(
  db: DbOrTrx,
  options: {
    language: Language;
    now: Date;
    limit: number;
    offset?: number;
    themeId?: string;
    fullBody?: boolean;
  },
): Promise<NewsCardPage> {
  let query = db
    .selectFrom('portal_news as n')
    .innerJoin('portal_text as t', 't.news_id', 'n.id')
    .innerJoin('portal_revision as r', 'r.id', 't.published_revision_id')
    .select([
      'n.slug',
      'n.view_count',
      'r.title',
      'r.summary',
      't.publish_at',
      options.fullBody
        ? sql<string>`r.body`.as('body')
        : sql<string>`case when r.summary = '' then left(r.body, 4000) else '' end`.as('body'),
      sql<number>`count(*) over ()`.as('total'),
    ])
    .where('t.language', '=', options.language)
    .where('t.publish_at', '<=', options.now);
  if (options.themeId !== undefined) {
    const themeId = options.themeId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('portal_news_theme as nt')
          .select('nt.news_id')
          .whereRef('nt.news_id', '=', 'n.id')
          .where('nt.theme_id', '=', themeId),
      ),
    );
  }
  const rows = await query
    .orderBy('t.publish_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      body: r.body,
      publishAt: r.publish_at as Date,
      viewCount: Number(r.view_count),
    })),
  };
}

/** The themes public in a language, in their order, with their lead text. */
export async function publicThemes(
  db: DbOrTrx,
  language: Language,
  now: Date,
): Promise<{ slug: string; title: string; summary: string }[]> {
  return db
    .selectFrom('portal_theme as th')
    .innerJoin('portal_text as t', 't.theme_id', 'th.id')
    .innerJoin('portal_revision as r', 'r.id', 't.published_revision_id')
    .select(['th.slug', 'r.title', 'r.summary'])
    .where('t.language', '=', language)
    .where('t.publish_at', '<=', now)
    .orderBy('th.position')
    .orderBy('th.slug')
    .execute();
}

export async function findPublicNews(
  db: DbOrTrx,
  slug: string,
  language: Language,
  now: Date,
): Promise<PublicNews | undefined> {
  const rows = await db
    .selectFrom('portal_news as n')
    .innerJoin('portal_text as t', 't.news_id', 'n.id')
    .innerJoin('portal_revision as r', 'r.id', 't.published_revision_id')
    .leftJoin('consultation_body as b', 'b.id', 'n.body_id')
    .select([
      'n.id',
      'n.slug',
      'n.view_count',
      'b.names',
      't.language',
      'r.title',
      'r.summary',
      sql<string>`case when t.language = ${language} then r.body else '' end`.as('body'),
      't.publish_at',
    ])
    .where('n.slug', '=', slug)
    .where('t.publish_at', '<=', now)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return {
    id: first.id,
    slug: first.slug,
    viewCount: Number(first.view_count),
    bodyNames: first.names ?? null,
    texts: textsOf(rows).map((r) => ({
      language: r.language,
      title: r.title,
      summary: r.summary,
      body: r.body,
      publishAt: r.publish_at as Date,
    })),
  };
}

/** The themes of a news item that are public in a language. */
export async function publicThemesOfNews(
  db: DbOrTrx,
  newsId: string,
  language: Language,
  now: Date,
): Promise<{ slug: string; title: string }[]> {
  return db
    .selectFrom('portal_news_theme as nt')
    .innerJoin('portal_theme as th', 'th.id', 'nt.theme_id')
    .innerJoin('portal_text as t', 't.theme_id', 'th.id')
    .innerJoin('portal_revision as r', 'r.id', 't.published_revision_id')
    .select(['th.slug', 'r.title'])
    .where('nt.news_id', '=', newsId)
    .where('t.language', '=', language)
    .where('t.publish_at', '<=', now)
    .orderBy('th.position')
    .orderBy('th.slug')
    .execute();
}

export interface SitemapRow {
  kind: 'theme' | 'news';
  slug: string;
  language: Language;
  lastModified: Date;
}

/** Every public theme and news text, for the sitemap. */
export async function publicPages(db: DbOrTrx, now: Date): Promise<SitemapRow[]> {
  const rows = await db
    .selectFrom('portal_text as t')
    .innerJoin('portal_revision as r', 'r.id', 't.published_revision_id')
    .leftJoin('portal_theme as th', 'th.id', 't.theme_id')
    .leftJoin('portal_news as n', 'n.id', 't.news_id')
    .select([
      'th.slug as theme_slug',
      'n.slug as news_slug',
      't.language',
      sql<Date>`greatest(t.publish_at, r.created_at)`.as('last_modified'),
    ])
    .where('t.publish_at', '<=', now)
    .orderBy('th.position')
    .orderBy('th.slug')
    .orderBy('t.publish_at', 'desc')
    .orderBy('n.slug')
    .execute();
  return textsOf(rows).flatMap((r): SitemapRow[] => {
    const lastModified = new Date(r.last_modified);
    if (r.theme_slug !== null)
      return [{ kind: 'theme', slug: r.theme_slug, language: r.language, lastModified }];
    if (r.news_slug !== null)
      return [{ kind: 'news', slug: r.news_slug, language: r.language, lastModified }];
    return [];
  });
}

/** The earliest publication still to come, to know until when a rendered page holds. */
export async function nextScheduledPublication(db: DbOrTrx, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('portal_text')
    .select(sql<Date | null>`min(publish_at)`.as('next'))
    .where('published_revision_id', 'is not', null)
    .where('publish_at', '>', now)
    .executeTakeFirst();
  return row?.next ? new Date(row.next) : null;
}

/** An uploaded image, by its SHA-256. */
export function findMedia(db: DbOrTrx, sha256: string) {
  return db
    .selectFrom('portal_media')
    .select(['sha256', 'media_type', 'content'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}
