import type { Db } from '../kernel/db/database.js';
import type { Language } from '../kernel/policy/roles.js';
import type { RunningNode } from '../node.js';
import { DemoDesk, type DemoCaller } from './demo-desk.js';
import { invalidatePortalCache } from '../portal/page-cache.js';
import {
  DEMO_BODIES,
  DEMO_EDITORS,
  DEMO_NEWS,
  DEMO_THEMES,
  type DemoAction,
  type DemoBody,
  type DemoNews,
  type DemoTexts,
} from './demo-portal-content.js';

/**
 * Demo content of the public portal and of the consultation bodies: the same
 * themes and news on every node of the demo federation, and the bodies kept by
 * the Benelux Secretariat-General on the Belgian node. Everything is made
 * through each node's own API by its demo editor (and, for progress notes, by
 * the demo users who are members of a body), so that revisions and the audit
 * log are what real use would leave behind.
 */

/** A scheduled demo news item goes public this long after the seed. */
const SCHEDULED_AFTER_MS = 5 * 86_400_000;
/** The node that keeps the consultation bodies. */
const BODIES_NODE = 'be';
/** The meeting of which the demo leaves an unpublished news draft, made from the meeting. */
const DRAFTED_MEETING = 'Benelux strategisch politieoverleg – najaar 2026';

export interface DemoPortalNode {
  nodeId: string;
  node: RunningNode;
}

export type DemoSeedOutcome = 'seeded' | 'skipped' | 'failed';

export interface DemoPortalResult {
  /** The consultation bodies on the Belgian node. */
  bodies: DemoSeedOutcome;
  /** The portal of each node, by node id. */
  portal: Record<string, DemoSeedOutcome>;
}

/**
 * Seeds the portal of every node (not of a node that already holds a theme or
 * a news item) and the consultation bodies of the Belgian node (not when it
 * already holds a body). Never throws: a failure is logged as a warning and
 * the demo goes on with what was done.
 */
export async function seedDemoPortal(nodes: readonly DemoPortalNode[]): Promise<DemoPortalResult> {
  const result: DemoPortalResult = { bodies: 'skipped', portal: {} };
  const be = nodes.find((n) => n.nodeId === BODIES_NODE);
  if (be) result.bodies = await seedOnce(be, 'consultation bodies', hasBodies, seedBodies);
  for (const member of nodes) {
    result.portal[member.nodeId] = await seedOnce(member, 'portal', hasPortal, seedPortal);
  }
  return result;
}

async function seedOnce(
  member: DemoPortalNode,
  what: string,
  alreadySeeded: (db: Db) => Promise<boolean>,
  seed: (api: NodeApi) => Promise<void>,
): Promise<DemoSeedOutcome> {
  const log = member.node.app.server.log;
  const api = new NodeApi(member);
  try {
    if (await alreadySeeded(api.db)) return 'skipped';
    await seed(api);
    log.info(`demo ${what}: seeded on ${member.nodeId}`);
    return 'seeded';
  } catch (error) {
    log.warn(
      { err: error },
      `demo ${what}: seeding stopped early on ${member.nodeId}; the demo carries on`,
    );
    return 'failed';
  } finally {
    await api.revokeTokens();
  }
}

async function hasBodies(db: Db): Promise<boolean> {
  const row = await db.selectFrom('consultation_body').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

async function hasPortal(db: Db): Promise<boolean> {
  const theme = await db.selectFrom('portal_theme').select('id').limit(1).executeTakeFirst();
  const news = await db.selectFrom('portal_news').select('id').limit(1).executeTakeFirst();
  return theme !== undefined || news !== undefined;
}

// ------------------------------------------------------------------ talking to a node

/** A node of the demo federation, worked by its demo users through its own API. */
class NodeApi extends DemoDesk {
  constructor(member: DemoPortalNode) {
    super(member, 'demo portal');
  }

  /** The node's demo editor. */
  editor(): Promise<Caller> {
    const username = DEMO_EDITORS[this.nodeId];
    if (username === undefined) throw new Error(`no demo editor for node ${this.nodeId}`);
    return this.as(username);
  }
}

type Caller = DemoCaller;

// ------------------------------------------------------------------ consultation bodies

interface Created {
  id: string;
}
interface CreatedAction {
  id: string;
  title: string;
}

async function seedBodies(api: NodeApi): Promise<void> {
  const editor = await api.editor();
  for (const body of DEMO_BODIES) await seedBody(api, editor, body);
}

async function seedBody(api: NodeApi, editor: Caller, body: DemoBody): Promise<void> {
  const created = await editor.call<Created>('POST', '/api/v1/consultation/bodies', {
    code: body.code,
    names: body.names,
    level: body.level,
    countries: body.countries,
    description: body.description,
  });
  const memberIds = new Map<string, string>();
  for (const member of body.members) {
    const added = await editor.call<Created>(
      'POST',
      `/api/v1/consultation/bodies/${created.id}/members`,
      {
        ...(member.username !== undefined && { userId: await api.userId(member.username) }),
        name: member.name,
        country: member.country,
        organisation: member.organisation,
        function: member.function,
      },
    );
    memberIds.set(member.name, added.id);
  }

  for (const meeting of body.meetings) {
    const made = await editor.call<Created>(
      'POST',
      `/api/v1/consultation/bodies/${created.id}/meetings`,
      {
        title: meeting.title,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        mode: meeting.mode,
        ...(meeting.place !== undefined && { place: meeting.place }),
        agenda: meeting.agenda,
      },
    );
    if (meeting.minutes !== undefined || meeting.attendees !== undefined) {
      await editor.call('PATCH', `/api/v1/consultation/meetings/${made.id}`, {
        ...(meeting.minutes !== undefined && { minutes: meeting.minutes }),
        ...(meeting.attendees !== undefined && {
          attendeeIds: meeting.attendees.map((name) => {
            const id = memberIds.get(name);
            if (id === undefined) throw new Error(`${name} is not a member of ${body.code}`);
            return id;
          }),
        }),
      });
    }
    for (const decision of meeting.decisions ?? []) {
      const decided = await editor.call<{ decision: Created; actions: CreatedAction[] }>(
        'POST',
        `/api/v1/consultation/meetings/${made.id}/decisions`,
        {
          text: decision.text,
          actions: decision.actions.map((action) => ({
            title: action.title,
            description: action.description,
            ownerCountry: action.ownerCountry,
            ownerAgency: action.ownerAgency,
            dueOn: action.dueOn,
          })),
        },
      );
      for (const action of decision.actions) {
        const id = decided.actions.find((a) => a.title === action.title)?.id;
        if (id === undefined) throw new Error(`the action "${action.title}" was not created`);
        await followUp(api, id, action, meeting.startsAt);
      }
    }
  }
}

/** The action's progress notes, each by its author, then their dates as they were. */
async function followUp(
  api: NodeApi,
  actionId: string,
  action: DemoAction,
  decidedAt: string,
): Promise<void> {
  for (const note of action.notes) {
    const author = await api.as(note.by);
    await author.call('POST', `/api/v1/consultation/actions/${actionId}/notes`, {
      text: note.text,
      ...(note.status !== undefined && { status: note.status }),
    });
  }
  // Demo data only: the API dates notes and completions today; the demo's
  // history happened over the past years, so its dates are set as they were.
  const done = action.notes.findLast((note) => note.status === 'done');
  const last = action.notes.at(-1);
  await api.db.transaction().execute(async (trx) => {
    const notes = await trx
      .selectFrom('consultation_action_note')
      .select('id')
      .where('action_id', '=', actionId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const [index, row] of notes.entries()) {
      const note = action.notes[index];
      if (note === undefined) continue;
      await trx
        .updateTable('consultation_action_note')
        .set({ created_at: new Date(`${note.on}T09:00:00Z`) })
        .where('id', '=', row.id)
        .execute();
    }
    await trx
      .updateTable('consultation_action')
      .set({
        created_at: new Date(decidedAt),
        updated_at: new Date(last ? `${last.on}T09:00:00Z` : decidedAt),
        ...(done && { completed_on: done.on }),
      })
      .where('id', '=', actionId)
      .execute();
  });
}

// ------------------------------------------------------------------ portal

interface ThemeCreated {
  id: string;
}
interface NewsCreated {
  id: string;
}

async function seedPortal(api: NodeApi): Promise<void> {
  const editor = await api.editor();
  const themeIds = new Map<string, string>();
  for (const theme of DEMO_THEMES) {
    const created = await editor.call<ThemeCreated>('POST', '/api/v1/portal/themes', {
      slug: theme.slug,
      position: theme.position,
    });
    themeIds.set(theme.slug, created.id);
    await writeTexts(editor, `/api/v1/portal/themes/${created.id}`, theme.texts, {});
  }

  const refs = await consultationRefs(api.db);
  for (const news of DEMO_NEWS) await seedNews(api, editor, news, themeIds, refs);
  invalidatePortalCache();
  if (api.nodeId === BODIES_NODE) {
    // The draft shows the way from a meeting to a news item; the portal stands without it.
    await draftMeetingNews(api, editor, themeIds, refs).catch((error: unknown) => {
      api.log.warn({ err: error }, 'demo portal: no news draft from the latest meeting');
    });
  }
}

async function seedNews(
  api: NodeApi,
  editor: Caller,
  news: DemoNews,
  themeIds: Map<string, string>,
  refs: ConsultationRefs,
): Promise<void> {
  const bodyId = news.body !== undefined ? refs.bodies.get(news.body) : undefined;
  const meetingId = news.meeting !== undefined ? refs.meetings.get(news.meeting) : undefined;
  const created = await editor.call<NewsCreated>('POST', '/api/v1/portal/news', {
    slug: news.slug,
    themeIds: news.themes.map((slug) => {
      const id = themeIds.get(slug);
      if (id === undefined) throw new Error(`news ${news.slug} names unknown theme ${slug}`);
      return id;
    }),
    ...(bodyId !== undefined && { bodyId }),
    ...(bodyId !== undefined && meetingId !== undefined && { meetingId }),
    texts: Object.entries(news.texts).map(([language, text]) => ({ language, ...text })),
  });
  if (news.publishedAt === undefined) return;
  const at =
    news.publishedAt === null
      ? { at: new Date(Date.now() + SCHEDULED_AFTER_MS).toISOString() }
      : {};
  await writeTexts(editor, `/api/v1/portal/news/${created.id}`, news.texts, at, false);
  if (news.publishedAt === null) return;

  // Demo data only: the API publishes now and refuses to publish in the past.
  // The demo's news was reported on the day of the events, so its publication
  // date (and when it was written) is set back to that day, and it is given the
  // views it would have had since.
  const publishedAt = new Date(news.publishedAt);
  const writtenAt = new Date(publishedAt.getTime() - 2 * 3_600_000);
  await api.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('portal_news')
      .set({ created_at: writtenAt, view_count: news.viewCount })
      .where('id', '=', created.id)
      .execute();
    await trx
      .updateTable('portal_text')
      .set({ publish_at: publishedAt, updated_at: writtenAt })
      .where('news_id', '=', created.id)
      .where('published_revision_id', 'is not', null)
      .execute();
    await trx
      .updateTable('portal_revision')
      .set({ created_at: writtenAt })
      .where('text_id', 'in', (eb) =>
        eb.selectFrom('portal_text').select('id').where('news_id', '=', created.id),
      )
      .execute();
  });
}

/**
 * Saves each language's text (unless it was created with the item) and
 * publishes it, now or at `at`.
 */
async function writeTexts(
  editor: Caller,
  owner: string,
  texts: DemoTexts,
  at: { at?: string },
  save = true,
): Promise<void> {
  for (const [language, text] of Object.entries(texts) as [Language, DemoTexts[Language]][]) {
    if (text === undefined) continue;
    if (save) await editor.call('PUT', `${owner}/texts/${language}`, text);
    await editor.call('POST', `${owner}/texts/${language}/publish`, at);
  }
}

/** An unpublished news item drafted from the latest meeting of the police consultation. */
async function draftMeetingNews(
  api: NodeApi,
  editor: Caller,
  themeIds: Map<string, string>,
  refs: ConsultationRefs,
): Promise<void> {
  const meetingId = refs.meetings.get(DRAFTED_MEETING);
  const themeId = themeIds.get('police-cooperation');
  if (meetingId === undefined || themeId === undefined) return;
  await editor.call('POST', `/api/v1/consultation/meetings/${meetingId}/news-draft`, { themeId });
}

interface ConsultationRefs {
  /** Body id by code. */
  bodies: Map<string, string>;
  /** Meeting id by the demo meeting's key and by its title. */
  meetings: Map<string, string>;
}

/** The demo bodies and meetings this node holds (none but on the Belgian node). */
async function consultationRefs(db: Db): Promise<ConsultationRefs> {
  const bodies = await db.selectFrom('consultation_body').select(['id', 'code']).execute();
  const meetings = await db
    .selectFrom('consultation_meeting')
    .select(['id', 'body_id', 'title'])
    .execute();
  const refs: ConsultationRefs = {
    bodies: new Map(bodies.map((b) => [b.code, b.id])),
    meetings: new Map(),
  };
  for (const body of DEMO_BODIES) {
    const bodyId = refs.bodies.get(body.code);
    for (const meeting of body.meetings) {
      const id = meetings.find((m) => m.body_id === bodyId && m.title === meeting.title)?.id;
      if (id === undefined) continue;
      refs.meetings.set(meeting.key, id);
      refs.meetings.set(meeting.title, id);
    }
  }
  return refs;
}
