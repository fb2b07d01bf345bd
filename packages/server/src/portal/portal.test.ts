import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import type { DatabaseHandle } from '../kernel/db/database.js';
import type { Role } from '../kernel/policy/roles.js';
import {
  bearer,
  createTestAgency,
  createTestUser,
  issueToken,
  type TestNode,
  type TestUser,
} from '../test-support/app.js';
import { createTestDatabase } from '../test-support/database.js';
import type {
  NewsDetail,
  NewsList,
  PortalText,
  RevisionList,
  ThemeDetail,
  ThemeList,
} from './portal.schemas.js';
import { insertNewsItem } from './portal.service.js';
import { newsSlug, slugify } from './slug.js';

/**
 * The editing side of the public portal through the real HTTP app: editors write
 * themes and news items, every save is a revision, publications are scheduled by
 * the (injected) clock and audited in the same transaction; nobody else may edit,
 * and an editor reaches nothing of the police data.
 */

/** How far the service's clock is ahead of the real one. */
let clockOffsetMs = 0;
const clock = () => new Date(Date.now() + clockOffsetMs);

let app: App;
let database: DatabaseHandle;
let editorUser: TestUser;
let editor: string;
const others: Partial<Record<Role, string>> = {};
let bodyId: string;

interface Result<T> {
  status: number;
  headers: Record<string, unknown>;
  text: string;
  body: T;
}

async function call<T = unknown>(
  token: string | null,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
): Promise<Result<T>> {
  const response = await app.server.inject({
    method,
    url,
    headers: token === null ? {} : bearer(token),
    ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
  });
  const type = String(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    headers: response.headers,
    text: response.body,
    body: (type.includes('json') ? response.json() : undefined) as T,
  };
}

async function ok<T>(method: InjectOptions['method'], url: string, payload?: unknown): Promise<T> {
  const result = await call<T>(editor, method, url, payload);
  if (result.status >= 300) throw new Error(`${method} ${url} → ${result.status} ${result.text}`);
  return result.body;
}

const code = (result: Result<unknown>) => (result.body as { code?: string } | undefined)?.code;

async function auditRows(action: string, objectId: string) {
  return database.db
    .selectFrom('audit_entry')
    .select(['action', 'object_type', 'object_id', 'request_id', 'details', 'actor_user_id'])
    .where('action', '=', action)
    .where('object_id', '=', objectId)
    .orderBy('seq')
    .execute();
}

const text = (title: string, body = `Body of ${title}.`, summary = '') => ({
  title,
  summary,
  body,
});

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({
    config: { logLevel: 'warn', publicUrl: 'https://portal.senningen.test' },
    db: database.db,
    dataKey: randomBytes(32),
    webDir: '/nonexistent',
    logStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
    exchange: { deadlineWatcher: false },
    portal: { clock },
  });
  const node = { database } as TestNode;
  const db = database.db;
  const secretariat = await createTestAgency(db, { kind: 'secretariat' });
  const police = await createTestAgency(db, { country: 'BE' });
  editorUser = await createTestUser(db, Buffer.alloc(32), {
    agencyId: secretariat.id,
    roles: ['editor'],
  });
  editor = await issueToken(node, editorUser);
  for (const role of ['officer', 'spoc', 'supervisor', 'analyst', 'dpo', 'admin'] as const) {
    const user = await createTestUser(db, Buffer.alloc(32), { agencyId: police.id, roles: [role] });
    others[role] = await issueToken(node, user);
  }
  bodyId = randomUUID();
  await db
    .insertInto('consultation_body')
    .values({
      id: bodyId,
      code: 'hazeldonk',
      names: JSON.stringify({ nl: 'Hazeldonk-overleg', fr: 'Concertation de Hazeldonk' }),
      level: 'operational',
      countries: ['BE', 'NL'],
    })
    .execute();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('slugs', () => {
  it('are made from the title without diacritics, prefixed with the date', () => {
    expect(slugify('  Grensoverschrijdende  samenwerking: één stap verder! ')).toBe(
      'grensoverschrijdende-samenwerking-een-stap-verder',
    );
    expect(slugify('Straße & Œuvre')).toBe('strasse-oeuvre');
    expect(slugify('x'.repeat(50) + ' ' + 'y'.repeat(50)).length).toBeLessThanOrEqual(80);
    expect(newsSlug(new Date('2026-03-10T23:30:00Z'), 'Réunion à Bruxelles')).toBe(
      '2026-03-11-reunion-a-bruxelles',
    );
    expect(newsSlug(new Date('2026-03-10T12:00:00Z'), '!!!')).toBe('2026-03-10');
  });
});

describe('portal editing', () => {
  let theme: ThemeDetail;
  let news: NewsDetail;

  it('creates a theme and refuses a slug that is taken', async () => {
    theme = await call<ThemeDetail>(editor, 'POST', '/api/v1/portal/themes', {
      slug: 'border-security',
      position: 2,
    }).then((r) => {
      expect(r.status).toBe(201);
      return r.body;
    });
    expect(theme).toMatchObject({ slug: 'border-security', position: 2, texts: [] });
    const again = await call(editor, 'POST', '/api/v1/portal/themes', { slug: 'border-security' });
    expect(again.status).toBe(409);
    expect(code(again)).toBe('slug_taken');
    const bad = await call(editor, 'POST', '/api/v1/portal/themes', { slug: 'Border Security' });
    expect(bad.status).toBe(400);
    expect(await auditRows('portal.theme.create', theme.id)).toHaveLength(1);
  });

  it('writes a theme text in two languages', async () => {
    const nl = await ok<PortalText>('PUT', `/api/v1/portal/themes/${theme.id}/texts/nl`, {
      ...text('Grensbeveiliging', 'Samen bewaken we de grens.', 'Samenwerking aan de grens.'),
    });
    expect(nl).toMatchObject({
      language: 'nl',
      revision: 1,
      state: 'draft',
      publishedRevision: null,
      publishAt: null,
      updatedBy: expect.stringContaining('Test User') as unknown,
    });
    await ok('PUT', `/api/v1/portal/themes/${theme.id}/texts/fr`, text('Sécurité frontalière'));
    const detail = await ok<ThemeDetail>('GET', `/api/v1/portal/themes/${theme.id}`);
    expect(detail.texts.map((t) => t.language)).toEqual(['nl', 'fr']);
    const list = await ok<ThemeList>('GET', '/api/v1/portal/themes');
    expect(list.items.find((t) => t.id === theme.id)).toMatchObject({
      titles: { nl: 'Grensbeveiliging', fr: 'Sécurité frontalière' },
      states: { nl: 'draft', fr: 'draft' },
    });
  });

  it('creates a news item with texts in nl and fr and a slug made from the title', async () => {
    const response = await call<NewsDetail>(editor, 'POST', '/api/v1/portal/news', {
      themeIds: [theme.id],
      bodyId,
      texts: [
        { language: 'nl', ...text('Gezamenlijke patrouille in Hazeldonk', 'Eerste versie.') },
        { language: 'fr', ...text('Patrouille commune à Hazeldonk', 'Première version.') },
      ],
    });
    expect(response.status).toBe(201);
    news = response.body;
    expect(news.slug).toMatch(/^\d{4}-\d{2}-\d{2}-gezamenlijke-patrouille-in-hazeldonk$/);
    expect(news).toMatchObject({ themeIds: [theme.id], bodyId, meetingId: null, viewCount: 0 });
    expect(news.texts.map((t) => [t.language, t.revision, t.state])).toEqual([
      ['nl', 1, 'draft'],
      ['fr', 1, 'draft'],
    ]);
    const create = await auditRows('portal.news.create', news.id);
    expect(create).toHaveLength(1);
    expect(create[0]?.details).toMatchObject({ slug: news.slug, languages: 'nl,fr' });

    // The same title the same day: the slug is made unique.
    const twin = await ok<NewsDetail>('POST', '/api/v1/portal/news', {
      themeIds: [theme.id],
      texts: [{ language: 'nl', ...text('Gezamenlijke patrouille in Hazeldonk') }],
    });
    expect(twin.slug).toBe(`${news.slug}-2`);
    const taken = await call(editor, 'POST', '/api/v1/portal/news', {
      slug: news.slug,
      themeIds: [theme.id],
    });
    expect(taken.status).toBe(409);
    expect(code(taken)).toBe('slug_taken');
  });

  it('keeps every save as a revision and detects a stale edit', async () => {
    const url = `/api/v1/portal/news/${news.id}/texts/nl`;
    const second = await ok<PortalText>('PUT', url, {
      ...text('Gezamenlijke patrouille in Hazeldonk', 'Tweede versie.'),
      baseRevision: 1,
    });
    expect(second).toMatchObject({ revision: 2, body: 'Tweede versie.' });
    const third = await ok<PortalText>('PUT', url, {
      ...text('Gezamenlijke patrouille', 'Derde versie.'),
      baseRevision: 2,
    });
    expect(third.revision).toBe(3);
    const stale = await call(editor, 'PUT', url, {
      ...text('Oud', 'Oude basis.'),
      baseRevision: 2,
    });
    expect(stale.status).toBe(409);
    expect(code(stale)).toBe('revision_conflict');
    const revisions = await ok<RevisionList>('GET', `${url}/revisions`);
    expect(revisions.items.map((r) => [r.number, r.body, r.origin])).toEqual([
      [3, 'Derde versie.', 'edit'],
      [2, 'Tweede versie.', 'edit'],
      [1, 'Eerste versie.', 'edit'],
    ]);
    expect((await auditRows('portal.text.save', news.id)).map((r) => r.details)).toEqual([
      { language: 'nl', revision: 2 },
      { language: 'nl', revision: 3 },
    ]);
  });

  it('restores an old revision as a new one, without publishing it', async () => {
    const url = `/api/v1/portal/news/${news.id}/texts/nl`;
    const restored = await ok<PortalText>('POST', `${url}/revisions/1/restore`, {});
    expect(restored).toMatchObject({
      revision: 4,
      title: 'Gezamenlijke patrouille in Hazeldonk',
      body: 'Eerste versie.',
      state: 'draft',
    });
    const revisions = await ok<RevisionList>('GET', `${url}/revisions`);
    expect(revisions.items[0]).toMatchObject({
      number: 4,
      origin: 'restore',
      restoredFrom: 1,
      body: 'Eerste versie.',
      published: false,
    });
    expect(revisions.items).toHaveLength(4);
    const missing = await call(editor, 'POST', `${url}/revisions/99/restore`);
    expect(missing.status).toBe(404);
    expect(await auditRows('portal.text.restore', news.id)).toHaveLength(1);
  });

  it('publishes in the same transaction as its audit entry; a refused publication leaves none', async () => {
    const url = `/api/v1/portal/news/${news.id}/texts/fr`;
    const past = await call(editor, 'POST', `${url}/publish`, {
      at: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(past.status).toBe(422);
    expect(code(past)).toBe('publish_at_past');
    expect(await auditRows('portal.text.publish', news.id)).toHaveLength(0);
    expect(await auditRows('portal.text.schedule', news.id)).toHaveLength(0);

    const published = await call<PortalText>(editor, 'POST', `${url}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      state: 'published',
      publishedRevision: 1,
      changed: false,
    });
    const entries = await auditRows('portal.text.publish', news.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      object_type: 'portal_news',
      actor_user_id: editorUser.id,
      details: { language: 'fr', revision: 1, publishAt: published.body.publishAt },
    });
    const stored = await database.db
      .selectFrom('portal_text')
      .innerJoin('portal_revision', 'portal_revision.id', 'portal_text.published_revision_id')
      .select(['portal_revision.number', 'portal_text.publish_at'])
      .where('portal_text.news_id', '=', news.id)
      .where('portal_text.language', '=', 'fr')
      .executeTakeFirstOrThrow();
    expect(stored.number).toBe(1);

    // The public sees it, in French only.
    const page = await call(null, 'GET', `/fr/news/${news.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Patrouille commune à Hazeldonk');
    expect((await call(null, 'GET', `/nl/news/${news.slug}`)).status).toBe(404);

    // A newer revision published again keeps the publication date.
    await ok('PUT', url, text('Patrouille commune à Hazeldonk', 'Deuxième version.'));
    const edited = await ok<PortalText>('GET', `/api/v1/portal/news/${news.id}`).then((d) =>
      (d as unknown as NewsDetail).texts.find((t) => t.language === 'fr'),
    );
    expect(edited).toMatchObject({ revision: 2, publishedRevision: 1, changed: true });
    const republished = await ok<PortalText>('POST', `${url}/publish`, {});
    expect(republished).toMatchObject({ publishedRevision: 2, changed: false });
    expect(republished.publishAt).toBe(published.body.publishAt);
    expect((await call(null, 'GET', `/fr/news/${news.slug}`)).text).toContain('Deuxième version.');
  });

  it('schedules a publication: public only once its time has come', async () => {
    const url = `/api/v1/portal/news/${news.id}/texts/nl`;
    const at = new Date(Date.now() + 3_600_000);
    const scheduled = await ok<PortalText>('POST', `${url}/publish`, { at: at.toISOString() });
    expect(scheduled).toMatchObject({
      state: 'scheduled',
      publishedRevision: 4,
      publishAt: at.toISOString(),
    });
    const entries = await auditRows('portal.text.schedule', news.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ language: 'nl', publishAt: at.toISOString() });
    // Not yet public.
    expect((await call(null, 'GET', `/nl/news/${news.slug}`)).status).toBe(404);
    const scheduledList = await ok<NewsList>('GET', '/api/v1/portal/news?state=scheduled');
    expect(scheduledList.items.map((i) => i.id)).toEqual([news.id]);
    expect(scheduledList.items[0]?.publishAt).not.toBeNull();

    // Two hours later, by the service's clock, the publication has come.
    clockOffsetMs = 2 * 3_600_000;
    try {
      const later = await ok<NewsDetail>('GET', `/api/v1/portal/news/${news.id}`);
      expect(later.texts.find((t) => t.language === 'nl')?.state).toBe('published');
      const list = await ok<NewsList>('GET', '/api/v1/portal/news?state=scheduled');
      expect(list.items).toEqual([]);
      const live = await ok<NewsList>('GET', '/api/v1/portal/news?state=published');
      expect(live.items.find((i) => i.id === news.id)?.states).toEqual({
        nl: 'published',
        fr: 'published',
      });
    } finally {
      clockOffsetMs = 0;
    }

    // Published now instead: the public sees it at once.
    const now = await ok<PortalText>('POST', `${url}/publish`);
    expect(now.state).toBe('published');
    const page = await call(null, 'GET', `/nl/news/${news.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Eerste versie.');

    // A public text cannot be scheduled: that would hide it until then.
    const hide = await call(editor, 'POST', `${url}/publish`, {
      at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(hide.status).toBe(409);
    expect(hide.body).toMatchObject({ code: 'already_public' });
    expect((await call(null, 'GET', `/nl/news/${news.slug}`)).status).toBe(200);
  });

  it('unpublishes a text', async () => {
    const url = `/api/v1/portal/news/${news.id}/texts/nl`;
    const draft = await ok<PortalText>('POST', `${url}/unpublish`, {});
    expect(draft).toMatchObject({ state: 'draft', publishedRevision: null, publishAt: null });
    expect((await call(null, 'GET', `/nl/news/${news.slug}`)).status).toBe(404);
    const again = await call(editor, 'POST', `${url}/unpublish`);
    expect(again.status).toBe(409);
    expect(await auditRows('portal.text.unpublish', news.id)).toHaveLength(1);
  });

  it('lists and filters news items', async () => {
    const all = await ok<NewsList>('GET', '/api/v1/portal/news');
    expect(all.total).toBe(2);
    const found = await ok<NewsList>('GET', '/api/v1/portal/news?q=patrouille&limit=1');
    expect(found.total).toBe(2);
    expect(found.items).toHaveLength(1);
    const drafts = await ok<NewsList>('GET', '/api/v1/portal/news?state=draft');
    expect(drafts.items.map((i) => i.id).sort()).toHaveLength(2);
    const otherTheme = await ok<ThemeDetail>('POST', '/api/v1/portal/themes', { slug: 'drugs' });
    const none = await ok<NewsList>('GET', `/api/v1/portal/news?themeId=${otherTheme.id}`);
    expect(none).toEqual({ items: [], total: 0 });
    const changed = await ok<NewsDetail>('PATCH', `/api/v1/portal/news/${news.id}`, {
      themeIds: [otherTheme.id, theme.id],
      bodyId: null,
    });
    expect(changed).toMatchObject({ bodyId: null });
    expect(changed.themeIds.sort()).toEqual([otherTheme.id, theme.id].sort());
    const one = await ok<NewsList>('GET', `/api/v1/portal/news?themeId=${otherTheme.id}`);
    expect(one.items.map((i) => i.id)).toEqual([news.id]);
    expect(await auditRows('portal.news.update', news.id)).toHaveLength(1);
  });

  it('previews the working copy as the public page, marked and not indexed', async () => {
    await ok(
      'PUT',
      `/api/v1/portal/news/${news.id}/texts/nl`,
      text('Nog niet openbaar', 'Concept.'),
    );
    const preview = await call(editor, 'GET', `/api/v1/portal/news/${news.id}/texts/nl/preview`);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toContain('text/html');
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.headers['x-robots-tag']).toBe('noindex');
    expect(preview.text).toContain('Nog niet openbaar');
    expect(preview.text).toContain('class="preview"');
    expect(preview.text).toContain('noindex');
    const themePreview = await call(
      editor,
      'GET',
      `/api/v1/portal/themes/${theme.id}/texts/nl/preview`,
    );
    expect(themePreview.status).toBe(200);
    expect(themePreview.text).toContain('Grensbeveiliging');
    const missing = await call(editor, 'GET', `/api/v1/portal/themes/${theme.id}/texts/de/preview`);
    expect(missing.status).toBe(404);
    const officer = await call(
      others.officer ?? '',
      'GET',
      `/api/v1/portal/news/${news.id}/texts/nl/preview`,
    );
    expect(officer.status).toBe(403);
  });
});

describe('validation', () => {
  let themeId: string;
  let newsId: string;
  let newsSlug: string;

  beforeAll(async () => {
    themeId = (await ok<ThemeDetail>('POST', '/api/v1/portal/themes', { slug: 'validation' })).id;
    const news = await ok<NewsDetail>('POST', '/api/v1/portal/news', { themeIds: [themeId] });
    newsId = news.id;
    newsSlug = news.slug;
  });

  it('refuses unknown properties', async () => {
    const theme = await call(editor, 'POST', '/api/v1/portal/themes', { slug: 'x', colour: 'red' });
    expect(theme.status).toBe(400);
    const save = await call(editor, 'PUT', `/api/v1/portal/news/${newsId}/texts/nl`, {
      ...text('Titel'),
      published: true,
    });
    expect(save.status).toBe(400);
    const publish = await call(editor, 'POST', `/api/v1/portal/news/${newsId}/texts/nl/publish`, {
      when: 'now',
    });
    expect(publish.status).toBe(400);
  });

  it('takes uploaded images, serves them, and requires alternative text and uploaded sources', async () => {
    // A real 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = (bytes: Buffer, type: string, token: string | null = editor) =>
      app.server.inject({
        method: 'POST',
        url: '/api/v1/portal/media',
        headers: { 'content-type': type, ...(token === null ? {} : bearer(token)) },
        payload: bytes,
      });
    const stored = await upload(png, 'image/png');
    expect(stored.statusCode).toBe(201);
    const image = stored.json<{ url: string; sha256: string; size: number }>();
    expect(image.url).toBe(`/media/${image.sha256}.png`);
    expect(image.size).toBe(png.length);
    // The same bytes again: the same image, stored once.
    expect((await upload(png, 'image/png')).json()).toEqual(image);
    const served = await call(null, 'GET', image.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toContain('immutable');
    const again = await app.server.inject({
      method: 'GET',
      url: image.url,
      headers: { 'if-none-match': String(served.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect((await call(null, 'GET', `/media/${image.sha256}.jpg`)).status).toBe(404);
    expect((await call(null, 'GET', '/media/nothing.png')).status).toBe(404);
    const fake = await upload(Buffer.from('GIF89a not a png'), 'image/png');
    expect(fake.statusCode).toBe(422);
    expect(fake.json()).toMatchObject({ code: 'media_type_mismatch' });
    expect((await upload(png, 'image/gif')).statusCode).toBe(415);
    expect((await upload(png, 'image/png', others.officer ?? '')).statusCode).toBe(403);
    expect(await auditRows('portal.media.upload', image.sha256)).toHaveLength(2);

    const url = `/api/v1/portal/news/${newsId}/texts/nl`;
    const noAlt = await call(editor, 'PUT', url, text('Titel', `Kijk:\n\n![](${image.url})`));
    expect(noAlt.status).toBe(422);
    expect(code(noAlt)).toBe('image_without_alt');
    const script = await call(editor, 'PUT', url, text('Titel', '![kaart](javascript:alert(1))'));
    expect(script.status).toBe(422);
    expect(code(script)).toBe('image_source');
    for (const source of ['https://example.org/k.png', 'http://example.org/k.png']) {
      const outside = await call(editor, 'PUT', url, text('Titel', `![kaart](${source})`));
      expect(code(outside)).toBe('image_source');
    }
    const never = await call(
      editor,
      'PUT',
      url,
      text('Titel', `![kaart](/media/${'b'.repeat(64)}.png)`),
    );
    expect(never.status).toBe(422);
    expect(code(never)).toBe('unknown_image');
    const good = await call<PortalText>(
      editor,
      'PUT',
      url,
      text('Titel', `![De kaart van de regio](${image.url})`),
    );
    expect(good.status).toBe(200);
    // A time less than a minute ago means now.
    const justNow = await call<PortalText>(editor, 'POST', `${url}/publish`, {
      at: new Date(Date.now() - 30_000).toISOString(),
    });
    expect(justNow.status).toBe(200);
    expect(justNow.body.state).toBe('published');
    const page = await call(null, 'GET', `/nl/news/${newsSlug}`);
    expect(page.text).toContain(`<img src="${image.url}" alt="De kaart van de regio"`);
    const created = await call(editor, 'POST', '/api/v1/portal/news', {
      themeIds: [themeId],
      texts: [{ language: 'fr', ...text('Titre', `![](${image.url})`) }],
    });
    expect(code(created)).toBe('image_without_alt');
  });

  it('refuses unknown themes, bodies, languages and empty texts', async () => {
    const theme = await call(editor, 'POST', '/api/v1/portal/news', { themeIds: [randomUUID()] });
    expect(theme.status).toBe(422);
    expect(code(theme)).toBe('unknown_theme');
    const noTheme = await call(editor, 'POST', '/api/v1/portal/news', { themeIds: [] });
    expect(noTheme.status).toBe(400);
    const body = await call(editor, 'POST', '/api/v1/portal/news', {
      themeIds: [themeId],
      bodyId: randomUUID(),
    });
    expect(body.status).toBe(422);
    expect(code(body)).toBe('unknown_body');
    const patch = await call(editor, 'PATCH', `/api/v1/portal/news/${newsId}`, {
      themeIds: [randomUUID()],
    });
    expect(code(patch)).toBe('unknown_theme');
    const language = await call(editor, 'PUT', `/api/v1/portal/news/${newsId}/texts/xx`, text('T'));
    expect([400, 404]).toContain(language.status);
    const blank = await call(editor, 'PUT', `/api/v1/portal/news/${newsId}/texts/de`, text('   '));
    expect(blank.status).toBe(400);
    const long = await call(editor, 'PUT', `/api/v1/portal/news/${newsId}/texts/de`, {
      ...text('T'),
      summary: 's'.repeat(601),
    });
    expect(long.status).toBe(400);
    const duplicate = await call(editor, 'POST', '/api/v1/portal/news', {
      themeIds: [themeId],
      texts: [
        { language: 'nl', ...text('Een') },
        { language: 'nl', ...text('Twee') },
      ],
    });
    expect(code(duplicate)).toBe('duplicate_language');
    const unknownNews = await call(
      editor,
      'PUT',
      `/api/v1/portal/news/${randomUUID()}/texts/nl`,
      text('T'),
    );
    expect(unknownNews.status).toBe(404);
    const noText = await call(editor, 'POST', `/api/v1/portal/news/${newsId}/texts/en/publish`);
    expect(noText.status).toBe(404);
  });
});

describe('who may edit', () => {
  it('refuses every other role the editing API', async () => {
    const theme = await ok<ThemeDetail>('POST', '/api/v1/portal/themes', { slug: 'access' });
    await ok('PUT', `/api/v1/portal/themes/${theme.id}/texts/nl`, text('Toegang'));
    for (const [role, token] of Object.entries(others)) {
      const attempts: [InjectOptions['method'], string, unknown?][] = [
        ['GET', '/api/v1/portal/themes'],
        ['GET', '/api/v1/portal/news'],
        ['GET', `/api/v1/portal/themes/${theme.id}`],
        ['POST', '/api/v1/portal/themes', { slug: `by-${role}` }],
        ['PUT', `/api/v1/portal/themes/${theme.id}/texts/nl`, text('Overgenomen')],
        ['POST', `/api/v1/portal/themes/${theme.id}/texts/nl/publish`, {}],
        ['GET', `/api/v1/portal/themes/${theme.id}/texts/nl/revisions`],
      ];
      for (const [method, url, payload] of attempts) {
        const result = await call(token, method, url, payload);
        expect(result.status, `${role} ${method} ${url}`).toBe(403);
      }
    }
    const after = await ok<ThemeDetail>('GET', `/api/v1/portal/themes/${theme.id}`);
    expect(after.texts[0]).toMatchObject({ title: 'Toegang', revision: 1, state: 'draft' });
    expect((await call(null, 'GET', '/api/v1/portal/themes')).status).toBe(401);
  });

  it('gives an editor nothing of the police data', async () => {
    for (const url of [
      '/api/v1/exchange/requests',
      '/api/v1/exchange/statistics',
      '/api/v1/audit/entries',
      '/api/v1/users',
    ]) {
      const result = await call(editor, 'GET', url);
      expect(result.status, url).toBe(403);
    }
  });
});

describe('API description', () => {
  it('documents the editing routes', async () => {
    const response = await call<{ paths: Record<string, unknown> }>(
      null,
      'GET',
      '/api/openapi.json',
    );
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/portal/news',
        '/api/v1/portal/news/{id}/texts/{language}/publish',
        '/api/v1/portal/themes/{id}/texts/{language}/revisions/{number}/restore',
      ]),
    );
  });
});

describe('insertNewsItem', () => {
  it('creates a news item inside the caller’s transaction', async () => {
    const themeId = (await ok<ThemeDetail>('POST', '/api/v1/portal/themes', { slug: 'meetings' }))
      .id;
    const ctx = {
      actor: {
        userId: editorUser.id,
        username: editorUser.username,
        agencyId: editorUser.agencyId,
        country: 'BE',
      },
      clientAddress: null,
      requestId: null,
    };
    const created = await database.db.transaction().execute((trx) =>
      insertNewsItem(trx, ctx, {
        themeIds: [themeId],
        bodyId,
        texts: [
          { language: 'nl', title: 'Vergadering van het overleg', summary: 'Kort.', body: 'Lang.' },
          { language: 'fr', title: 'Réunion de la concertation', summary: 'Bref.', body: 'Long.' },
        ],
      }),
    );
    expect(created.slug).toMatch(/-vergadering-van-het-overleg$/);
    const detail = await ok<NewsDetail>('GET', `/api/v1/portal/news/${created.id}`);
    expect(detail).toMatchObject({ bodyId, themeIds: [themeId] });
    expect(detail.texts.map((t) => [t.language, t.revision, t.state])).toEqual([
      ['nl', 1, 'draft'],
      ['fr', 1, 'draft'],
    ]);
    expect(await auditRows('portal.news.create', created.id)).toHaveLength(1);

    // A refusal rolls the caller's transaction back, audit entry included.
    await expect(
      database.db
        .transaction()
        .execute((trx) => insertNewsItem(trx, ctx, { themeIds: [randomUUID()], texts: [] })),
    ).rejects.toMatchObject({ code: 'unknown_theme' });
  });
});
