import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newSecretToken } from '../kernel/crypto/tokens.js';
import { freePort } from '../test-support/federation.js';
import { startDemoFederation, type DemoFederation } from './demo-federation.js';
import { DEMO_BODIES, DEMO_NEWS } from './demo-portal-content.js';
import { seedDemoPortal } from './demo-portal.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-demo-portal-'));
let ports: [number, number, number];
let demo: DemoFederation | undefined;

const start = () =>
  startDemoFederation({
    dataDir,
    host: '127.0.0.1',
    ports,
    logLevel: 'warn',
    webDir: '/nonexistent',
  });

beforeAll(async () => {
  ports = [await freePort(), await freePort(), await freePort()];
  demo = await start();
}, 90_000);

afterAll(async () => {
  await demo?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function member(nodeId: string) {
  const found = demo?.nodes.find((n) => n.nodeId === nodeId);
  if (!found) throw new Error(`no node ${nodeId}`);
  return found.node;
}

async function page(nodeId: string, url: string): Promise<string> {
  const response = await member(nodeId).app.server.inject({ method: 'GET', url });
  expect(response.statusCode, url).toBe(200);
  return response.body;
}

/** A bearer token of a demo user of the node. */
async function tokenOf(nodeId: string, username: string): Promise<string> {
  const db = member(nodeId).database.db;
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'roles'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const token = newSecretToken('snt');
  const now = new Date();
  await db
    .insertInto('api_token')
    .values({
      id: crypto.randomUUID(),
      token_hash: hashToken(token),
      user_id: user.id,
      name: 'demo-portal-test',
      roles: [...user.roles],
      created_by: user.id,
      created_at: now,
      expires_at: new Date(now.getTime() + 3_600_000),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

async function api<T>(nodeId: string, username: string, url: string): Promise<T> {
  const response = await member(nodeId).app.server.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${await tokenOf(nodeId, username)}` },
  });
  expect(response.statusCode, url).toBe(200);
  return response.json<T>();
}

/** What the seed leaves on each node, counted. */
async function counts() {
  const result: Record<string, Record<string, number>> = {};
  for (const nodeId of ['be', 'nl', 'lu']) {
    const db = member(nodeId).database.db;
    const count = async (
      table:
        | 'portal_theme'
        | 'portal_news'
        | 'portal_text'
        | 'consultation_body'
        | 'consultation_meeting'
        | 'consultation_decision'
        | 'consultation_action'
        | 'consultation_action_note',
    ) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    result[nodeId] = {
      themes: await count('portal_theme'),
      news: await count('portal_news'),
      texts: await count('portal_text'),
      bodies: await count('consultation_body'),
      meetings: await count('consultation_meeting'),
      decisions: await count('consultation_decision'),
      actions: await count('consultation_action'),
      notes: await count('consultation_action_note'),
    };
  }
  return result;
}

const title = (slug: string, language: 'nl' | 'fr') => {
  const text = DEMO_NEWS.find((n) => n.slug === slug)?.texts[language];
  if (!text) throw new Error(`no ${language} text for ${slug}`);
  return text.title;
};

describe('demo portal and consultation bodies', () => {
  it('serves the Senningen theme with its news in Dutch and French on every node', async () => {
    for (const nodeId of ['be', 'nl', 'lu']) {
      const nl = await page(nodeId, '/nl/themes/senningen');
      expect(nl).toContain('Senningenoverleg');
      expect(nl).toContain(title('senningen-ministers-meet-2026', 'nl'));
      expect(nl).toContain(title('hazeldonk-digital-meeting-2021-01', 'nl'));
      expect(nl).toContain(title('police-consultation-digital-meeting-2020-11', 'nl'));
      // The scheduled item is not public yet.
      expect(nl).not.toContain(title('benelux-cybercrime-knowledge-network', 'nl'));

      const fr = await page(nodeId, '/fr/themes/senningen');
      expect(fr).toContain('Concertation de Senningen');
      expect(fr).toContain(title('hazeldonk-digital-meeting-2021-01', 'fr'));

      // The oldest item is past the theme page's latest five, in the archive.
      const archive = await page(nodeId, '/nl/themes/senningen/news');
      expect(archive).toContain(title('knokke-joint-patrols-summer-2020', 'nl'));

      const drugs = await page(nodeId, '/fr/themes/drugs');
      expect(drugs).toContain(title('drug-runners-a16-e19-joint-checks', 'fr'));
    }
    expect(await page('be', '/de/themes/senningen')).toContain('Senningen-Konsultation');
    expect(await page('be', '/en/news/knokke-joint-patrols-summer-2020')).toContain(
      'Belgian and Dutch police patrol together in Knokke',
    );
  });

  it('dates the news on the days of the events and links items to their body and meeting', async () => {
    const db = member('be').database.db;
    const rows = await db
      .selectFrom('portal_news')
      .innerJoin('portal_text', 'portal_text.news_id', 'portal_news.id')
      .leftJoin('consultation_meeting', 'consultation_meeting.id', 'portal_news.meeting_id')
      .select([
        'portal_news.slug',
        'portal_news.view_count',
        'portal_text.language',
        'portal_text.publish_at',
        'consultation_meeting.starts_at',
      ])
      .where('portal_news.slug', 'in', [
        'hazeldonk-digital-meeting-2021-01',
        'police-consultation-digital-meeting-2020-11',
      ])
      .execute();
    const hazeldonk = rows.filter((r) => r.slug === 'hazeldonk-digital-meeting-2021-01');
    expect(hazeldonk.map((r) => r.language).sort()).toEqual(['fr', 'nl']);
    for (const row of hazeldonk) {
      expect(new Date(row.publish_at!).toISOString()).toBe('2021-01-19T10:00:00.000Z');
      expect(Number(row.view_count)).toBeGreaterThan(0);
      expect(new Date(row.starts_at!).toISOString()).toBe('2021-01-15T08:30:00.000Z');
    }
    const police = rows.find((r) => r.slug === 'police-consultation-digital-meeting-2020-11');
    expect(new Date(police!.starts_at!).toISOString()).toBe('2020-11-20T09:00:00.000Z');

    const editor = await tokenOf('be', 'editor.benelux');
    const list = await member('be').app.server.inject({
      method: 'GET',
      url: '/api/v1/portal/news?state=scheduled',
      headers: { authorization: `Bearer ${editor}` },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { slug: string }[] }>().items.map((i) => i.slug)).toContain(
      'benelux-cybercrime-knowledge-network',
    );
  });

  it('keeps the bodies on the Belgian node, with meetings, decisions and followed-up actions', async () => {
    interface Body {
      id: string;
      code: string;
      memberCount: number;
      nextMeeting: string | null;
      openActions: number;
      overdueActions: number;
    }
    const { items } = await api<{ items: Body[] }>(
      'be',
      'editor.benelux',
      '/api/v1/consultation/bodies',
    );
    expect(items.map((b) => b.code).sort()).toEqual(DEMO_BODIES.map((b) => b.code).sort());
    for (const body of items) {
      expect(body.memberCount).toBeGreaterThan(5);
      expect(body.nextMeeting! > '2027').toBe(true);
      expect(body.openActions).toBeGreaterThan(0);
    }
    expect(items.some((b) => b.overdueActions > 0)).toBe(true);

    const hazeldonk = items.find((b) => b.code === 'hazeldonk')!;
    const past = await api<{ items: { id: string; title: string; mode: string }[] }>(
      'be',
      'editor.benelux',
      `/api/v1/consultation/bodies/${hazeldonk.id}/meetings?when=past`,
    );
    const digital = past.items.find((m) => m.mode === 'digital')!;
    interface MeetingDetail {
      minutes: string | null;
      agenda: unknown[];
      attendees: unknown[];
      decisions: unknown[];
      actions: { status: string; completedOn: string | null }[];
      newsId: string | null;
    }
    const meeting = await api<MeetingDetail>(
      'be',
      'editor.benelux',
      `/api/v1/consultation/meetings/${digital.id}`,
    );
    expect(meeting.minutes).toContain('Procès-verbal');
    expect(meeting.agenda.length).toBeGreaterThan(3);
    expect(meeting.attendees.length).toBeGreaterThan(3);
    expect(meeting.decisions).toHaveLength(2);
    expect(meeting.actions.map((a) => [a.status, a.completedOn?.slice(0, 4)])).toEqual([
      ['done', '2021'],
      ['done', '2021'],
      ['done', '2021'],
    ]);
    expect(meeting.newsId).not.toBeNull();

    // A member who is no editor sees their own body only.
    const own = await api<{ items: Body[] }>(
      'be',
      'supervisor.knokke',
      '/api/v1/consultation/bodies',
    );
    expect(own.items.map((b) => b.code)).toEqual(['police-consultation']);

    // Bodies live on the Belgian node only.
    const counted = await counts();
    expect(counted.nl!.bodies).toBe(0);
    expect(counted.lu!.bodies).toBe(0);
  });

  it('does not seed twice, neither when asked again nor after a restart', async () => {
    const before = await counts();
    expect(before.be!.news).toBe(DEMO_NEWS.length + 1); // and the draft made from a meeting
    expect(before.nl!.news).toBe(DEMO_NEWS.length);

    expect(await seedDemoPortal(demo!.nodes)).toEqual({
      bodies: 'skipped',
      portal: { be: 'skipped', nl: 'skipped', lu: 'skipped' },
    });
    await demo!.stop();
    demo = undefined;
    demo = await start();
    expect(await counts()).toEqual(before);

    // The demo users' tokens are revoked once the seed is done.
    for (const nodeId of ['be', 'nl', 'lu']) {
      const live = await member(nodeId)
        .database.db.selectFrom('api_token')
        .select('id')
        .where('name', '=', 'demo-portal')
        .where('revoked_at', 'is', null)
        .execute();
      expect(live).toEqual([]);
    }
  }, 90_000);
});
