/**
 * The portal's editing side: themes, news items, their texts (the working copies)
 * and revisions. The only module of the editing side that touches Kysely.
 */
import { sql, type Insertable } from 'kysely';
import type { DbOrTrx, Trx } from '../kernel/db/database.js';
import type { PortalMediaTable } from '../kernel/db/schema.js';
import type { TextState } from './portal.schemas.js';

export type OwnerColumn = 'theme_id' | 'news_id';

/** A text with what its presentation needs. */
export interface TextRow {
  id: string;
  owner_id: string;
  language: string;
  title: string;
  summary: string;
  body: string;
  revision: number;
  published_revision_id: string | null;
  published_number: number | null;
  publish_at: Date | null;
  updated_at: Date;
  updated_by_name: string | null;
}

export interface ThemeRow {
  id: string;
  slug: string;
  position: number;
}

export interface NewsRow {
  id: string;
  slug: string;
  body_id: string | null;
  meeting_id: string | null;
  view_count: number;
  created_at: Date;
}

export interface RevisionRow {
  id: string;
  number: number;
  title: string;
  summary: string;
  body: string;
  origin: string;
  restored_from: number | null;
  created_at: Date;
  created_by_name: string | null;
}

// ---------------------------------------------------------------- themes

export async function findTheme(db: DbOrTrx, id: string): Promise<ThemeRow | undefined> {
  return db
    .selectFrom('portal_theme')
    .select(['id', 'slug', 'position'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listThemes(db: DbOrTrx): Promise<ThemeRow[]> {
  return db
    .selectFrom('portal_theme')
    .select(['id', 'slug', 'position'])
    .orderBy('position')
    .orderBy('slug')
    .execute();
}

export async function themeSlugTaken(trx: Trx, slug: string): Promise<boolean> {
  const row = await trx
    .selectFrom('portal_theme')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertTheme(trx: Trx, theme: ThemeRow): Promise<void> {
  await trx.insertInto('portal_theme').values(theme).execute();
}

/** The ids among `ids` that are no theme. */
export async function missingThemes(db: DbOrTrx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom('portal_theme')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

// ---------------------------------------------------------------- news

const newsColumns = ['id', 'slug', 'body_id', 'meeting_id', 'view_count', 'created_at'] as const;

function newsRow(row: {
  id: string;
  slug: string;
  body_id: string | null;
  meeting_id: string | null;
  view_count: number | string | bigint;
  created_at: Date;
}): NewsRow {
  return { ...row, view_count: Number(row.view_count) };
}

export async function findNews(db: DbOrTrx, id: string): Promise<NewsRow | undefined> {
  const row = await db
    .selectFrom('portal_news')
    .select([...newsColumns])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && newsRow(row);
}

/** Locks the news item for the rest of the transaction. */
export async function lockNews(trx: Trx, id: string): Promise<NewsRow | undefined> {
  const row = await trx
    .selectFrom('portal_news')
    .select([...newsColumns])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && newsRow(row);
}

/** The slugs of news items that are `base` or `base-<something>`. */
export async function newsSlugsLike(trx: Trx, base: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('portal_news')
    .select('slug')
    .where((eb) =>
      eb.or([eb('slug', '=', base), eb('slug', 'like', `${base.replace(/[\\%_]/g, '\\$&')}-%`)]),
    )
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export async function insertNews(
  trx: Trx,
  news: {
    id: string;
    slug: string;
    body_id: string | null;
    meeting_id: string | null;
    created_by: string | null;
  },
): Promise<void> {
  await trx.insertInto('portal_news').values(news).execute();
}

/** Moves an item to another body (or none); a meeting of another body no longer applies. */
export async function updateNewsBody(trx: Trx, id: string, bodyId: string | null): Promise<void> {
  await trx
    .updateTable('portal_news')
    .set((eb) => ({
      body_id: bodyId,
      meeting_id:
        bodyId === null
          ? null
          : eb
              .selectFrom('consultation_meeting as m')
              .select('m.id')
              .where('m.id', '=', eb.ref('portal_news.meeting_id'))
              .where('m.body_id', '=', bodyId),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setNewsThemes(
  trx: Trx,
  newsId: string,
  themeIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom('portal_news_theme').where('news_id', '=', newsId).execute();
  if (themeIds.length === 0) return;
  await trx
    .insertInto('portal_news_theme')
    .values(themeIds.map((theme_id) => ({ news_id: newsId, theme_id })))
    .execute();
}

/** The theme ids of each of the news items. */
export async function themesOfNews(
  db: DbOrTrx,
  newsIds: readonly string[],
): Promise<Map<string, string[]>> {
  const themes = new Map<string, string[]>(newsIds.map((id) => [id, []]));
  if (newsIds.length === 0) return themes;
  const rows = await db
    .selectFrom('portal_news_theme as nt')
    .innerJoin('portal_theme as th', 'th.id', 'nt.theme_id')
    .select(['nt.news_id', 'nt.theme_id'])
    .where('nt.news_id', 'in', [...newsIds])
    .orderBy('th.position')
    .orderBy('th.slug')
    .execute();
  for (const row of rows) themes.get(row.news_id)?.push(row.theme_id);
  return themes;
}

export interface NewsFilter {
  state?: TextState;
  themeId?: string;
  q?: string;
  limit: number;
  offset: number;
  now: Date;
}

/** A page of news items, newest first, and how many match in all. */
export async function listNews(
  db: DbOrTrx,
  filter: NewsFilter,
): Promise<{ rows: NewsRow[]; total: number }> {
  let query = db.selectFrom('portal_news as n');
  const { state, themeId, q, now } = filter;
  if (state === 'draft') {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('portal_text as t')
            .select('t.id')
            .whereRef('t.news_id', '=', 'n.id')
            .where('t.published_revision_id', 'is', null),
        ),
        eb.not(
          eb.exists(
            eb.selectFrom('portal_text as t').select('t.id').whereRef('t.news_id', '=', 'n.id'),
          ),
        ),
      ]),
    );
  } else if (state !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('portal_text as t')
          .select('t.id')
          .whereRef('t.news_id', '=', 'n.id')
          .where('t.publish_at', state === 'scheduled' ? '>' : '<=', now),
      ),
    );
  }
  if (themeId !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('portal_news_theme as nt')
          .select('nt.theme_id')
          .whereRef('nt.news_id', '=', 'n.id')
          .where('nt.theme_id', '=', themeId),
      ),
    );
  }
  const words = q?.trim();
  if (words) {
    const pattern = `%${words.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([
        eb('n.slug', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('portal_text as t')
            .select('t.id')
            .whereRef('t.news_id', '=', 'n.id')
            .where('t.title', 'ilike', pattern),
        ),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select(['n.id', 'n.slug', 'n.body_id', 'n.meeting_id', 'n.view_count', 'n.created_at'])
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(newsRow), total: Number(count.total) };
}

export async function bodyExists(db: DbOrTrx, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('consultation_body')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findMeeting(
  db: DbOrTrx,
  id: string,
): Promise<{ id: string; body_id: string } | undefined> {
  return db
    .selectFrom('consultation_meeting')
    .select(['id', 'body_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The name of a consultation body in each language it has one in. */
export async function bodyNames(
  db: DbOrTrx,
  id: string,
): Promise<Partial<Record<string, string>> | null> {
  const row = await db
    .selectFrom('consultation_body')
    .select('names')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.names ?? null;
}

// ---------------------------------------------------------------- texts

function textQuery(db: DbOrTrx) {
  return db
    .selectFrom('portal_text as t')
    .leftJoin('portal_revision as pr', 'pr.id', 't.published_revision_id')
    .leftJoin('app_user as u', 'u.id', 't.updated_by')
    .select([
      't.id',
      't.theme_id',
      't.news_id',
      't.language',
      't.title',
      't.summary',
      't.body',
      't.revision',
      't.published_revision_id',
      'pr.number as published_number',
      't.publish_at',
      't.updated_at',
      'u.display_name as updated_by_name',
    ]);
}

const ownerColumn = (owner: OwnerColumn) =>
  owner === 'theme_id' ? ('t.theme_id' as const) : ('t.news_id' as const);

function textRow(row: {
  id: string;
  theme_id: string | null;
  news_id: string | null;
  language: string;
  title: string;
  summary: string;
  body: string;
  revision: number;
  published_revision_id: string | null;
  published_number: number | null;
  publish_at: Date | null;
  updated_at: Date;
  updated_by_name: string | null;
}): TextRow {
  const { theme_id, news_id, ...rest } = row;
  return { ...rest, owner_id: theme_id ?? news_id ?? '' };
}

/** The texts of the owners (themes or news items), in every language they exist in. */
export async function textsOf(
  db: DbOrTrx,
  owner: OwnerColumn,
  ownerIds: readonly string[],
): Promise<TextRow[]> {
  if (ownerIds.length === 0) return [];
  const rows = await textQuery(db)
    .where(ownerColumn(owner), 'in', [...ownerIds])
    .execute();
  return rows.map(textRow);
}

export async function findText(
  db: DbOrTrx,
  owner: OwnerColumn,
  ownerId: string,
  language: string,
): Promise<TextRow | undefined> {
  const row = await textQuery(db)
    .where(ownerColumn(owner), '=', ownerId)
    .where('t.language', '=', language)
    .executeTakeFirst();
  return row && textRow(row);
}

/** Locks the text for the rest of the transaction; undefined when it does not exist. */
export async function lockText(
  trx: Trx,
  owner: OwnerColumn,
  ownerId: string,
  language: string,
): Promise<
  | { id: string; revision: number; published_revision_id: string | null; publish_at: Date | null }
  | undefined
> {
  return trx
    .selectFrom('portal_text')
    .select(['id', 'revision', 'published_revision_id', 'publish_at'])
    .where(owner, '=', ownerId)
    .where('language', '=', language)
    .forUpdate()
    .executeTakeFirst();
}

export interface TextContentRow {
  title: string;
  summary: string;
  body: string;
}

export async function insertText(
  trx: Trx,
  text: TextContentRow & {
    id: string;
    owner: OwnerColumn;
    ownerId: string;
    language: string;
    updatedBy: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('portal_text')
    .values({
      id: text.id,
      theme_id: text.owner === 'theme_id' ? text.ownerId : null,
      news_id: text.owner === 'news_id' ? text.ownerId : null,
      language: text.language,
      title: text.title,
      summary: text.summary,
      body: text.body,
      revision: 1,
      published_revision_id: null,
      publish_at: null,
      updated_by: text.updatedBy,
    })
    .execute();
}

/** Sets the working copy to a new revision's content. */
export async function updateWorkingCopy(
  trx: Trx,
  textId: string,
  content: TextContentRow & { revision: number; updatedBy: string | null },
): Promise<void> {
  await trx
    .updateTable('portal_text')
    .set({
      title: content.title,
      summary: content.summary,
      body: content.body,
      revision: content.revision,
      updated_by: content.updatedBy,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', textId)
    .execute();
}

export async function setPublication(
  trx: Trx,
  textId: string,
  publication: { revisionId: string; publishAt: Date } | null,
): Promise<void> {
  await trx
    .updateTable('portal_text')
    .set({
      published_revision_id: publication?.revisionId ?? null,
      publish_at: publication?.publishAt ?? null,
    })
    .where('id', '=', textId)
    .execute();
}

// ---------------------------------------------------------------- revisions

export async function insertRevision(
  trx: Trx,
  revision: TextContentRow & {
    id: string;
    textId: string;
    number: number;
    origin: 'edit' | 'restore';
    restoredFrom: number | null;
    createdBy: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('portal_revision')
    .values({
      id: revision.id,
      text_id: revision.textId,
      number: revision.number,
      title: revision.title,
      summary: revision.summary,
      body: revision.body,
      origin: revision.origin,
      restored_from: revision.restoredFrom,
      created_by: revision.createdBy,
    })
    .execute();
}

function revisionQuery(db: DbOrTrx) {
  return db
    .selectFrom('portal_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .select([
      'r.id',
      'r.number',
      'r.title',
      'r.summary',
      'r.body',
      'r.origin',
      'r.restored_from',
      'r.created_at',
      'u.display_name as created_by_name',
    ]);
}

/** The revisions of a text, newest first. */
export async function revisionsOf(db: DbOrTrx, textId: string): Promise<RevisionRow[]> {
  return revisionQuery(db).where('r.text_id', '=', textId).orderBy('r.number', 'desc').execute();
}

export async function findRevision(
  db: DbOrTrx,
  textId: string,
  number: number,
): Promise<RevisionRow | undefined> {
  return revisionQuery(db)
    .where('r.text_id', '=', textId)
    .where('r.number', '=', number)
    .executeTakeFirst();
}

// ------------------------------------------------------------------ images

/** Stores an image once: the same bytes uploaded again change nothing. */
export async function insertMedia(trx: Trx, row: Insertable<PortalMediaTable>): Promise<void> {
  await trx
    .insertInto('portal_media')
    .values(row)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** The hashes among these that no uploaded image has. */
export async function missingMedia(db: DbOrTrx, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const found = await db
    .selectFrom('portal_media')
    .select('sha256')
    .where('sha256', 'in', [...new Set(hashes)])
    .execute();
  const known = new Set(found.map((row) => row.sha256));
  return hashes.filter((hash) => !known.has(hash));
}
