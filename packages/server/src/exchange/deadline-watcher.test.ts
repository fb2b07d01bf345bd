import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAgency,
  createTestNode,
  createTestUser,
  type TestNode,
} from '../test-support/app.js';
import { DeadlineWatcher } from './deadline-watcher.js';
import { computeDueAt } from './deadline.js';

/** The watcher against a real database, with a clock the test moves. */
let node: TestNode;
let spocIds: string[];
let officerId: string;
let agencyId: string;

beforeAll(async () => {
  node = await createTestNode();
  // The node's own watcher runs on the real clock; this test drives one of its own.
  await node.app.deadlines?.stop();
  const db = node.database.db;
  const spoc = await createTestAgency(db, { country: 'NL', isSpoc: true });
  agencyId = spoc.id;
  spocIds = [
    (await createTestUser(db, node.dataKey, { agencyId, roles: ['spoc'] })).id,
    (await createTestUser(db, node.dataKey, { agencyId, roles: ['spoc'] })).id,
  ];
  officerId = (await createTestUser(db, node.dataKey, { agencyId, roles: ['officer'] })).id;
});
afterAll(async () => {
  await node?.close();
});

async function incoming(reference: string, receivedAt: Date, urgent: boolean, assignee?: string) {
  const id = crypto.randomUUID();
  const cls = urgent ? 'urgent_direct' : 'standard';
  const due = computeDueAt({ receivedAt, deadlineClass: cls, pausedMs: 0 });
  const warnBefore = urgent ? 2 * 3600_000 : 86_400_000;
  await node.database.db
    .insertInto('exchange_request')
    .values({
      id,
      reference,
      kind: 'request',
      side: 'requested',
      state: assignee ? 'assigned' : 'received',
      counterpart_node: 'be',
      requesting_country: 'BE',
      requesting_agency_code: 'BE-X',
      requesting_agency_name: 'X',
      requesting_officer: 'Y',
      requested_node: 'nl',
      requested_country: 'NL',
      owner_agency_id: agencyId,
      assignee_id: assignee ?? null,
      content: '{}',
      urgent,
      judicial_delay: false,
      paused_ms: 0,
      received_at: receivedAt,
      deadline_class: cls,
      due_at: due,
      warn_at: new Date(due.getTime() - warnBefore),
      created_at: receivedAt,
      updated_at: receivedAt,
    })
    .execute();
  return { id, due };
}

const notices = async (requestId: string) =>
  node.database.db
    .selectFrom('notification')
    .select(['user_id', 'kind'])
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .execute();

describe('deadline watcher', () => {
  it('warns the SPOC 2 h before an 8 h deadline, once, and again when it is exceeded', async () => {
    const receivedAt = new Date('2026-11-28T22:00:00Z');
    const { id } = await incoming('BE-2026-90001', receivedAt, true);
    let now = new Date('2026-11-29T03:59:00Z');
    const watcher = new DeadlineWatcher(node.database.db, node.app.server.log, 60_000, () => now);

    await watcher.tick();
    expect(await notices(id)).toEqual([]);

    now = new Date('2026-11-29T04:00:00Z'); // 6 h after receipt
    await watcher.tick();
    await watcher.tick();
    expect((await notices(id)).map((n) => n.kind).sort()).toEqual([
      'deadline_approaching',
      'deadline_approaching',
    ]);
    expect(new Set((await notices(id)).map((n) => n.user_id))).toEqual(new Set(spocIds));

    now = new Date('2026-11-29T06:00:00Z'); // 8 h
    await watcher.tick();
    await watcher.tick();
    const kinds = (await notices(id)).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'deadline_exceeded')).toHaveLength(2);
    expect(kinds).toHaveLength(4);
  });

  it('tells only the assignee of an assigned request, on the standard schedule', async () => {
    const receivedAt = new Date('2026-11-20T10:00:00Z');
    const { id, due } = await incoming('BE-2026-90002', receivedAt, false, officerId);
    let now = new Date(due.getTime() - 86_400_000 - 1);
    const watcher = new DeadlineWatcher(node.database.db, node.app.server.log, 60_000, () => now);
    await watcher.tick();
    expect(await notices(id)).toEqual([]);
    now = new Date(due.getTime() - 86_400_000);
    await watcher.tick();
    expect(await notices(id)).toEqual([{ user_id: officerId, kind: 'deadline_approaching' }]);
  });

  it('leaves answered requests alone', async () => {
    const { id } = await incoming('BE-2026-90003', new Date('2026-11-01T10:00:00Z'), true);
    await node.database.db
      .updateTable('exchange_request')
      .set({ state: 'answered' })
      .where('id', '=', id)
      .execute();
    const watcher = new DeadlineWatcher(
      node.database.db,
      node.app.server.log,
      60_000,
      () => new Date('2026-12-01T00:00:00Z'),
    );
    await watcher.tick();
    expect(await notices(id)).toEqual([]);
  });
});
