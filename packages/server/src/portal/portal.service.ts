import { v7 as uuidv7 } from 'uuid';
import { appendAudit, type AuditContext } from '../audit/audit-log.js';
import type { Db, DbOrTrx, Trx } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import {
  badRequest,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  unprocessable,
} from '../kernel/http/errors.js';
import { looksLike } from '../kernel/files/file-types.js';
import { decide, type Action } from '../kernel/policy/policy.js';
import { LANGUAGES, type Language } from '../kernel/policy/roles.js';
import { isAllowedImageSource, markdownImages } from './markdown.js';
import type { MediaInfo } from './portal.schemas.js';
import { MEDIA_PATH, mediaPath, sha256Hex, type MediaType } from './media.js';
import { invalidatePortalCache } from './page-cache.js';
import {
  presentNewsDetail,
  presentNewsSummary,
  presentRevision,
  presentText,
  presentThemeDetail,
  presentThemeSummary,
  textState,
} from './portal.presenter.js';
import { publicNewsCards, publicThemesOfNews } from './portal.public.queries.js';
import { THEME_NEWS_COUNT } from './portal.public.routes.js';
import { newsExcerpt, renderNewsPage, renderThemePage, type PortalSite } from './portal.render.js';
import * as q from './portal.queries.js';
import type { OwnerColumn, TextRow } from './portal.queries.js';
import {
  BODY_MAX,
  SUMMARY_MAX,
  TITLE_MAX,
  type NewsCreate,
  type NewsDetail,
  type NewsList,
  type NewsListQuery,
  type NewsUpdate,
  type Owner,
  type PortalText,
  type PublishBody,
  type RevisionList,
  type TextContent,
  type TextSave,
  type ThemeCreate,
  type ThemeDetail,
  type ThemeList,
} from './portal.schemas.js';
import { firstFree, newsSlug } from './slug.js';

/*
 * The editing side of the public portal. Each theme and news item has one text per
 * language: a working copy that editors change, every save of which is kept as a
 * numbered revision, and a pointer to the revision the public sees from publish_at
 * on (a publish_at in the future is a scheduled publication). Every change is one
 * transaction with its audit entry; after it, the rendered public pages are dropped.
 */

const EDIT = 'portal.edit';
const PUBLISH = 'portal.publish';
/** How far in the past a requested publication time may lie and still mean "now". */
const PAST_TOLERANCE_MS = 60_000;

interface OwnerKind {
  column: OwnerColumn;
  objectType: 'portal_theme' | 'portal_news';
}

const OWNER_KINDS: Record<Owner, OwnerKind> = {
  themes: { column: 'theme_id', objectType: 'portal_theme' },
  news: { column: 'news_id', objectType: 'portal_news' },
};

function requireAction(ctx: ActorContext, action: Action): void {
  if (!decide(ctx.actor, action).allowed) throw forbidden();
}

/**
 * Refuses a text the portal would not show as written: images need an alternative
 * text and may come only from /media/ or an https: address.
 */
export function checkTextContent(content: TextContent): void {
  const title = content.title.trim();
  if (title === '' || content.title.length > TITLE_MAX) {
    throw unprocessable('invalid_text', `A title has 1 to ${TITLE_MAX} characters.`);
  }
  if (content.summary.length > SUMMARY_MAX) {
    throw unprocessable('invalid_text', `A summary has at most ${SUMMARY_MAX} characters.`);
  }
  if (content.body.trim() === '' || content.body.length > BODY_MAX) {
    throw unprocessable('invalid_text', `A body has 1 to ${BODY_MAX} characters.`);
  }
  for (const image of markdownImages(content.body)) {
    if (image.alt === '') {
      throw unprocessable(
        'image_without_alt',
        `The image ${image.src.slice(0, 200)} has no alternative text.`,
      );
    }
    if (!isAllowedImageSource(image.src)) {
      throw unprocessable(
        'image_source',
        'Images may come only from this node’s /media/ (upload them first).',
      );
    }
  }
}

/** Refuses a text whose images were never uploaded to this node. */
async function checkImagesExist(trx: DbOrTrx, body: string): Promise<void> {
  const hashes = markdownImages(body).flatMap((image) => {
    const hash = MEDIA_PATH.exec(image.src.trim())?.[1];
    return hash === undefined ? [] : [hash];
  });
  const missing = await q.missingMedia(trx, hashes);
  if (missing.length > 0) {
    throw unprocessable('unknown_image', `No image ${missing[0]} was uploaded to this node.`);
  }
}

export interface NewsItemInput {
  slug?: string;
  themeIds: string[];
  bodyId?: string | null;
  meetingId?: string | null;
  texts: { language: Language; title: string; summary: string; body: string }[];
}

/**
 * Creates a news item with its texts (each a first revision, unpublished) inside the
 * caller's transaction, with the audit entry `portal.news.create`. The caller has
 * decided that the actor may do so. A slug, when not given, is made from the date
 * and the first text's title, and made unique.
 */
export async function insertNewsItem(
  trx: Trx,
  ctx: AuditContext,
  input: NewsItemInput,
  options: { now?: Date } = {},
): Promise<{ id: string; slug: string }> {
  const now = options.now ?? new Date();
  const themeIds = [...new Set(input.themeIds)];
  const languages = new Set<string>();
  for (const text of input.texts) {
    if (!(LANGUAGES as readonly string[]).includes(text.language)) {
      throw unprocessable('unknown_language', `Unknown language ${text.language}.`);
    }
    if (languages.has(text.language)) {
      throw unprocessable('duplicate_language', `Two texts in ${text.language}.`);
    }
    languages.add(text.language);
    checkTextContent(text);
    await checkImagesExist(trx, text.body);
  }
  if ((await q.missingThemes(trx, themeIds)).length > 0) {
    throw unprocessable('unknown_theme', 'A theme does not exist.');
  }
  let bodyId = input.bodyId ?? null;
  if (bodyId !== null && !(await q.bodyExists(trx, bodyId))) {
    throw unprocessable('unknown_body', 'The consultation body does not exist.');
  }
  const meetingId = input.meetingId ?? null;
  if (meetingId !== null) {
    const meeting = await q.findMeeting(trx, meetingId);
    if (!meeting) throw unprocessable('unknown_meeting', 'The meeting does not exist.');
    if (bodyId !== null && meeting.body_id !== bodyId) {
      throw unprocessable('meeting_of_other_body', 'The meeting is not of that body.');
    }
    bodyId = meeting.body_id;
  }

  let slug: string;
  if (input.slug !== undefined) {
    slug = input.slug;
    if ((await q.newsSlugsLike(trx, slug)).has(slug)) {
      throw conflict('slug_taken', `The address ${slug} is taken.`);
    }
  } else {
    const base = newsSlug(now, input.texts[0]?.title);
    slug = firstFree(base, await q.newsSlugsLike(trx, base));
  }

  const id = uuidv7();
  const userId = ctx.actor?.userId ?? null;
  await q.insertNews(trx, {
    id,
    slug,
    body_id: bodyId,
    meeting_id: meetingId,
    created_by: userId,
  });
  await q.setNewsThemes(trx, id, themeIds);
  for (const text of input.texts) {
    const textId = uuidv7();
    const content = { title: text.title, summary: text.summary, body: text.body };
    await q.insertText(trx, {
      id: textId,
      owner: 'news_id',
      ownerId: id,
      language: text.language,
      updatedBy: userId,
      ...content,
    });
    await q.insertRevision(trx, {
      id: uuidv7(),
      textId,
      number: 1,
      origin: 'edit',
      restoredFrom: null,
      createdBy: userId,
      ...content,
    });
  }
  await appendAudit(trx, ctx, {
    action: 'portal.news.create',
    objectType: 'portal_news',
    objectId: id,
    details: {
      slug,
      languages: input.texts.map((t) => t.language).join(','),
      themeIds: themeIds.join(','),
      bodyId,
      meetingId,
    },
  });
  return { id, slug };
}

export type PortalService = ReturnType<typeof createPortalService>;

export function createPortalService(deps: {
  db: Db;
  /** The node's public address, for the links of preview pages. */
  publicUrl: string;
  /** What time it is: decides scheduled from published (tests move it). */
  clock?: () => Date;
}) {
  const { db } = deps;
  const clock = deps.clock ?? (() => new Date());
  const site: PortalSite = { publicUrl: deps.publicUrl.replace(/\/+$/, '') };

  /** Runs a change in one transaction, then drops the rendered public pages. */
  async function change<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(work);
    } finally {
      invalidatePortalCache();
    }
  }

  async function ownerExists(trx: DbOrTrx, owner: Owner, id: string): Promise<boolean> {
    const found = owner === 'themes' ? await q.findTheme(trx, id) : await q.findNews(trx, id);
    return found !== undefined;
  }

  async function loadText(
    trx: DbOrTrx,
    owner: Owner,
    id: string,
    language: Language,
  ): Promise<TextRow> {
    const text = await q.findText(trx, OWNER_KINDS[owner].column, id, language);
    if (!text) throw notFound();
    return text;
  }

  async function themeDetail(trx: DbOrTrx, id: string): Promise<ThemeDetail> {
    const theme = await q.findTheme(trx, id);
    if (!theme) throw notFound();
    return presentThemeDetail(theme, await q.textsOf(trx, 'theme_id', [id]), clock());
  }

  async function newsDetail(trx: DbOrTrx, id: string): Promise<NewsDetail> {
    const news = await q.findNews(trx, id);
    if (!news) throw notFound();
    const [themes, texts] = await Promise.all([
      q.themesOfNews(trx, [id]),
      q.textsOf(trx, 'news_id', [id]),
    ]);
    return presentNewsDetail(news, themes.get(id) ?? [], texts, clock());
  }

  /** Locks the owner and its text in that language; 404 when either is missing. */
  async function lockExistingText(trx: Trx, owner: Owner, id: string, language: Language) {
    if (!(await ownerExists(trx, owner, id))) throw notFound();
    const text = await q.lockText(trx, OWNER_KINDS[owner].column, id, language);
    if (!text) throw notFound();
    return text;
  }

  function auditText(
    trx: Trx,
    ctx: ActorContext,
    owner: Owner,
    id: string,
    action: string,
    details: Record<string, string | number | null>,
  ): Promise<void> {
    return appendAudit(trx, ctx, {
      action,
      objectType: OWNER_KINDS[owner].objectType,
      objectId: id,
      details,
    });
  }

  return {
    // ---------------------------------------------------------------- themes

    async listThemes(ctx: ActorContext): Promise<ThemeList> {
      requireAction(ctx, EDIT);
      const themes = await q.listThemes(db);
      const texts = await q.textsOf(
        db,
        'theme_id',
        themes.map((t) => t.id),
      );
      const now = clock();
      return {
        items: themes.map((theme) =>
          presentThemeSummary(
            theme,
            texts.filter((t) => t.owner_id === theme.id),
            now,
          ),
        ),
      };
    },

    async getTheme(ctx: ActorContext, id: string): Promise<ThemeDetail> {
      requireAction(ctx, EDIT);
      return themeDetail(db, id);
    },

    async createTheme(ctx: ActorContext, input: ThemeCreate): Promise<ThemeDetail> {
      requireAction(ctx, EDIT);
      const id = uuidv7();
      try {
        return await change(async (trx) => {
          if (await q.themeSlugTaken(trx, input.slug)) {
            throw conflict('slug_taken', `The address ${input.slug} is taken.`);
          }
          await q.insertTheme(trx, { id, slug: input.slug, position: input.position ?? 0 });
          await appendAudit(trx, ctx, {
            action: 'portal.theme.create',
            objectType: 'portal_theme',
            objectId: id,
            details: { slug: input.slug, position: input.position ?? 0 },
          });
          return themeDetail(trx, id);
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict('slug_taken', `The address ${input.slug} is taken.`);
        }
        throw error;
      }
    },

    // ---------------------------------------------------------------- news

    async listNews(ctx: ActorContext, query: NewsListQuery): Promise<NewsList> {
      requireAction(ctx, EDIT);
      const now = clock();
      const { rows, total } = await q.listNews(db, {
        ...(query.state !== undefined && { state: query.state }),
        ...(query.themeId !== undefined && { themeId: query.themeId }),
        ...(query.q !== undefined && { q: query.q }),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
        now,
      });
      const ids = rows.map((r) => r.id);
      const [themes, texts] = await Promise.all([
        q.themesOfNews(db, ids),
        q.textsOf(db, 'news_id', ids),
      ]);
      return {
        items: rows.map((news) =>
          presentNewsSummary(
            news,
            themes.get(news.id) ?? [],
            texts.filter((t) => t.owner_id === news.id),
            now,
          ),
        ),
        total,
      };
    },

    async getNews(ctx: ActorContext, id: string): Promise<NewsDetail> {
      requireAction(ctx, EDIT);
      return newsDetail(db, id);
    },

    async createNews(ctx: ActorContext, input: NewsCreate): Promise<NewsDetail> {
      requireAction(ctx, EDIT);
      try {
        return await change(async (trx) => {
          const { id } = await insertNewsItem(
            trx,
            ctx,
            {
              ...(input.slug !== undefined && { slug: input.slug }),
              themeIds: input.themeIds,
              bodyId: input.bodyId ?? null,
              meetingId: input.meetingId ?? null,
              texts: input.texts ?? [],
            },
            { now: clock() },
          );
          return newsDetail(trx, id);
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict('slug_taken', 'The address is taken.');
        }
        throw error;
      }
    },

    async updateNews(ctx: ActorContext, id: string, input: NewsUpdate): Promise<NewsDetail> {
      requireAction(ctx, EDIT);
      if (input.themeIds === undefined && input.bodyId === undefined) {
        throw badRequest('nothing_to_change', 'Give themeIds or bodyId.');
      }
      return change(async (trx) => {
        const news = await q.lockNews(trx, id);
        if (!news) throw notFound();
        const details: Record<string, string | null> = {};
        if (input.themeIds !== undefined) {
          if ((await q.missingThemes(trx, input.themeIds)).length > 0) {
            throw unprocessable('unknown_theme', 'A theme does not exist.');
          }
          await q.setNewsThemes(trx, id, input.themeIds);
          details.themeIds = input.themeIds.join(',');
        }
        if (input.bodyId !== undefined) {
          if (input.bodyId !== null && !(await q.bodyExists(trx, input.bodyId))) {
            throw unprocessable('unknown_body', 'The consultation body does not exist.');
          }
          await q.updateNewsBody(trx, id, input.bodyId);
          details.bodyId = input.bodyId;
        }
        await appendAudit(trx, ctx, {
          action: 'portal.news.update',
          objectType: 'portal_news',
          objectId: id,
          details,
        });
        return newsDetail(trx, id);
      });
    },

    // ---------------------------------------------------------------- texts

    // ---------------------------------------------------------------- images

    async uploadMedia(ctx: ActorContext, mediaType: MediaType, bytes: Buffer): Promise<MediaInfo> {
      requireAction(ctx, EDIT);
      if (bytes.length === 0) throw badRequest('empty_image', 'The image is empty.');
      if (!looksLike(mediaType, bytes)) {
        throw unprocessable('media_type_mismatch', `The file is not a ${mediaType} image.`);
      }
      const sha256 = sha256Hex(bytes);
      await db.transaction().execute(async (trx) => {
        await q.insertMedia(trx, {
          sha256,
          media_type: mediaType,
          size: bytes.length,
          content: bytes,
          created_by: ctx.actor.userId,
        });
        await appendAudit(trx, ctx, {
          action: 'portal.media.upload',
          objectType: 'portal_media',
          objectId: sha256,
          details: { mediaType, size: bytes.length },
        });
      });
      return { url: mediaPath(sha256, mediaType), sha256, mediaType, size: bytes.length };
    },

    async saveText(
      ctx: ActorContext,
      owner: Owner,
      id: string,
      language: Language,
      input: TextSave,
    ): Promise<PortalText> {
      requireAction(ctx, EDIT);
      const content = { title: input.title, summary: input.summary, body: input.body };
      checkTextContent(content);
      const { column } = OWNER_KINDS[owner];
      const userId = ctx.actor.userId;
      const stale = () =>
        conflict('revision_conflict', 'The text was changed since this edit began.');
      try {
        return await change(async (trx) => {
          if (!(await ownerExists(trx, owner, id))) throw notFound();
          await checkImagesExist(trx, content.body);
          const text = await q.lockText(trx, column, id, language);
          let number: number;
          let textId: string;
          if (!text) {
            if (input.baseRevision !== undefined && input.baseRevision !== 0) throw stale();
            number = 1;
            textId = uuidv7();
            await q.insertText(trx, {
              id: textId,
              owner: column,
              ownerId: id,
              language,
              updatedBy: userId,
              ...content,
            });
          } else {
            if (input.baseRevision !== undefined && input.baseRevision !== text.revision) {
              throw stale();
            }
            number = text.revision + 1;
            textId = text.id;
            await q.updateWorkingCopy(trx, textId, {
              ...content,
              revision: number,
              updatedBy: userId,
            });
          }
          await q.insertRevision(trx, {
            id: uuidv7(),
            textId,
            number,
            origin: 'edit',
            restoredFrom: null,
            createdBy: userId,
            ...content,
          });
          await auditText(trx, ctx, owner, id, 'portal.text.save', { language, revision: number });
          return presentText(await loadText(trx, owner, id, language), clock());
        });
      } catch (error) {
        // Two first saves of the same language at once: the later one is stale.
        if (isUniqueViolation(error)) throw stale();
        throw error;
      }
    },

    async publish(
      ctx: ActorContext,
      owner: Owner,
      id: string,
      language: Language,
      input: PublishBody,
    ): Promise<PortalText> {
      requireAction(ctx, PUBLISH);
      const now = clock();
      let requested: Date | null = null;
      if (input.at !== undefined) {
        const at = new Date(input.at);
        if (Number.isNaN(at.getTime())) throw unprocessable('invalid_date', 'Not a date.');
        if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
          throw unprocessable('publish_at_past', 'A publication cannot be set in the past.');
        }
        requested = at.getTime() > now.getTime() ? at : now;
      }
      return change(async (trx) => {
        const text = await lockExistingText(trx, owner, id, language);
        const latest = await q.findRevision(trx, text.id, text.revision);
        if (!latest) throw notFound();
        // One revision is public at a time: scheduling a change to a public text would
        // take the public version away until the scheduled time.
        if (
          requested !== null &&
          requested.getTime() > now.getTime() &&
          textState(text, now) === 'published'
        ) {
          throw conflict(
            'already_public',
            'The text is public: publish the latest revision now, or withdraw it first.',
          );
        }
        let publishAt: Date;
        if (requested !== null) publishAt = requested;
        // A live text keeps its publication date when a newer revision goes public.
        else if (textState(text, now) === 'published' && text.publish_at)
          publishAt = text.publish_at;
        else publishAt = now;
        const scheduled = publishAt.getTime() > now.getTime();
        await q.setPublication(trx, text.id, { revisionId: latest.id, publishAt });
        await auditText(
          trx,
          ctx,
          owner,
          id,
          scheduled ? 'portal.text.schedule' : 'portal.text.publish',
          { language, revision: latest.number, publishAt: publishAt.toISOString() },
        );
        return presentText(await loadText(trx, owner, id, language), now);
      });
    },

    async unpublish(
      ctx: ActorContext,
      owner: Owner,
      id: string,
      language: Language,
    ): Promise<PortalText> {
      requireAction(ctx, PUBLISH);
      return change(async (trx) => {
        const text = await lockExistingText(trx, owner, id, language);
        if (text.published_revision_id === null) {
          throw conflict('not_published', 'The text is not published.');
        }
        const current = await loadText(trx, owner, id, language);
        await q.setPublication(trx, text.id, null);
        await auditText(trx, ctx, owner, id, 'portal.text.unpublish', {
          language,
          revision: current.published_number,
          publishAt: text.publish_at?.toISOString() ?? null,
        });
        return presentText(await loadText(trx, owner, id, language), clock());
      });
    },

    async revisions(
      ctx: ActorContext,
      owner: Owner,
      id: string,
      language: Language,
    ): Promise<RevisionList> {
      requireAction(ctx, EDIT);
      const text = await loadText(db, owner, id, language);
      const rows = await q.revisionsOf(db, text.id);
      return { items: rows.map((row) => presentRevision(row, text.published_revision_id)) };
    },

    async restore(
      ctx: ActorContext,
      owner: Owner,
      id: string,
      language: Language,
      number: number,
    ): Promise<PortalText> {
      requireAction(ctx, EDIT);
      const userId = ctx.actor.userId;
      return change(async (trx) => {
        const text = await lockExistingText(trx, owner, id, language);
        const old = await q.findRevision(trx, text.id, number);
        if (!old) throw notFound();
        const content = { title: old.title, summary: old.summary, body: old.body };
        const next = text.revision + 1;
        await q.insertRevision(trx, {
          id: uuidv7(),
          textId: text.id,
          number: next,
          origin: 'restore',
          restoredFrom: number,
          createdBy: userId,
          ...content,
        });
        await q.updateWorkingCopy(trx, text.id, { ...content, revision: next, updatedBy: userId });
        await auditText(trx, ctx, owner, id, 'portal.text.restore', {
          language,
          revision: next,
          restoredFrom: number,
        });
        return presentText(await loadText(trx, owner, id, language), clock());
      });
    },

    /** The public page of the text as it would look with its working copy published. */
    async preview(
      ctx: ActorContext,
      owner: Owner,
      id: string,
      language: Language,
    ): Promise<string> {
      requireAction(ctx, EDIT);
      const now = clock();
      const texts = await q.textsOf(db, OWNER_KINDS[owner].column, [id]);
      const text = texts.find((t) => t.language === language);
      if (!text) throw notFound();
      // Links to the other languages lead only where the public can follow them.
      const languages = LANGUAGES.filter(
        (l) =>
          l === language ||
          texts.some((t) => t.language === l && textState(t, now) === 'published'),
      );
      const content = { title: text.title, summary: text.summary, body: text.body };
      if (owner === 'themes') {
        const theme = await q.findTheme(db, id);
        if (!theme) throw notFound();
        const news = await publicNewsCards(db, {
          language,
          now,
          limit: THEME_NEWS_COUNT,
          themeId: id,
        });
        return renderThemePage(site, {
          language,
          theme: { slug: theme.slug, ...content },
          languages,
          news: news.items.map((item) => ({
            slug: item.slug,
            title: item.title,
            excerpt: newsExcerpt(item.summary, item.body),
            publishAt: item.publishAt,
            viewCount: item.viewCount,
          })),
          preview: true,
        });
      }
      const news = await q.findNews(db, id);
      if (!news) throw notFound();
      const themes = await publicThemesOfNews(db, id, language, now);
      const names = news.body_id === null ? null : await q.bodyNames(db, news.body_id);
      return renderNewsPage(site, {
        language,
        item: {
          slug: news.slug,
          ...content,
          publishAt: text.publish_at,
          viewCount: news.view_count,
        },
        languages,
        themes,
        bodyName: nameIn(names, language),
        preview: true,
      });
    },
  };
}

function nameIn(names: Partial<Record<string, string>> | null, language: Language): string | null {
  if (!names) return null;
  for (const l of [language, ...LANGUAGES]) {
    const name = names[l];
    if (typeof name === 'string' && name.trim() !== '') return name;
  }
  return null;
}
