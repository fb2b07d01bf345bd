/**
 * The public portal: server-rendered pages, feeds, sitemap and robots.txt, open to
 * everyone. Pages are rendered once per address and kept briefly (see page-cache.ts);
 * every answer carries a strong ETag and is revalidated (a page shows view counts).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../kernel/db/database.js';
import { notFound as notFoundProblem } from '../kernel/http/errors.js';
import { MEDIA_PATH, mediaPath, type MediaType } from './media.js';
import { renderAtom, renderRobots, renderRss, renderSitemap, FEED_LENGTH } from './feeds.js';
import { makeAnswer, PageCache, type PortalAnswer } from './page-cache.js';
import {
  findMedia,
  findPublicNews,
  findPublicTheme,
  nextScheduledPublication,
  publicNewsCards,
  publicPages,
  publicThemes,
  publicThemesOfNews,
  type PublicNewsCard,
  type PublicText,
} from './portal.public.queries.js';
import {
  archivePath,
  newsExcerpt,
  newsPath,
  renderArchivePage,
  renderHomePage,
  renderMissingLanguagePage,
  renderNewsPage,
  renderNotFoundPage,
  renderThemePage,
  themePath,
  type LanguagePaths,
  type NewsCard,
  type PortalSite,
} from './portal.render.js';
import { PORTAL_CSS, PORTAL_CSS_VERSION } from './portal.style.js';
import { LANGUAGES, isLanguage, type Language } from './portal.texts.js';
import type { ViewCounter } from './views.js';

export const THEME_NEWS_COUNT = 5;
export const ARCHIVE_PAGE_SIZE = 10;

const HTML = 'text/html; charset=utf-8';
const PAGE_CACHE = 'public, max-age=0, must-revalidate';
const FEED_CACHE = 'public, max-age=300';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PAGE_NUMBER = /^[1-9][0-9]{0,5}$/;

export interface PortalPublicOptions {
  db: Db;
  /** The node's public address, for absolute links (canonical, Open Graph, feeds). */
  publicUrl: string;
  views: ViewCounter;
  /** How long a rendered answer is kept (ms); 0 renders every request. */
  cacheTtlMs?: number;
}

// Visitors' requests are not logged one by one (their addresses are personal data);
// warnings and errors still are.
const route = { config: { public: true }, schema: { hide: true }, logLevel: 'warn' } as const;

/** The language a browser prefers among the portal's, by its Accept-Language header. */
export function preferredLanguage(header: string | undefined): Language {
  if (!header) return 'nl';
  let best: { language: Language; q: number } | null = null;
  for (const part of header.split(',').slice(0, 40)) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0] ?? '';
    if (!isLanguage(primary)) continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (match) q = Number(match[1]);
    }
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === null || q > best.q) best = { language: primary, q };
  }
  return best?.language ?? 'nl';
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

function send(request: FastifyRequest, reply: FastifyReply, answer: PortalAnswer): FastifyReply {
  void reply
    .header('content-type', answer.contentType)
    .header('cache-control', answer.cacheControl)
    .header('etag', answer.etag);
  if (answer.status === 200 && etagMatches(request.headers['if-none-match'], answer.etag)) {
    return reply.code(304).send();
  }
  return reply.code(answer.status).send(answer.body);
}

function pathsFor(languages: readonly Language[], path: (l: Language) => string): LanguagePaths {
  const paths: LanguagePaths = {};
  for (const language of languages) paths[language] = path(language);
  return paths;
}

function languagesOf(texts: PublicText[]): Language[] {
  return LANGUAGES.filter((l) => texts.some((t) => t.language === l));
}

function cards(items: PublicNewsCard[]): NewsCard[] {
  return items.map((item) => ({
    slug: item.slug,
    title: item.title,
    excerpt: newsExcerpt(item.summary, item.body),
    publishAt: item.publishAt,
    viewCount: item.viewCount,
  }));
}

function bodyName(
  names: Partial<Record<string, string>> | null,
  language: Language,
): string | null {
  if (!names) return null;
  for (const l of [language, ...LANGUAGES]) {
    const name = names[l];
    if (typeof name === 'string' && name.trim() !== '') return name;
  }
  return null;
}

export const portalPublicRoutes: FastifyPluginAsync<PortalPublicOptions> = async (
  app,
  { db, publicUrl, views, cacheTtlMs },
) => {
  const site: PortalSite = { publicUrl: publicUrl.replace(/\/+$/, '') };
  const cache = new PageCache((now) => nextScheduledPublication(db, now), cacheTtlMs ?? 5000);
  app.addHook('onClose', async () => cache.close());

  const page = (status: number, markup: string, extra: { newsId?: string } = {}) =>
    makeAnswer(status, HTML, PAGE_CACHE, markup, extra);
  const notFound = (language: Language) =>
    makeAnswer(404, HTML, PAGE_CACHE, renderNotFoundPage(site, language), { cacheable: false });
  const missingLanguage = (language: Language, alternates: LanguagePaths) =>
    makeAnswer(404, HTML, PAGE_CACHE, renderMissingLanguagePage(site, language, alternates), {
      cacheable: true,
    });

  const robots = makeAnswer(
    200,
    'text/plain; charset=utf-8',
    'public, max-age=86400',
    renderRobots(site),
  );
  const stylesheet = makeAnswer(
    200,
    'text/css; charset=utf-8',
    'public, max-age=31536000, immutable',
    PORTAL_CSS,
  );

  /** The language of the address, or a plain (API-style) 404 for any other first segment. */
  const languageOf = (reply: FastifyReply, value: string): Language | null => {
    if (isLanguage(value)) return value;
    reply.callNotFound();
    return null;
  };

  app.get('/', route, async (request, reply) =>
    reply
      .header('vary', 'accept-language')
      .header('cache-control', 'no-cache')
      .redirect(`/${preferredLanguage(request.headers['accept-language'])}/`, 302),
  );

  app.get('/robots.txt', route, async (request, reply) => send(request, reply, robots));

  // Images of the texts: the address names the bytes, so they are kept for a year.
  app.get('/media/:name', route, async (request, reply) => {
    const { name } = request.params as { name: string };
    const hash = MEDIA_PATH.exec(`/media/${name}`)?.[1];
    const image = hash === undefined ? undefined : await findMedia(db, hash);
    if (!image || mediaPath(image.sha256, image.media_type as MediaType) !== `/media/${name}`) {
      throw notFoundProblem('No such image.');
    }
    const etag = `"${image.sha256}"`;
    void reply
      .header('content-type', image.media_type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag);
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.send(Buffer.from(image.content));
  });

  app.get('/portal.css', route, async (request, reply) => {
    const { v } = request.query as { v?: unknown };
    if (v !== PORTAL_CSS_VERSION) {
      // Not the current version's address: still the current sheet, but not kept for a year.
      return send(request, reply, { ...stylesheet, cacheControl: PAGE_CACHE });
    }
    return send(request, reply, stylesheet);
  });

  app.get('/sitemap.xml', route, async (request, reply) =>
    send(
      request,
      reply,
      await cache.resolve('sitemap.xml', async (now) =>
        makeAnswer(
          200,
          'application/xml; charset=utf-8',
          FEED_CACHE,
          renderSitemap(site, await publicPages(db, now)),
        ),
      ),
    ),
  );

  app.get<{ Params: { lang: string } }>('/:lang', route, async (request, reply) => {
    const language = languageOf(reply, request.params.lang);
    if (language === null) return reply;
    return reply.redirect(`/${language}/`, 301);
  });

  app.get<{ Params: { lang: string } }>('/:lang/', route, async (request, reply) => {
    const language = languageOf(reply, request.params.lang);
    if (language === null) return reply;
    const answer = await cache.resolve(`${language}/`, async (now) => {
      const [themes, news] = [
        await publicThemes(db, language, now),
        await publicNewsCards(db, { language, now, limit: THEME_NEWS_COUNT }),
      ];
      return page(200, renderHomePage(site, { language, themes, news: cards(news.items) }));
    });
    return send(request, reply, answer);
  });

  app.get<{ Params: { lang: string; slug: string } }>(
    '/:lang/themes/:slug',
    route,
    async (request, reply) => {
      const language = languageOf(reply, request.params.lang);
      if (language === null) return reply;
      const { slug } = request.params;
      if (!SLUG.test(slug) || slug.length > 80) return send(request, reply, notFound(language));
      const answer = await cache.resolve(`${language}/themes/${slug}`, async (now) => {
        const theme = await findPublicTheme(db, slug, now);
        if (!theme) return notFound(language);
        const languages = languagesOf(theme.texts);
        const text = theme.texts.find((t) => t.language === language);
        if (!text)
          return missingLanguage(
            language,
            pathsFor(languages, (l) => themePath(l, slug)),
          );
        const news = await publicNewsCards(db, {
          language,
          now,
          limit: THEME_NEWS_COUNT,
          themeId: theme.id,
        });
        return page(
          200,
          renderThemePage(site, {
            language,
            theme: { slug, title: text.title, summary: text.summary, body: text.body },
            languages,
            news: cards(news.items),
          }),
        );
      });
      return send(request, reply, answer);
    },
  );

  app.get<{ Params: { lang: string; slug: string }; Querystring: { page?: unknown } }>(
    '/:lang/themes/:slug/news',
    route,
    async (request, reply) => {
      const language = languageOf(reply, request.params.lang);
      if (language === null) return reply;
      const { slug } = request.params;
      const given = request.query.page;
      const valid = given === undefined || (typeof given === 'string' && PAGE_NUMBER.test(given));
      if (!SLUG.test(slug) || slug.length > 80 || !valid) {
        return send(request, reply, notFound(language));
      }
      const number = given === undefined ? 1 : Number(given);
      const key = `${language}/themes/${slug}/news?page=${number}`;
      const answer = await cache.resolve(key, async (now) => {
        const theme = await findPublicTheme(db, slug, now);
        if (!theme) return notFound(language);
        const languages = languagesOf(theme.texts);
        const text = theme.texts.find((t) => t.language === language);
        if (!text) {
          return missingLanguage(
            language,
            pathsFor(languages, (l) => archivePath(l, slug)),
          );
        }
        const news = await publicNewsCards(db, {
          language,
          now,
          limit: ARCHIVE_PAGE_SIZE,
          offset: (number - 1) * ARCHIVE_PAGE_SIZE,
          themeId: theme.id,
        });
        if (news.items.length === 0 && number > 1) return notFound(language);
        return page(
          200,
          renderArchivePage(site, {
            language,
            theme: { slug, title: text.title },
            languages,
            news: cards(news.items),
            page: number,
            pages: Math.max(1, Math.ceil(news.total / ARCHIVE_PAGE_SIZE)),
          }),
        );
      });
      return send(request, reply, answer);
    },
  );

  for (const kind of ['rss', 'atom'] as const) {
    app.get<{ Params: { lang: string; slug: string } }>(
      `/:lang/themes/:slug/feed.${kind}`,
      route,
      async (request, reply) => {
        const language = languageOf(reply, request.params.lang);
        if (language === null) return reply;
        const { slug } = request.params;
        if (!SLUG.test(slug) || slug.length > 80) return send(request, reply, notFound(language));
        const answer = await cache.resolve(
          `${language}/themes/${slug}/feed.${kind}`,
          async (now) => {
            const theme = await findPublicTheme(db, slug, now);
            const text = theme?.texts.find((t) => t.language === language);
            if (!theme || !text) return notFound(language);
            const news = await publicNewsCards(db, {
              language,
              now,
              limit: FEED_LENGTH,
              themeId: theme.id,
              fullBody: true,
            });
            const model = {
              language,
              theme: { slug, title: text.title, summary: text.summary },
              news: news.items,
            };
            return kind === 'rss'
              ? makeAnswer(
                  200,
                  'application/rss+xml; charset=utf-8',
                  FEED_CACHE,
                  renderRss(site, model),
                )
              : makeAnswer(
                  200,
                  'application/atom+xml; charset=utf-8',
                  FEED_CACHE,
                  renderAtom(site, model),
                );
          },
        );
        return send(request, reply, answer);
      },
    );
  }

  app.get<{ Params: { lang: string; slug: string } }>(
    '/:lang/news/:slug',
    route,
    async (request, reply) => {
      const language = languageOf(reply, request.params.lang);
      if (language === null) return reply;
      const { slug } = request.params;
      if (!SLUG.test(slug) || slug.length > 120) return send(request, reply, notFound(language));
      const answer = await cache.resolve(`${language}/news/${slug}`, async (now) => {
        const item = await findPublicNews(db, slug, language, now);
        if (!item) return notFound(language);
        const languages = languagesOf(item.texts);
        const text = item.texts.find((t) => t.language === language);
        if (!text)
          return missingLanguage(
            language,
            pathsFor(languages, (l) => newsPath(l, slug)),
          );
        const themes = await publicThemesOfNews(db, item.id, language, now);
        return page(
          200,
          renderNewsPage(site, {
            language,
            item: {
              slug,
              title: text.title,
              summary: text.summary,
              body: text.body,
              publishAt: text.publishAt,
              viewCount: item.viewCount,
            },
            languages,
            themes,
            bodyName: bodyName(item.bodyNames, language),
          }),
          { newsId: item.id },
        );
      });
      const sent = send(request, reply, answer);
      // The page has been answered; the view only waits in memory to be written.
      if (answer.newsId !== undefined && request.method === 'GET') {
        views.record(answer.newsId, request.ip, request.headers['user-agent']);
      }
      return sent;
    },
  );
};
