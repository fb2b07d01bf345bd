import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../kernel/db/database.js';
import { createTestNode, type TestNode } from '../test-support/app.js';
import { invalidatePortalCache } from './page-cache.js';
import { preferredLanguage } from './portal.public.routes.js';
import type { Language } from './portal.texts.js';

interface TextInput {
  language: Language;
  title: string;
  summary?: string;
  body: string;
  /** When the text is public; null leaves it a draft. Default: an hour ago. */
  publishAt?: Date | null;
  /** The editors' working copy, when it differs from what was published. */
  workingTitle?: string;
}

async function insertText(
  db: Db,
  owner: { theme_id: string } | { news_id: string },
  text: TextInput,
): Promise<void> {
  const textId = randomUUID();
  const revisionId = randomUUID();
  await db
    .insertInto('portal_text')
    .values({
      id: textId,
      theme_id: null,
      news_id: null,
      ...owner,
      language: text.language,
      title: text.workingTitle ?? text.title,
      summary: text.summary ?? '',
      body: text.body,
      revision: 1,
      published_revision_id: null,
      publish_at: null,
      updated_by: null,
    })
    .execute();
  await db
    .insertInto('portal_revision')
    .values({
      id: revisionId,
      text_id: textId,
      number: 1,
      title: text.title,
      summary: text.summary ?? '',
      body: text.body,
      origin: 'edit',
      restored_from: null,
      created_by: null,
    })
    .execute();
  const publishAt =
    text.publishAt === undefined ? new Date(Date.now() - 3_600_000) : text.publishAt;
  if (publishAt !== null) {
    await db
      .updateTable('portal_text')
      .set({ published_revision_id: revisionId, publish_at: publishAt })
      .where('id', '=', textId)
      .execute();
  }
}

async function publishTheme(
  db: Db,
  slug: string,
  texts: TextInput[],
  position = 0,
): Promise<string> {
  const id = randomUUID();
  await db.insertInto('portal_theme').values({ id, slug, position }).execute();
  for (const text of texts) await insertText(db, { theme_id: id }, text);
  invalidatePortalCache();
  return id;
}

async function publishNews(
  db: Db,
  slug: string,
  themeIds: string[],
  texts: TextInput[],
  options: { bodyId?: string; viewCount?: number } = {},
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('portal_news')
    .values({
      id,
      slug,
      body_id: options.bodyId ?? null,
      meeting_id: null,
      created_by: null,
      ...(options.viewCount !== undefined && { view_count: options.viewCount }),
    })
    .execute();
  for (const themeId of themeIds) {
    await db.insertInto('portal_news_theme').values({ news_id: id, theme_id: themeId }).execute();
  }
  for (const text of texts) await insertText(db, { news_id: id }, text);
  invalidatePortalCache();
  return id;
}

/**
 * html-validate's recommended rules, with one exception: `long-title` is off because
 * a page's title is the editor's own title (up to 200 characters) and must stay whole.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});

async function expectValidHtml(markup: string): Promise<void> {
  const report = await validator.validateString(markup);
  const messages = report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`),
  );
  expect(messages).toEqual([]);
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
const XSS = '<script>alert(1)</script>';

describe('public portal', () => {
  let node: TestNode;
  let db: Db;
  let securityId: string;
  let bodyId: string;

  beforeAll(async () => {
    node = await createTestNode();
    db = node.database.db;
    bodyId = randomUUID();
    await db
      .insertInto('consultation_body')
      .values({
        id: bodyId,
        code: 'senningen',
        names: JSON.stringify({
          nl: 'Senningen-overleg <b>&</b>',
          fr: 'Concertation de Senningen',
        }),
        level: 'ministerial',
        countries: ['BE', 'NL', 'LU'],
      })
      .execute();
    securityId = await publishTheme(db, 'security', [
      {
        language: 'nl',
        title: 'Veiligheid',
        summary: 'Samen werken aan veiligheid.',
        body: '# Wat we doen\n\nWe werken **samen**.\n\n## Details\n\nMeer tekst.',
        workingTitle: 'Ontwerptitel die niemand ziet',
      },
      {
        language: 'fr',
        title: 'Sécurité',
        summary: 'Ensemble pour la sécurité.',
        body: 'Nous travaillons ensemble.',
      },
    ]);
    await publishNews(
      db,
      'first-meeting',
      [securityId],
      [
        {
          language: 'nl',
          title: 'Eerste overleg',
          summary: 'Het eerste overleg vond plaats.',
          body: 'Het overleg in **Senningen**.\n\n## Besluiten\n\n- een\n- twee',
          publishAt: hoursAgo(2),
        },
        {
          language: 'fr',
          title: 'Première réunion',
          summary: '',
          body: 'La réunion de *Senningen* a eu lieu.',
          publishAt: hoursAgo(2),
        },
      ],
      { bodyId, viewCount: 1234 },
    );
  });

  afterAll(async () => {
    await node?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    node.inject({ method: 'GET', url, headers: { 'user-agent': 'Mozilla/5.0 test', ...headers } });

  describe('the home address', () => {
    it('redirects to the language the browser prefers, Dutch by default', async () => {
      const cases: [string | undefined, string][] = [
        [undefined, '/nl/'],
        ['fr-BE,fr;q=0.9,en;q=0.8', '/fr/'],
        ['en-GB,en;q=0.9', '/en/'],
        ['es-ES,de;q=0.5,fr;q=0.7', '/fr/'],
        ['ja', '/nl/'],
        ['de;q=0, en;q=0.1', '/en/'],
      ];
      for (const [header, location] of cases) {
        const response = await node.inject({
          method: 'GET',
          url: '/',
          headers: header === undefined ? {} : { 'accept-language': header },
        });
        expect(response.statusCode).toBe(302);
        expect(response.headers.location).toBe(location);
        expect(response.headers.vary).toContain('accept-language');
      }
      expect(preferredLanguage('garbage;;;q=x, ,')).toBe('nl');
    });

    it('redirects a bare language to its home page and refuses other first segments', async () => {
      const bare = await get('/de');
      expect(bare.statusCode).toBe(301);
      expect(bare.headers.location).toBe('/de/');
      expect((await get('/xx/')).statusCode).toBe(404);
      expect((await get('/xx/themes/security')).statusCode).toBe(404);
    });
  });

  describe('pages', () => {
    it('the home page lists the themes and the latest news, and is valid HTML', async () => {
      const response = await get('/nl/');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('<html lang="nl"');
      expect(response.body).toContain('href="/nl/themes/security">Veiligheid</a>');
      expect(response.body).toContain('href="/nl/news/first-meeting">Eerste overleg</a>');
      expect(response.body).toContain(
        '<link rel="alternate" hreflang="x-default" href="http://127.0.0.1:8080/">',
      );
      await expectValidHtml(response.body);
    });

    it('the theme page shows the published revision, its news, feeds, alternates and Open Graph', async () => {
      const response = await get('/nl/themes/security');
      expect(response.statusCode).toBe(200);
      const page = response.body;
      expect(page).toContain('<h1>Veiligheid</h1>');
      expect(page).not.toContain('Ontwerptitel');
      expect(page.match(/<h1[ >]/g)).toHaveLength(1);
      expect(page).toContain('<h2 id="general-heading">Algemeen</h2>');
      expect(page).toContain('<h2 id="news-heading">Actueel</h2>');
      // The body's own headings are shifted below the page's h1.
      expect(page).toContain('<h2>Wat we doen</h2>');
      expect(page).toContain('<h3>Details</h3>');
      expect(page).toContain('1.234 weergaven');
      expect(page).toMatch(/<time datetime="[0-9T:.-]+Z">\d{1,2} \w+ \d{4}<\/time>/);
      expect(page).toContain('Lees meer<span class="visually-hidden">: Eerste overleg</span>');
      expect(page).toContain('href="/nl/themes/security/news">Meer nieuws');
      expect(page).toContain(
        '<link rel="alternate" type="application/rss+xml" title="Veiligheid (RSS)" href="http://127.0.0.1:8080/nl/themes/security/feed.rss">',
      );
      expect(page).toContain(
        '<link rel="alternate" type="application/atom+xml" title="Veiligheid (Atom)" href="http://127.0.0.1:8080/nl/themes/security/feed.atom">',
      );
      expect(page).toContain(
        '<link rel="canonical" href="http://127.0.0.1:8080/nl/themes/security">',
      );
      expect(page).toContain(
        '<link rel="alternate" hreflang="fr" href="http://127.0.0.1:8080/fr/themes/security">',
      );
      expect(page).not.toContain('hreflang="de" href');
      expect(page).toContain(
        '<link rel="alternate" hreflang="x-default" href="http://127.0.0.1:8080/nl/themes/security">',
      );
      expect(page).toContain('<meta property="og:title" content="Veiligheid">');
      expect(page).toContain(
        '<meta property="og:description" content="Samen werken aan veiligheid.">',
      );
      expect(page).toContain('<meta property="og:type" content="website">');
      expect(page).toContain(
        '<meta property="og:url" content="http://127.0.0.1:8080/nl/themes/security">',
      );
      expect(page).toContain('<meta property="og:locale" content="nl_BE">');
      expect(page).toContain('<meta property="og:site_name" content="Senningen">');
      // Language switch: the languages the theme exists in, the current one marked.
      expect(page).toContain(
        '<a href="/nl/themes/security" lang="nl" hreflang="nl" aria-current="true">Nederlands</a>',
      );
      expect(page).toContain('<a href="/fr/themes/security" lang="fr" hreflang="fr">Français</a>');
      expect(page).not.toContain('Deutsch');
      // Landmarks and the skip link.
      expect(page).toContain('<a class="skip-link" href="#main">Naar de inhoud</a>');
      expect(page).toMatch(/<header[^>]*>[\s\S]*<nav[^>]*>[\s\S]*<main id="main"[\s\S]*<footer/);
      await expectValidHtml(page);
    });

    it('the French theme page is in French, with the excerpt made from the body', async () => {
      const page = (await get('/fr/themes/security')).body;
      expect(page).toContain('<html lang="fr"');
      expect(page).toContain('<h2 id="general-heading">Généralités</h2>');
      expect(page).toContain('<h2 id="news-heading">Actualités</h2>');
      expect(page).toContain('1\u202f234 vues');
      expect(page).toContain('<p>La réunion de Senningen a eu lieu.</p>');
      expect(page).toContain('<meta property="og:locale" content="fr_BE">');
      await expectValidHtml(page);
    });

    it('the news item page shows its date, views, body, themes and consultation body', async () => {
      const response = await get('/nl/news/first-meeting');
      expect(response.statusCode).toBe(200);
      const page = response.body;
      expect(page).toContain('<h1>Eerste overleg</h1>');
      expect(page).toContain('1.234 weergaven');
      expect(page).toContain('<strong>Senningen</strong>');
      // A body whose first heading is `##` starts at h2 as well.
      expect(page).toContain('<h2>Besluiten</h2>');
      expect(page).toContain('<li><a href="/nl/themes/security">Veiligheid</a></li>');
      expect(page).toContain('Afkomstig van: Senningen-overleg &lt;b&gt;&amp;&lt;/b&gt;');
      expect(page).toContain('<meta property="og:type" content="article">');
      expect(page).toMatch(/<time datetime="[0-9T:.-]+Z">/);
      await expectValidHtml(page);
      const french = (await get('/fr/news/first-meeting')).body;
      expect(french).toContain('Source : Concertation de Senningen');
    });

    it('an unknown address answers a plain 404 page in the language asked for', async () => {
      for (const url of [
        '/nl/themes/nothing-here',
        '/nl/news/nothing-here',
        '/en/news/Bad_Slug!',
      ]) {
        const response = await get(url);
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      }
      const page = (await get('/en/themes/nothing-here')).body;
      expect(page).toContain('<h1>Page not found</h1>');
      expect(page).toContain('<meta name="robots" content="noindex">');
      await expectValidHtml(page);
    });

    it('a theme or item missing in a language answers 404 in that language, linking to the others', async () => {
      const theme = await get('/de/themes/security');
      expect(theme.statusCode).toBe(404);
      expect(theme.body).toContain('<html lang="de"');
      expect(theme.body).toContain('<h1>Diese Seite gibt es nicht auf Deutsch</h1>');
      expect(theme.body).toContain(
        '<li><a href="/nl/themes/security" lang="nl" hreflang="nl">Nederlands</a></li>',
      );
      expect(theme.body).toContain(
        '<li><a href="/fr/themes/security" lang="fr" hreflang="fr">Français</a></li>',
      );
      expect(theme.body).not.toContain('/en/themes/security"');
      await expectValidHtml(theme.body);

      const item = await get('/en/news/first-meeting');
      expect(item.statusCode).toBe(404);
      expect(item.body).toContain('<h1>This page does not exist in English</h1>');
      expect(item.body).toContain('href="/nl/news/first-meeting"');
      expect(item.body).toContain('href="/fr/news/first-meeting"');
      await expectValidHtml(item.body);

      const archive = await get('/en/themes/security/news');
      expect(archive.statusCode).toBe(404);
      expect(archive.body).toContain('href="/fr/themes/security/news"');
    });
  });

  describe('escaping', () => {
    it('escapes every user-supplied field and keeps Markdown harmless', async () => {
      const themeId = await publishTheme(db, 'escaping', [
        {
          language: 'en',
          title: XSS,
          summary: `"><img src=x onerror=alert(1)>`,
          body: `<script>alert(2)</script>\n\n[x](javascript:alert(3)) <img src=x onerror=alert(4)>`,
        },
      ]);
      await publishNews(
        db,
        'escaping-news',
        [themeId],
        [
          {
            language: 'en',
            title: `${XSS} & "quotes"`,
            summary: `<b onmouseover="alert(5)">summary</b>`,
            body: '![x](javascript:alert(6)) ![y](data:image/png;base64,AAAA)',
          },
        ],
        { bodyId },
      );
      await db
        .updateTable('consultation_body')
        .set({ names: JSON.stringify({ en: `<img src=x onerror=alert(7)>` }) })
        .where('id', '=', bodyId)
        .execute();
      invalidatePortalCache();

      const pages = [
        (await get('/en/themes/escaping')).body,
        (await get('/en/themes/escaping/news')).body,
        (await get('/en/news/escaping-news')).body,
        (await get('/en/')).body,
      ];
      for (const page of pages) {
        expect(page).not.toMatch(/<script/i);
        expect(page).not.toMatch(/<img src=x/i);
        expect(page).not.toMatch(/<b onmouseover/i);
        expect(page).not.toMatch(/href="javascript:/i);
        expect(page).not.toMatch(/src="(javascript|data):/i);
        expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        await expectValidHtml(page);
      }
      const item = pages[2] ?? '';
      expect(item).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
      expect(item).toContain('From: &lt;img src=x onerror=alert(7)&gt;');
      expect(item).toContain(
        'content="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"',
      );
      const theme = pages[0] ?? '';
      expect(theme).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      expect(theme).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');

      // Feeds: titles are plain text (kept whole, in CDATA or escaped); descriptions and
      // contents are HTML, so the summary arrives escaped and the body as safe Markdown.
      for (const kind of ['rss', 'atom']) {
        const feed = (await get(`/en/themes/escaping/feed.${kind}`)).body;
        expect(feed).not.toContain('<b onmouseover');
        expect(feed).not.toMatch(/(href|src)=("|&quot;)(javascript|data):/i);
        expect(feed).toContain('&lt;b onmouseover=&quot;alert(5)&quot;&gt;summary&lt;/b&gt;');
      }
      const rss = xml.parse((await get('/en/themes/escaping/feed.rss')).body) as {
        rss: { channel: { item: { title: string } } };
      };
      expect(rss.rss.channel.item.title).toBe(`${XSS} & "quotes"`);
    });
  });

  describe('the news archive', () => {
    let pagingId: string;
    const item = (n: number) => ({
      language: 'en' as const,
      title: `Item ${String(n).padStart(2, '0')}`,
      summary: `Summary ${n}`,
      body: `Body ${n}`,
      // Item 1 is the oldest.
      publishAt: new Date(Date.now() - (100 - n) * 60_000),
    });

    beforeAll(async () => {
      pagingId = await publishTheme(db, 'paging', [
        { language: 'en', title: 'Paging', body: 'The paging theme.' },
      ]);
    });

    it('shows exactly 10 items on one page', async () => {
      for (let n = 1; n <= 10; n += 1) {
        await publishNews(db, `paging-${n}`, [pagingId], [item(n)]);
      }
      const first = await get('/en/themes/paging/news');
      expect(first.statusCode).toBe(200);
      expect(first.body.match(/<article>/g)).toHaveLength(10);
      expect(first.body).not.toContain('class="pagination"');
      expect(first.body.indexOf('Item 10')).toBeLessThan(first.body.indexOf('Item 01'));
      await expectValidHtml(first.body);
      expect((await get('/en/themes/paging/news?page=2')).statusCode).toBe(404);
      // The theme page shows the latest five.
      const theme = (await get('/en/themes/paging')).body;
      expect(theme.match(/<article>/g)).toHaveLength(5);
      expect(theme).toContain('Item 10');
      expect(theme).toContain('Item 06');
      expect(theme).not.toContain('Item 05');
    });

    it('moves the eleventh item to a second, last page', async () => {
      await publishNews(db, 'paging-11', [pagingId], [item(11)]);
      const first = await get('/en/themes/paging/news?page=1');
      expect(first.body.match(/<article>/g)).toHaveLength(10);
      expect(first.body).toContain('Page 1 of 2');
      expect(first.body).toContain('href="/en/themes/paging/news?page=2" rel="next"');
      expect(first.body).not.toContain('Item 01');
      await expectValidHtml(first.body);

      const last = await get('/en/themes/paging/news?page=2');
      expect(last.statusCode).toBe(200);
      expect(last.body.match(/<article>/g)).toHaveLength(1);
      expect(last.body).toContain('Item 01');
      expect(last.body).toContain('Page 2 of 2');
      expect(last.body).toContain('href="/en/themes/paging/news" rel="prev"');
      expect(last.body).not.toContain('rel="next"');
      expect(last.body).toContain(
        '<link rel="canonical" href="http://127.0.0.1:8080/en/themes/paging/news?page=2">',
      );
      await expectValidHtml(last.body);
    });

    it('answers 404 beyond the last page and for page numbers that are not numbers', async () => {
      for (const page of ['3', '0', '-1', 'abc', '1.5', '99999999999', '%00']) {
        const response = await get(`/en/themes/paging/news?page=${page}`);
        expect(response.statusCode).toBe(page === '%00' ? 400 : 404);
      }
      const twice = await get('/en/themes/paging/news?page=1&page=2');
      expect(twice.statusCode).toBe(404);
    });
  });

  describe('scheduled content', () => {
    it('is not shown before its time and is shown once the time has come', async () => {
      const themeId = await publishTheme(db, 'scheduled', [
        { language: 'en', title: 'Scheduled theme', body: 'Body.' },
        { language: 'nl', title: 'Later thema', body: 'Body.', publishAt: hoursAgo(-1) },
      ]);
      const soon = new Date(Date.now() + 2500);
      await publishNews(
        db,
        'scheduled-soon',
        [themeId],
        [{ language: 'en', title: 'Soon published', body: 'Soon.', publishAt: soon }],
      );
      await publishNews(
        db,
        'scheduled-later',
        [themeId],
        [{ language: 'en', title: 'Later published', body: 'Later.', publishAt: hoursAgo(-2) }],
      );
      await publishNews(
        db,
        'never-published',
        [themeId],
        [{ language: 'en', title: 'Only a draft', body: 'Draft.', publishAt: null }],
      );

      const before = (await get('/en/themes/scheduled')).body;
      expect(before).not.toContain('Soon published');
      expect(before).not.toContain('Later published');
      expect(before).not.toContain('Only a draft');
      expect(before).not.toContain('hreflang="nl"');
      expect((await get('/en/news/scheduled-soon')).statusCode).toBe(404);
      expect((await get('/en/news/never-published')).statusCode).toBe(404);
      expect((await get('/nl/themes/scheduled')).statusCode).toBe(404);
      expect((await get('/sitemap.xml')).body).not.toContain('scheduled-soon');

      // The rendered page is kept no longer than the next publication it knows of.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, soon.getTime() - Date.now() + 50)),
      );
      const after = (await get('/en/themes/scheduled')).body;
      expect(after).toContain('Soon published');
      expect(after).not.toContain('Later published');
      expect((await get('/en/news/scheduled-soon')).statusCode).toBe(200);

      // Moved into the past (as time would), and the cache dropped as an edit does.
      await db
        .updateTable('portal_text')
        .set({ publish_at: hoursAgo(0.5) })
        .where('title', 'in', ['Later published', 'Later thema'])
        .execute();
      invalidatePortalCache();
      expect((await get('/en/themes/scheduled')).body).toContain('Later published');
      expect((await get('/nl/themes/scheduled')).statusCode).toBe(200);
    });
  });

  describe('caching', () => {
    it('answers 304 to a matching If-None-Match and a new ETag after a change', async () => {
      const first = await get('/nl/themes/security');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');

      const again = await get('/nl/themes/security', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);

      const other = await get('/nl/themes/security', { 'if-none-match': '"something-else"' });
      expect(other.statusCode).toBe(200);

      await publishNews(
        db,
        'caching-news',
        [securityId],
        [{ language: 'nl', title: 'Nieuw bericht', body: 'Nieuw.' }],
      );
      const changed = await get('/nl/themes/security', { 'if-none-match': etag });
      expect(changed.statusCode).toBe(200);
      expect(changed.body).toContain('Nieuw bericht');
      expect(changed.headers.etag).not.toBe(etag);
    });

    it('serves the stylesheet for long and feeds for five minutes', async () => {
      const page = (await get('/nl/')).body;
      const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page)?.[1] ?? '';
      expect(href).toMatch(/^\/portal\.css\?v=/);
      const css = await get(href);
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const feed = await get('/nl/themes/security/feed.rss');
      expect(feed.headers['cache-control']).toBe('public, max-age=300');
    });
  });

  describe('feeds, sitemap and robots.txt', () => {
    it('the RSS feed is RSS 2.0 with the required elements and absolute links', async () => {
      const response = await get('/nl/themes/security/feed.rss');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      const parsed = xml.parse(response.body) as {
        rss: {
          '@_version': string;
          channel: { title: string; link: string; description: string; item: unknown };
        };
      };
      expect(parsed.rss['@_version']).toBe('2.0');
      const { channel } = parsed.rss;
      expect(channel.title).toContain('Veiligheid');
      expect(channel.link).toBe('http://127.0.0.1:8080/nl/themes/security');
      expect(channel.description).toBe('Samen werken aan veiligheid.');
      const items = [channel.item].flat() as {
        title: string;
        link: string;
        guid: string | { '#text': string };
        pubDate: string;
      }[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.title).not.toBe('');
        expect(item.link).toMatch(/^http:\/\/127\.0\.0\.1:8080\/nl\/news\/[a-z0-9-]+$/);
        expect(typeof item.guid === 'string' ? item.guid : item.guid['#text']).toBe(item.link);
        expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      }
      expect(items.map((i) => i.title)).toContain('Eerste overleg');
    });

    it('the Atom feed is Atom 1.0 with the required elements', async () => {
      const response = await get('/fr/themes/security/feed.atom');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const parsed = xml.parse(response.body) as {
        feed: {
          '@_xmlns': string;
          id: string;
          title: string | { '#text': string };
          updated: string;
          entry: unknown;
        };
      };
      const { feed } = parsed;
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.id).toBe('http://127.0.0.1:8080/fr/themes/security');
      expect(JSON.stringify(feed.title)).toContain('Sécurité');
      expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
      const entries = [feed.entry].flat() as {
        id: string;
        title: unknown;
        updated: string;
        link: { '@_href': string } | { '@_href': string }[];
      }[];
      expect(entries).toHaveLength(1);
      for (const entry of entries) {
        expect(entry.id).toBe('http://127.0.0.1:8080/fr/news/first-meeting');
        expect(JSON.stringify(entry.title)).toContain('Première réunion');
        expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
        expect([entry.link].flat()[0]?.['@_href']).toBe(
          'http://127.0.0.1:8080/fr/news/first-meeting',
        );
      }
    });

    it('a feed of a theme missing in the language is a 404', async () => {
      expect((await get('/de/themes/security/feed.rss')).statusCode).toBe(404);
      expect((await get('/nl/themes/nothing/feed.atom')).statusCode).toBe(404);
    });

    it('the sitemap lists every public page in every language with its alternates', async () => {
      const response = await get('/sitemap.xml');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
      const parsed = xml.parse(response.body) as {
        urlset: {
          url: {
            loc: string;
            'xhtml:link': { '@_hreflang': string; '@_href': string }[] | { '@_hreflang': string };
          }[];
        };
      };
      const locs = parsed.urlset.url.map((u) => u.loc);
      for (const language of ['nl', 'fr', 'de', 'en']) {
        expect(locs).toContain(`http://127.0.0.1:8080/${language}/`);
      }
      expect(locs).toContain('http://127.0.0.1:8080/nl/themes/security');
      expect(locs).toContain('http://127.0.0.1:8080/fr/themes/security');
      expect(locs).not.toContain('http://127.0.0.1:8080/de/themes/security');
      expect(locs).toContain('http://127.0.0.1:8080/nl/themes/security/news');
      expect(locs).toContain('http://127.0.0.1:8080/fr/news/first-meeting');
      const security = parsed.urlset.url.find(
        (u) => u.loc === 'http://127.0.0.1:8080/nl/themes/security',
      );
      const alternates = [security?.['xhtml:link'] ?? []].flat() as {
        '@_hreflang': string;
        '@_href': string;
      }[];
      expect(alternates.map((a) => [a['@_hreflang'], a['@_href']])).toEqual([
        ['nl', 'http://127.0.0.1:8080/nl/themes/security'],
        ['fr', 'http://127.0.0.1:8080/fr/themes/security'],
      ]);
    });

    it('robots.txt allows all, keeps out of the workspace and the API, and names the sitemap', async () => {
      const response = await get('/robots.txt');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.body).toContain('User-agent: *\nAllow: /\nDisallow: /app/\nDisallow: /api/');
      expect(response.body).toContain('Sitemap: http://127.0.0.1:8080/sitemap.xml');
    });
  });

  it('the pages allow no inline script (the CSP applies)', async () => {
    const response = await get('/nl/themes/security');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.body).not.toMatch(/<script/i);
    expect(response.body).not.toMatch(/ on[a-z]+=/i);
  });
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
