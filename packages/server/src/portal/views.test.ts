import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../kernel/db/database.js';
import { createTestNode, type TestNode } from '../test-support/app.js';
import { invalidatePortalCache } from './page-cache.js';
import { brusselsDay, countsAsView, ViewCounter } from './views.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

async function publishNews(db: Db, slug: string): Promise<string> {
  const id = randomUUID();
  const textId = randomUUID();
  const revisionId = randomUUID();
  await db
    .insertInto('portal_news')
    .values({ id, slug, body_id: null, meeting_id: null, created_by: null })
    .execute();
  await db
    .insertInto('portal_text')
    .values({
      id: textId,
      theme_id: null,
      news_id: id,
      language: 'en',
      title: `News ${slug}`,
      body: 'Body.',
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
      title: `News ${slug}`,
      summary: '',
      body: 'Body.',
      origin: 'edit',
      restored_from: null,
      created_by: null,
    })
    .execute();
  await db
    .updateTable('portal_text')
    .set({ published_revision_id: revisionId, publish_at: new Date(Date.now() - 60_000) })
    .where('id', '=', textId)
    .execute();
  invalidatePortalCache();
  return id;
}

async function viewCount(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('portal_news')
    .select('view_count')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.view_count);
}

describe('view counting', () => {
  let node: TestNode;
  let db: Db;

  beforeAll(async () => {
    node = await createTestNode();
    db = node.database.db;
  });

  afterAll(async () => {
    await node?.close();
  });

  const view = (slug: string, userAgent?: string, remoteAddress = '127.0.0.1') =>
    node.inject({
      method: 'GET',
      url: `/en/news/${slug}`,
      remoteAddress,
      headers: userAgent === undefined ? {} : { 'user-agent': userAgent },
    });

  it('counts the same visitor once a day, and another visitor again', async () => {
    const id = await publishNews(db, 'once-a-day');
    expect((await view('once-a-day', BROWSER)).statusCode).toBe(200);
    expect((await view('once-a-day', BROWSER)).statusCode).toBe(200);
    await node.app.portalViews.flush();
    expect(await viewCount(db, id)).toBe(1);

    // Again after the first views were written: still the same visitor today.
    await view('once-a-day', BROWSER);
    await node.app.portalViews.flush();
    expect(await viewCount(db, id)).toBe(1);

    // Same browser from another address, and another browser from the same address.
    await view('once-a-day', BROWSER, '127.0.0.2');
    await view('once-a-day', `${BROWSER} other`);
    await node.app.portalViews.flush();
    expect(await viewCount(db, id)).toBe(3);
  });

  it('does not count crawlers, requests without a user agent, or other pages', async () => {
    const id = await publishNews(db, 'not-counted');
    expect((await view('not-counted', GOOGLEBOT)).statusCode).toBe(200);
    expect((await view('not-counted', 'curl/8.5.0')).statusCode).toBe(200);
    expect((await view('not-counted')).statusCode).toBe(200);
    expect((await view('not-counted', '')).statusCode).toBe(200);
    await node.inject({
      method: 'HEAD',
      url: '/en/news/not-counted',
      headers: { 'user-agent': BROWSER },
    });
    await node.app.portalViews.flush();
    expect(await viewCount(db, id)).toBe(0);
    expect(countsAsView(GOOGLEBOT)).toBe(false);
    expect(countsAsView(undefined)).toBe(false);
    expect(countsAsView(BROWSER)).toBe(true);
  });

  it('counts 50 concurrent views by 50 different browsers', async () => {
    const id = await publishNews(db, 'concurrent');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) => view('concurrent', `${BROWSER} visitor-${n}`)),
    );
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    await node.app.portalViews.flush();
    expect(await viewCount(db, id)).toBe(50);
  });

  it('counts concurrent flushes of several processes without losing or doubling a view', async () => {
    const id = await publishNews(db, 'two-processes');
    const first = new ViewCounter(db);
    const second = new ViewCounter(db);
    for (let n = 0; n < 30; n += 1) {
      first.record(id, '127.0.0.1', `${BROWSER} p-${n}`);
      // The second process sees visitors 20..39: ten of them also seen by the first.
      second.record(id, '127.0.0.1', `${BROWSER} p-${n + 20}`);
    }
    await Promise.all([first.flush(), second.flush()]);
    expect(await viewCount(db, id)).toBe(50);
    await Promise.all([first.stop(), second.stop()]);
  });

  it('keeps the views of a failed write for the next one', async () => {
    const id = await publishNews(db, 'failed-write');
    const counter = new ViewCounter(db);
    const internals = counter as unknown as { store: (...args: unknown[]) => Promise<void> };
    const store = internals.store.bind(counter);
    let failures = 1;
    internals.store = (...args) => {
      if (failures-- > 0) return Promise.reject(new Error('connection lost'));
      return store(...args);
    };
    for (let n = 0; n < 3; n += 1) counter.record(id, '127.0.0.1', `${BROWSER} retry-${n}`);
    await expect(counter.flush()).rejects.toThrow('connection lost');
    expect(await viewCount(db, id)).toBe(0);
    await counter.flush();
    expect(await viewCount(db, id)).toBe(3);
    await counter.stop();
  });

  it('stores no address or user agent, only the daily hash', async () => {
    const columns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_name = 'portal_view' order by ordinal_position`.execute(db);
    expect(columns.rows).toEqual([
      { column_name: 'day', data_type: 'date' },
      { column_name: 'news_id', data_type: 'uuid' },
      { column_name: 'visitor', data_type: 'bytea' },
    ]);
    const rows = await db.selectFrom('portal_view').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const visitor = Buffer.from(row.visitor);
      expect(visitor).toHaveLength(32);
      expect(visitor.toString('latin1')).not.toContain('127.0.0.1');
      expect(visitor.toString('latin1')).not.toContain('Mozilla');
    }
  });

  it('deletes the earlier days’ views and salts when the day changes', async () => {
    // The node's own counter has done its clean-up of the day (it runs once a day).
    await node.app.portalViews.flush();
    const id = await publishNews(db, 'midnight');
    // Fixed days in the past, so that this counter's clean-up touches no other test's rows.
    let clock = new Date('2026-03-10T12:00:00Z');
    const counter = new ViewCounter(db, { now: () => clock });
    counter.record(id, '127.0.0.1', BROWSER);
    await counter.flush();
    const salts = () =>
      db.selectFrom('portal_view_salt').select('day').where('day', '<=', '2026-03-11').execute();
    expect(await salts()).toEqual([{ day: '2026-03-10' }]);
    expect(
      await db.selectFrom('portal_view').select('day').where('news_id', '=', id).execute(),
    ).toEqual([{ day: '2026-03-10' }]);

    // 00:30 in Brussels on the 11th is still the 10th in UTC.
    clock = new Date('2026-03-10T23:30:00Z');
    counter.record(id, '127.0.0.1', BROWSER);
    await counter.flush();
    expect(await salts()).toEqual([{ day: '2026-03-11' }]);
    expect(
      await db.selectFrom('portal_view').select('day').where('news_id', '=', id).execute(),
    ).toEqual([{ day: '2026-03-11' }]);
    // A new day, a new salt: the same visitor counts again.
    expect(await viewCount(db, id)).toBe(2);
    await counter.stop();
  });

  it('takes the day in Brussels', () => {
    expect(brusselsDay(new Date('2026-03-10T22:59:59Z'))).toBe('2026-03-10');
    expect(brusselsDay(new Date('2026-03-10T23:00:00Z'))).toBe('2026-03-11');
    expect(brusselsDay(new Date('2026-07-10T21:59:59Z'))).toBe('2026-07-10');
    expect(brusselsDay(new Date('2026-07-10T22:00:00Z'))).toBe('2026-07-11');
  });

  it('writes the views still waiting when the node closes', async () => {
    const other = await createTestNode();
    try {
      const id = await publishNews(other.database.db, 'on-close');
      await other.inject({
        method: 'GET',
        url: '/en/news/on-close',
        headers: { 'user-agent': BROWSER },
      });
      await other.app.close();
      expect(await viewCount(other.database.db, id)).toBe(1);
    } finally {
      await other.database.close();
    }
  });
});
