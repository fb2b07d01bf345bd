/**
 * Page templates of the public portal. Every user-supplied value goes through the
 * `markup` template (escaped); Markdown only through `renderMarkdown`. The pages work
 * without JavaScript and carry no inline script (the CSP forbids it).
 */
import { markup, trustedHtml, type SafeHtml } from './html.js';
import { plainExcerpt, renderMarkdown } from './markdown.js';
import { PORTAL_CSS_PATH } from './portal.style.js';
import {
  LANGUAGES,
  TEXTS,
  formatDate,
  ogLocale,
  type Language,
  type PortalTexts,
} from './portal.texts.js';

export type { Language } from './portal.texts.js';

/** What every page needs to know about the node: its public address. */
export interface PortalSite {
  /** e.g. https://portal.example.org, without a trailing slash. */
  publicUrl: string;
}

export type LanguagePaths = Partial<Record<Language, string>>;

export interface NewsCard {
  slug: string;
  title: string;
  /** The summary, or else a plain excerpt of the body. */
  excerpt: string;
  publishAt: Date;
  viewCount: number;
}

export interface ThemeCard {
  slug: string;
  title: string;
  summary: string;
}

export interface HomeModel {
  language: Language;
  themes: ThemeCard[];
  news: NewsCard[];
}

export interface ThemeModel {
  language: Language;
  theme: { slug: string; title: string; summary: string; body: string };
  /** The languages the theme exists in (the page's own among them). */
  languages: readonly Language[];
  news: NewsCard[];
  /** A preview of an unpublished text: marked as such and never indexed. */
  preview?: boolean;
}

export interface ArchiveModel {
  language: Language;
  theme: { slug: string; title: string };
  languages: readonly Language[];
  news: NewsCard[];
  page: number;
  pages: number;
}

export interface NewsModel {
  language: Language;
  item: {
    slug: string;
    title: string;
    summary: string;
    body: string;
    /** Null for a preview of a text that was never published. */
    publishAt: Date | null;
    viewCount: number;
  };
  languages: readonly Language[];
  /** The item's themes that exist in the page's language. */
  themes: { slug: string; title: string }[];
  /** The name of the consultation body the item comes from. */
  bodyName: string | null;
  preview?: boolean;
}

export const EXCERPT_LENGTH = 240;

const enc = encodeURIComponent;
export const homePath = (language: Language) => `/${language}/`;
export const themePath = (language: Language, slug: string) => `/${language}/themes/${enc(slug)}`;
export const archivePath = (language: Language, slug: string, page = 1) =>
  `/${language}/themes/${enc(slug)}/news${page > 1 ? `?page=${page}` : ''}`;
export const newsPath = (language: Language, slug: string) => `/${language}/news/${enc(slug)}`;
export const feedPath = (language: Language, slug: string, kind: 'rss' | 'atom') =>
  `/${language}/themes/${enc(slug)}/feed.${kind}`;

export function absoluteUrl(site: PortalSite, path: string): string {
  return site.publicUrl.replace(/\/+$/, '') + path;
}

/** The excerpt shown for a news item: its summary, else the start of its body. */
export function newsExcerpt(summary: string, body: string): string {
  return summary.trim() !== '' ? summary : plainExcerpt(body, EXCERPT_LENGTH);
}

function pathsFor(languages: readonly Language[], path: (l: Language) => string): LanguagePaths {
  const paths: LanguagePaths = {};
  for (const language of LANGUAGES)
    if (languages.includes(language)) paths[language] = path(language);
  return paths;
}

interface Layout {
  language: Language;
  title: string;
  description: string;
  /** The page's own path; null for error pages (no canonical address). */
  path: string | null;
  /** The same page in each language it exists in. */
  alternates: LanguagePaths;
  /** Where x-default points; the first alternate when not given. */
  defaultPath?: string;
  ogType?: 'website' | 'article';
  publishedTime?: Date | null;
  feeds?: { rss: string; atom: string; title: string };
  breadcrumbs?: { href: string; label: string }[];
  preview?: boolean;
  noindex?: boolean;
  content: SafeHtml;
}

function layout(site: PortalSite, page: Layout): string {
  const t = TEXTS[page.language];
  const abs = (path: string) => absoluteUrl(site, path);
  const alternates = LANGUAGES.flatMap((language) => {
    const path = page.alternates[language];
    return path === undefined ? [] : [{ language, path }];
  });
  const defaultPath = page.defaultPath ?? alternates[0]?.path;
  const linked = page.path !== null;

  const head: SafeHtml[] = [
    markup`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} — ${t.siteName}</title>
<meta name="description" content="${page.description}">
`,
  ];
  if (page.noindex || page.preview) head.push(markup`<meta name="robots" content="noindex">\n`);
  if (page.path !== null) {
    head.push(markup`<link rel="canonical" href="${abs(page.path)}">\n`);
    for (const a of alternates) {
      head.push(markup`<link rel="alternate" hreflang="${a.language}" href="${abs(a.path)}">\n`);
    }
    if (defaultPath !== undefined) {
      head.push(markup`<link rel="alternate" hreflang="x-default" href="${abs(defaultPath)}">\n`);
    }
  }
  if (page.feeds) {
    const { rss, atom, title } = page.feeds;
    head.push(
      markup`<link rel="alternate" type="application/rss+xml" title="${t.feedRss(title)}" href="${abs(rss)}">\n`,
      markup`<link rel="alternate" type="application/atom+xml" title="${t.feedAtom(title)}" href="${abs(atom)}">\n`,
    );
  }
  head.push(markup`<meta property="og:site_name" content="${t.siteName}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:type" content="${page.ogType ?? 'website'}">
`);
  if (page.path !== null) {
    head.push(markup`<meta property="og:url" content="${abs(page.path)}">\n`);
  }
  head.push(markup`<meta property="og:locale" content="${ogLocale(page.language)}">\n`);
  if (linked) {
    for (const a of alternates) {
      if (a.language === page.language) continue;
      head.push(markup`<meta property="og:locale:alternate" content="${ogLocale(a.language)}">\n`);
    }
  }
  if (page.publishedTime) {
    head.push(
      markup`<meta property="article:published_time" content="${page.publishedTime.toISOString()}">\n`,
    );
  }
  head.push(markup`<link rel="stylesheet" href="${PORTAL_CSS_PATH}">`);

  const switcher = alternates.map((a) => {
    const current = a.language === page.language ? markup` aria-current="true"` : '';
    const name = TEXTS[a.language].languageName;
    return markup`<li><a href="${a.path}" lang="${a.language}" hreflang="${a.language}"${current}>${name}</a></li>\n`;
  });
  const languageNav =
    alternates.length > 0
      ? markup`<nav class="languages" aria-label="${t.languageNav}">
<ul>
${switcher}</ul>
</nav>
`
      : '';

  const crumbs = page.breadcrumbs?.length
    ? markup`<nav class="breadcrumbs wrap" aria-label="${t.breadcrumbNav}">
<ol>
${page.breadcrumbs.map((c) => markup`<li><a href="${c.href}">${c.label}</a></li>\n`)}</ol>
</nav>
`
    : '';
  const preview = page.preview
    ? markup`<p class="preview"><span class="wrap">${t.preview}</span></p>\n`
    : '';

  const body = markup`<a class="skip-link" href="#main">${t.skipToContent}</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="${homePath(page.language)}">${t.siteName}</a>
<p class="tagline">${t.tagline}</p>
${languageNav}</div>
</header>
${preview}${crumbs}<main id="main" class="wrap">
${page.content}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${t.footer}</p>
</div>
</footer>`;

  return `<!DOCTYPE html>
<html lang="${page.language}" dir="ltr">
<head>
${markup`${head}`.value}
</head>
<body>
${body.value}
</body>
</html>
`;
}

function newsList(
  t: PortalTexts,
  language: Language,
  items: NewsCard[],
  heading: 'h2' | 'h3',
): SafeHtml {
  if (items.length === 0) return markup`<p>${t.noNews}</p>`;
  const entries = items.map((item) => {
    const href = newsPath(language, item.slug);
    const link = markup`<a href="${href}">${item.title}</a>`;
    const title = heading === 'h2' ? markup`<h2>${link}</h2>` : markup`<h3>${link}</h3>`;
    const excerpt = item.excerpt !== '' ? markup`<p>${item.excerpt}</p>\n` : '';
    const date = formatDate(language, item.publishAt);
    return markup`<li>
<article>
${title}
<p class="meta"><time datetime="${item.publishAt.toISOString()}">${date}</time> · ${t.views(item.viewCount)}</p>
${excerpt}<p><a href="${href}">${t.readMore}<span class="visually-hidden">: ${item.title}</span></a></p>
</article>
</li>
`;
  });
  return markup`<ul class="news-list">
${entries}</ul>`;
}

function markdownBody(source: string): SafeHtml {
  return markup`<div class="body">
${trustedHtml(renderMarkdown(source))}</div>`;
}

function describe(summary: string, body: string): string {
  return newsExcerpt(summary, body).slice(0, 300);
}

export function renderHomePage(site: PortalSite, model: HomeModel): string {
  const { language } = model;
  const t = TEXTS[language];
  const themes = model.themes.map((theme) => {
    const summary = theme.summary !== '' ? markup`<p>${theme.summary}</p>\n` : '';
    return markup`<li>
<h3><a href="${themePath(language, theme.slug)}">${theme.title}</a></h3>
${summary}</li>
`;
  });
  const themeList =
    themes.length === 0
      ? markup`<p>${t.noThemes}</p>`
      : markup`<ul class="theme-list">
${themes}</ul>`;
  const content = markup`<h1>${t.siteName}</h1>
<p class="lead">${t.tagline}</p>
<section aria-labelledby="themes-heading">
<h2 id="themes-heading">${t.themes}</h2>
${themeList}
</section>
<section aria-labelledby="news-heading">
<h2 id="news-heading">${t.latestNews}</h2>
${newsList(t, language, model.news, 'h3')}
</section>`;
  return layout(site, {
    language,
    title: t.home,
    description: t.tagline,
    path: homePath(language),
    alternates: pathsFor(LANGUAGES, homePath),
    defaultPath: '/',
    content,
  });
}

export function renderThemePage(site: PortalSite, model: ThemeModel): string {
  const { language, theme } = model;
  const t = TEXTS[language];
  const lead = theme.summary !== '' ? markup`<p class="lead">${theme.summary}</p>\n` : '';
  const content = markup`<h1>${theme.title}</h1>
<section aria-labelledby="general-heading">
<h2 id="general-heading">${t.general}</h2>
${lead}${markdownBody(theme.body)}
</section>
<section aria-labelledby="news-heading">
<h2 id="news-heading">${t.news}</h2>
${newsList(t, language, model.news, 'h3')}
<p class="more"><a href="${archivePath(language, theme.slug)}">${t.moreNews}<span class="visually-hidden">: ${theme.title}</span></a></p>
</section>`;
  return layout(site, {
    language,
    title: theme.title,
    description: describe(theme.summary, theme.body),
    path: themePath(language, theme.slug),
    alternates: pathsFor(model.languages, (l) => themePath(l, theme.slug)),
    feeds: {
      rss: feedPath(language, theme.slug, 'rss'),
      atom: feedPath(language, theme.slug, 'atom'),
      title: theme.title,
    },
    breadcrumbs: [{ href: homePath(language), label: t.home }],
    ...(model.preview && { preview: true }),
    content,
  });
}

export function renderArchivePage(site: PortalSite, model: ArchiveModel): string {
  const { language, theme, page, pages } = model;
  const t = TEXTS[language];
  const title = t.newsAbout(theme.title);
  const pageTitle = pages > 1 ? `${title} — ${t.page(page, pages)}` : title;
  const previous =
    page > 1
      ? markup`<li><a href="${archivePath(language, theme.slug, page - 1)}" rel="prev">${t.previous}</a></li>\n`
      : '';
  const next =
    page < pages
      ? markup`<li><a href="${archivePath(language, theme.slug, page + 1)}" rel="next">${t.next}</a></li>\n`
      : '';
  const pager =
    pages > 1
      ? markup`<nav class="pagination" aria-label="${t.paginationNav}">
<p>${t.page(page, pages)}</p>
<ul>
${previous}${next}</ul>
</nav>`
      : '';
  const content = markup`<h1>${title}</h1>
${newsList(t, language, model.news, 'h2')}
${pager}`;
  return layout(site, {
    language,
    title: pageTitle,
    description: pageTitle,
    path: archivePath(language, theme.slug, page),
    // Another language may have fewer pages: its archive is linked from its first page.
    alternates: pathsFor(model.languages, (l) =>
      archivePath(l, theme.slug, l === language ? page : 1),
    ),
    feeds: {
      rss: feedPath(language, theme.slug, 'rss'),
      atom: feedPath(language, theme.slug, 'atom'),
      title: theme.title,
    },
    breadcrumbs: [
      { href: homePath(language), label: t.home },
      { href: themePath(language, theme.slug), label: theme.title },
    ],
    content,
  });
}

export function renderNewsPage(site: PortalSite, model: NewsModel): string {
  const { language, item } = model;
  const t = TEXTS[language];
  const date = item.publishAt
    ? markup`<span>${t.publishedOn} <time datetime="${item.publishAt.toISOString()}">${formatDate(language, item.publishAt)}</time></span> · `
    : '';
  const source =
    model.bodyName !== null ? markup`<p class="meta">${t.fromBody(model.bodyName)}</p>\n` : '';
  const lead = item.summary !== '' ? markup`<p class="lead">${item.summary}</p>\n` : '';
  const themeLinks = model.themes.map(
    (theme) => markup`<li><a href="${themePath(language, theme.slug)}">${theme.title}</a></li>\n`,
  );
  const themes =
    themeLinks.length > 0
      ? markup`<h2>${t.themesOfItem}</h2>
<ul>
${themeLinks}</ul>`
      : '';
  const content = markup`<article>
<h1>${item.title}</h1>
<p class="meta">${date}${t.views(item.viewCount)}</p>
${source}${lead}${markdownBody(item.body)}
${themes}
</article>`;
  const firstTheme = model.themes[0];
  return layout(site, {
    language,
    title: item.title,
    description: describe(item.summary, item.body),
    path: newsPath(language, item.slug),
    alternates: pathsFor(model.languages, (l) => newsPath(l, item.slug)),
    ogType: 'article',
    publishedTime: item.publishAt,
    breadcrumbs: [
      { href: homePath(language), label: t.home },
      ...(firstTheme
        ? [{ href: themePath(language, firstTheme.slug), label: firstTheme.title }]
        : []),
    ],
    ...(model.preview && { preview: true }),
    content,
  });
}

/** The page for an address that leads nowhere. */
export function renderNotFoundPage(site: PortalSite, language: Language): string {
  const t = TEXTS[language];
  return layout(site, {
    language,
    title: t.notFoundTitle,
    description: t.notFoundText,
    path: null,
    alternates: {},
    noindex: true,
    content: markup`<h1>${t.notFoundTitle}</h1>
<p>${t.notFoundText}</p>
<p><a href="${homePath(language)}">${t.backHome}</a></p>`,
  });
}

/** The page for a theme or item that exists, but not in the language asked for. */
export function renderMissingLanguagePage(
  site: PortalSite,
  language: Language,
  alternates: LanguagePaths,
): string {
  const t = TEXTS[language];
  const links = LANGUAGES.flatMap((l) => {
    const path = alternates[l];
    if (path === undefined) return [];
    const name = TEXTS[l].languageName;
    return [markup`<li><a href="${path}" lang="${l}" hreflang="${l}">${name}</a></li>\n`];
  });
  return layout(site, {
    language,
    title: t.missingLanguageTitle,
    description: t.missingLanguageTitle,
    path: null,
    alternates,
    noindex: true,
    content: markup`<h1>${t.missingLanguageTitle}</h1>
<p>${t.missingLanguageText}</p>
<ul class="alternatives">
${links}</ul>
<p><a href="${homePath(language)}">${t.backHome}</a></p>`,
  });
}
