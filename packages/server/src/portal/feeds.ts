/** RSS 2.0 and Atom 1.0 feeds of a theme's news in one language, and the sitemap. */
import { Feed } from 'feed';
import { escapeHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { PublicNewsCard, SitemapRow } from './portal.public.queries.js';
import {
  absoluteUrl,
  archivePath,
  feedPath,
  homePath,
  newsExcerpt,
  newsPath,
  themePath,
  type PortalSite,
} from './portal.render.js';
import { LANGUAGES, TEXTS, type Language } from './portal.texts.js';

export const FEED_LENGTH = 20;

export interface ThemeFeedModel {
  language: Language;
  theme: { slug: string; title: string; summary: string };
  /** The newest items first, with their whole body. */
  news: PublicNewsCard[];
}

function buildFeed(site: PortalSite, model: ThemeFeedModel): Feed {
  const { language, theme } = model;
  const t = TEXTS[language];
  const abs = (path: string) => absoluteUrl(site, path);
  const newest = model.news[0]?.publishAt;
  const feed = new Feed({
    id: abs(themePath(language, theme.slug)),
    title: `${t.newsAbout(theme.title)} — ${t.siteName}`,
    description: theme.summary !== '' ? theme.summary : t.newsAbout(theme.title),
    link: abs(themePath(language, theme.slug)),
    language,
    // Without news, the feed changes when the theme does; a fixed date keeps it stable.
    updated: newest ?? new Date(0),
    generator: false,
    copyright: t.siteName,
    feedLinks: {
      rss: abs(feedPath(language, theme.slug, 'rss')),
      atom: abs(feedPath(language, theme.slug, 'atom')),
    },
  });
  for (const item of model.news) {
    const link = abs(newsPath(language, item.slug));
    feed.addItem({
      title: item.title,
      id: link,
      guid: link,
      link,
      date: item.publishAt,
      published: item.publishAt,
      // Readers take the description as HTML: the plain-text excerpt is escaped.
      description: escapeHtml(newsExcerpt(item.summary, item.body)),
      content: renderMarkdown(item.body),
    });
  }
  return feed;
}

export function renderRss(site: PortalSite, model: ThemeFeedModel): string {
  return buildFeed(site, model).rss2();
}

export function renderAtom(site: PortalSite, model: ThemeFeedModel): string {
  return buildFeed(site, model).atom1();
}

const xml = escapeHtml;

/**
 * Every public page in every language it exists in, each with its alternates
 * (xhtml:link hreflang), as search engines read them.
 */
export function renderSitemap(site: PortalSite, rows: SitemapRow[]): string {
  const abs = (path: string) => absoluteUrl(site, path);
  type Group = { paths: (language: Language) => string; modified: Map<Language, Date> };
  const groups: Group[] = [
    { paths: homePath, modified: new Map(LANGUAGES.map((l) => [l, new Date(0)])) },
  ];
  const byKey = new Map<string, Group>();
  for (const row of rows) {
    const key = `${row.kind}:${row.slug}`;
    let group = byKey.get(key);
    if (!group) {
      const slug = row.slug;
      group = {
        paths: row.kind === 'theme' ? (l) => themePath(l, slug) : (l) => newsPath(l, slug),
        modified: new Map(),
      };
      byKey.set(key, group);
      groups.push(group);
      if (row.kind === 'theme') {
        const archive: Group = { paths: (l) => archivePath(l, slug), modified: new Map() };
        byKey.set(`archive:${slug}`, archive);
        groups.push(archive);
      }
    }
    group.modified.set(row.language, row.lastModified);
    byKey.get(`archive:${row.slug}`)?.modified.set(row.language, row.lastModified);
  }
  const urls: string[] = [];
  for (const group of groups) {
    const languages = LANGUAGES.filter((l) => group.modified.has(l));
    const alternates = languages
      .map(
        (l) =>
          `    <xhtml:link rel="alternate" hreflang="${l}" href="${xml(abs(group.paths(l)))}"/>\n`,
      )
      .join('');
    for (const language of languages) {
      const modified = group.modified.get(language);
      const lastmod =
        modified && modified.getTime() > 0
          ? `    <lastmod>${modified.toISOString()}</lastmod>\n`
          : '';
      urls.push(
        `  <url>\n    <loc>${xml(abs(group.paths(language)))}</loc>\n${lastmod}${alternates}  </url>\n`,
      );
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('')}</urlset>
`;
}

export function renderRobots(site: PortalSite): string {
  return `User-agent: *
Allow: /
Disallow: /app/
Disallow: /api/

Sitemap: ${absoluteUrl(site, '/sitemap.xml')}
`;
}
