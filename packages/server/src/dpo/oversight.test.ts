import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEntries, pendingEntry, type AuditContext } from '../audit/audit-log.js';
import { brusselsDate } from '../consultation/brussels-date.js';
import type { Db } from '../kernel/db/database.js';
import {
  bearer,
  createTestAgency,
  createTestNode,
  createTestUser,
  issueToken,
  type TestNode,
  type TestUser,
} from '../test-support/app.js';
import type { Agency } from '../identity/agencies.schemas.js';

/**
 * The DPO's oversight through the real HTTP app on a real database. The records,
 * tasks, notices and disclosures are written straight into the tables (as the
 * records core and retention job would), and the consultations straight into the
 * audit log with chosen times, so that the anomaly window holds exactly what the
 * test says.
 */

const DAY_MS = 86_400_000;

let node: TestNode;
let db: Db;
let agencyA: Agency;
let agencyB: Agency;
let agencyNl: Agency;
let dpo: TestUser;
let dpoToken: string;
let officerToken: string;
const users: Record<string, TestUser> = {};

async function get<T = Record<string, unknown>>(token: string, url: string) {
  const response = await node.inject({ method: 'GET', url, headers: bearer(token) });
  return { status: response.statusCode, body: response.json<T>() };
}

async function ok<T = Record<string, unknown>>(url: string): Promise<T> {
  const { status, body } = await get<T>(dpoToken, url);
  if (status !== 200) throw new Error(`GET ${url} → ${status} ${JSON.stringify(body)}`);
  return body;
}

// ------------------------------------------------------------ fixtures

async function insertRequest(agency: Agency): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const reference = `${agency.country}-2026-${randomUUID().slice(0, 8)}`;
  const now = new Date();
  await db
    .insertInto('exchange_request')
    .values({
      id,
      reference,
      kind: 'request',
      side: 'requester',
      state: 'sent',
      counterpart_node: 'nl',
      requesting_country: agency.country,
      requesting_agency_code: agency.code,
      requesting_agency_name: agency.name,
      requesting_officer: 'Test Officer',
      requested_node: 'nl',
      requested_country: 'NL',
      owner_agency_id: agency.id,
      content: '{}',
      offence_category: 'drug_trafficking',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, reference };
}

interface RecordFixture {
  id: string;
  requestId: string;
  reference: string;
}

async function insertRecord(
  agency: Agency,
  kind: string,
  details: Record<string, unknown>,
  extra: { restrictedAt?: Date; reason?: string; erasedAt?: Date } = {},
): Promise<RecordFixture> {
  const request = await insertRequest(agency);
  const id = randomUUID();
  const now = new Date();
  await db
    .insertInto('personal_record')
    .values({
      id,
      kind,
      category: 'suspect',
      statement: 'fact',
      origin_node: null,
      source_node: null,
      handling_code: 'H1',
      holder_agency_id: agency.id,
      purpose: 'drug_trafficking',
      held_since: now,
      review_at: new Date(now.getTime() + 180 * DAY_MS),
      expires_at: new Date(now.getTime() + 1800 * DAY_MS),
      restricted_at: extra.restrictedAt ?? null,
      restriction_reason: extra.reason ?? null,
      erased_at: extra.erasedAt ?? null,
      erasure_reason: extra.erasedAt ? 'retention_expired' : null,
    })
    .execute();
  await db
    .insertInto('exchange_subject')
    .values({
      id: randomUUID(),
      record_id: id,
      request_id: request.id,
      item_id: null,
      position: 0,
      kind,
      category: 'suspect',
      statement: 'fact',
      details: JSON.stringify(extra.erasedAt ? {} : details),
    })
    .execute();
  return { id, requestId: request.id, reference: request.reference };
}

const person = (surname: string, givenNames: string, surnamePrefix?: string) => ({
  surname,
  givenNames,
  ...(surnamePrefix && { surnamePrefix }),
  birthDate: '1990-04-12',
});

async function insertTask(
  record: RecordFixture,
  agency: Agency,
  dueAt: Date,
  decided = false,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('review_task')
    .values({
      id,
      record_id: record.id,
      agency_id: agency.id,
      due_at: dueAt,
      created_at: dueAt,
      decided_at: decided ? new Date() : null,
      decision: decided ? 'keep' : null,
      note: decided ? 'Still needed.' : null,
    })
    .execute();
  return id;
}

async function insertNotice(
  record: RecordFixture,
  recipients: { node: string; viaNode?: string; dueAt: Date; confirmed?: boolean }[],
): Promise<string> {
  const id = randomUUID();
  const issuedAt = new Date(Date.now() - 10 * DAY_MS);
  await db
    .insertInto('record_notice')
    .values({
      id,
      record_id: record.id,
      kind: 'rectification',
      origin_node: 'be',
      from_node: null,
      issued_at: issuedAt,
      issued_by: 'dpo',
      reason: 'Wrong birth date.',
      received_at: null,
      applied_at: issuedAt,
    })
    .execute();
  await db
    .insertInto('record_notice_recipient')
    .values(
      recipients.map((r) => ({
        notice_id: id,
        node: r.node,
        via_node: r.viaNode ?? null,
        sent_at: issuedAt,
        due_at: r.dueAt,
        confirmed_at: r.confirmed ? new Date() : null,
        applied_at: r.confirmed ? new Date() : null,
      })),
    )
    .execute();
  return id;
}

async function insertDisclosures(
  record: RecordFixture,
  node: string,
  times: readonly Date[],
): Promise<void> {
  await db
    .insertInto('record_disclosure')
    .values(
      times.map((at) => ({
        id: randomUUID(),
        record_id: record.id,
        request_id: record.requestId,
        reference: record.reference,
        recipient_node: node,
        recipient_country: node.toUpperCase().slice(0, 2),
        recipient_agency: 'Politie Nederland',
        disclosed_at: at,
        handling_code: 'H1',
        fields: ['surname', 'givenNames', 'birthDate'],
      })),
    )
    .execute();
}

const contextOf = (user: TestUser, country: string): AuditContext => ({
  actor: { userId: user.id, username: user.username, agencyId: user.agencyId, country },
  clientAddress: '127.0.0.1',
  requestId: 'test-fixture',
});

/** Reads of records, as the records core logs them, at the times given. */
async function consult(
  user: TestUser,
  reads: {
    recordId: string;
    at: Date;
    reason?: string;
    action?: 'record.consult' | 'subject.consult';
  }[],
  country = 'BE',
): Promise<void> {
  await appendAuditEntries(
    db,
    reads.map((read) => {
      const subject = read.action === 'subject.consult';
      return {
        ...pendingEntry(contextOf(user, country), {
          action: read.action ?? 'record.consult',
          objectType: subject ? 'subject.person' : 'record.person',
          objectId: read.recordId,
          purpose: read.reason ?? 'BE-2026-00042: locate a missing minor',
          details: subject
            ? { request: 'BE-2026-00042', category: 'suspect' }
            : {
                context: read.reason ? 'reason' : 'request',
                reason: read.reason ? 'identity_check' : null,
                request: read.reason ? null : 'BE-2026-00042',
                category: 'suspect',
              },
        }),
        occurredAt: read.at,
      };
    }),
  );
}

/** The latest weekday at least two days ago, at noon or one in the afternoon in Brussels. */
function workingHours(): Date {
  for (let back = 2; ; back++) {
    const at = new Date(`${brusselsDate(new Date(Date.now() - back * DAY_MS))}T11:00:00Z`);
    const weekday = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      weekday: 'short',
    }).format(at);
    if (weekday !== 'Sat' && weekday !== 'Sun') return at;
  }
}

// ------------------------------------------------------------ the node

const fixtures = {
  restrictedPerson: undefined as unknown as RecordFixture,
  restrictedVehicle: undefined as unknown as RecordFixture,
  disclosed: undefined as unknown as RecordFixture,
  disclosedToLu: undefined as unknown as RecordFixture,
  overdueTask: '',
  noticeId: '',
  nlNoticeId: '',
  heavyRecords: [] as string[],
  working: new Date(0),
  night: new Date(0),
  disclosureTimes: [] as Date[],
};

beforeAll(async () => {
  node = await createTestNode();
  db = node.database.db;
  agencyA = await createTestAgency(db, { country: 'BE' });
  agencyB = await createTestAgency(db, { country: 'BE' });
  agencyNl = await createTestAgency(db, { country: 'NL' });
  dpo = await createTestUser(db, node.dataKey, { agencyId: agencyA.id, roles: ['dpo'] });
  dpoToken = await issueToken(node, dpo);
  const officer = await createTestUser(db, node.dataKey, {
    agencyId: agencyA.id,
    roles: ['officer'],
  });
  officerToken = await issueToken(node, officer);
  for (const [name, agency] of [
    ['heavy', agencyA],
    ['peer1', agencyB],
    ['peer2', agencyB],
    ['owl', agencyB],
    ['dutch', agencyNl],
  ] as const) {
    users[name] = await createTestUser(db, node.dataKey, {
      agencyId: agency.id,
      roles: ['officer'],
      username: `${name}.${randomUUID().slice(0, 6)}`,
    });
  }

  // Restricted records: two of this country, one erased, one held in the Netherlands.
  const now = Date.now();
  fixtures.restrictedPerson = await insertRecord(
    agencyA,
    'person',
    person('Jansen', 'Mark', 'de'),
    {
      restrictedAt: new Date(now - 2 * DAY_MS),
      reason: 'Accuracy contested by the data subject.',
    },
  );
  fixtures.restrictedVehicle = await insertRecord(
    agencyB,
    'vehicle',
    { plate: '1-ABC-234', plateCountry: 'BE' },
    { restrictedAt: new Date(now - DAY_MS), reason: 'Kept as evidence only.' },
  );
  await insertRecord(agencyA, 'person', person('Erased', 'Emma'), {
    restrictedAt: new Date(now - 3 * DAY_MS),
    reason: 'x',
    erasedAt: new Date(now - DAY_MS),
  });
  const dutchRecord = await insertRecord(agencyNl, 'person', person('Visser', 'Anna'), {
    restrictedAt: new Date(now - DAY_MS),
    reason: 'Dutch restriction.',
  });

  // Reviews: one overdue (decision time past), one just due, one decided, one Dutch.
  const reviewed = await insertRecord(agencyA, 'person', person('Peeters', 'Jan'));
  fixtures.overdueTask = await insertTask(reviewed, agencyA, new Date(now - 45 * DAY_MS));
  await insertTask(fixtures.restrictedPerson, agencyA, new Date(now - 2 * DAY_MS));
  await insertTask(fixtures.restrictedVehicle, agencyB, new Date(now - 60 * DAY_MS), true);
  await insertTask(dutchRecord, agencyNl, new Date(now - 60 * DAY_MS));

  // Notices: one overdue and one waiting recipient, one confirmed; one of a Dutch record.
  fixtures.noticeId = await insertNotice(reviewed, [
    { node: 'nl', dueAt: new Date(now - DAY_MS) },
    { node: 'lu', viaNode: 'nl', dueAt: new Date(now + DAY_MS) },
    { node: 'fr', dueAt: new Date(now - DAY_MS), confirmed: true },
  ]);
  fixtures.nlNoticeId = await insertNotice(dutchRecord, [{ node: 'be', dueAt: new Date(now) }]);

  // Disclosures: 60 of one record to NL over 60 days, 3 of another to LU, one Dutch.
  fixtures.disclosed = reviewed;
  fixtures.disclosedToLu = fixtures.restrictedVehicle;
  fixtures.disclosureTimes = Array.from({ length: 60 }, (_, i) => new Date(now - (i + 1) * DAY_MS));
  await insertDisclosures(fixtures.disclosed, 'nl', fixtures.disclosureTimes);
  await insertDisclosures(fixtures.disclosedToLu, 'lu', [
    new Date(now - 5 * DAY_MS),
    new Date(now - 6 * DAY_MS),
    new Date(now - 7 * DAY_MS),
  ]);
  await insertDisclosures(dutchRecord, 'be', [new Date(now - DAY_MS)]);

  // Consultations: one long ago; then 55 distinct records by one officer, a few by
  // peers, one with a stated reason, one at night, and reads by a Dutch officer.
  fixtures.working = workingHours();
  fixtures.night = new Date(`${brusselsDate(new Date(now - 3 * DAY_MS))}T01:00:00Z`);
  fixtures.heavyRecords = Array.from({ length: 55 }, () => randomUUID());
  await consult(users.heavy!, [{ recordId: randomUUID(), at: new Date(now - 60 * DAY_MS) }]);
  await consult(
    users.heavy!,
    fixtures.heavyRecords.map((recordId) => ({ recordId, at: fixtures.working })),
  );
  await consult(users.peer1!, [
    { recordId: fixtures.disclosed.id, at: fixtures.working },
    { recordId: randomUUID(), at: fixtures.working },
    {
      recordId: fixtures.restrictedPerson.id,
      at: fixtures.working,
      reason: 'identity_check: stopped at Hazeldonk without papers',
    },
  ]);
  await consult(users.peer2!, [
    { recordId: fixtures.disclosed.id, at: fixtures.working, action: 'subject.consult' },
    { recordId: randomUUID(), at: fixtures.working },
    { recordId: randomUUID(), at: fixtures.working },
  ]);
  await consult(users.owl!, [{ recordId: fixtures.disclosed.id, at: fixtures.night }]);
  await consult(
    users.dutch!,
    Array.from({ length: 40 }, () => ({ recordId: randomUUID(), at: fixtures.night })),
    'NL',
  );
});

afterAll(async () => {
  await node.close();
});

// ------------------------------------------------------------ the tests

const ENDPOINTS = [
  '/api/v1/dpo/reviews/overdue',
  '/api/v1/dpo/notices/unconfirmed',
  '/api/v1/dpo/records/restricted',
  '/api/v1/dpo/disclosures',
  '/api/v1/dpo/consultations',
  '/api/v1/dpo/anomalies',
  '/api/v1/dpo/processing-record',
];

describe('access', () => {
  it.each(ENDPOINTS)('refuses an officer %s', async (url) => {
    const { status, body } = await get(officerToken, url);
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'forbidden' });
  });

  it.each(ENDPOINTS)('answers the DPO %s', async (url) => {
    expect((await get(dpoToken, url)).status).toBe(200);
  });
});

interface Items<T> {
  items: T[];
  total: number;
}

describe('overdue reviews', () => {
  it('lists the undecided reviews whose decision time ran out, of this country only', async () => {
    const body = await ok<Items<Record<string, unknown>>>('/api/v1/dpo/reviews/overdue');
    expect(body.items).toEqual([
      {
        taskId: fixtures.overdueTask,
        recordId: fixtures.disclosed.id,
        kind: 'person',
        category: 'suspect',
        holderAgency: { code: agencyA.code, name: agencyA.name },
        dueAt: expect.any(String) as string,
      },
    ]);
  });
});

describe('unconfirmed notices', () => {
  it('lists every recipient that has not confirmed, overdue or not', async () => {
    const body = await ok<Items<Record<string, unknown>>>('/api/v1/dpo/notices/unconfirmed');
    expect(body.items.map((n) => [n.noticeId, n.node, n.viaNode, n.overdue])).toEqual([
      [fixtures.noticeId, 'nl', null, true],
      [fixtures.noticeId, 'lu', 'nl', false],
    ]);
    expect(body.items[0]).toMatchObject({
      recordId: fixtures.disclosed.id,
      kind: 'rectification',
    });
  });
});

describe('restricted records', () => {
  it('lists restricted records with a label, not erased ones, newest first; and audits it', async () => {
    const body = await ok<Items<Record<string, unknown>>>('/api/v1/dpo/records/restricted');
    expect(body.items).toEqual([
      {
        recordId: fixtures.restrictedVehicle.id,
        kind: 'vehicle',
        label: '1-ABC-234',
        holderAgency: { code: agencyB.code, name: agencyB.name },
        restrictedAt: expect.any(String) as string,
        reason: 'Kept as evidence only.',
      },
      {
        recordId: fixtures.restrictedPerson.id,
        kind: 'person',
        label: 'DE JANSEN, Mark',
        holderAgency: { code: agencyA.code, name: agencyA.name },
        restrictedAt: expect.any(String) as string,
        reason: 'Accuracy contested by the data subject.',
      },
    ]);
    const entry = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'dpo.restricted-records')
      .where('actor_user_id', '=', dpo.id)
      .executeTakeFirst();
    expect(entry?.details).toMatchObject({ returned: 2 });
  });
});

describe('disclosures', () => {
  it('pages through the disclosures of this country, newest first, with the total', async () => {
    const first = await ok<Items<Record<string, unknown>>>('/api/v1/dpo/disclosures');
    expect(first.total).toBe(63);
    expect(first.items).toHaveLength(50);
    const times = first.items.map((d) => Date.parse(d.disclosedAt as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.items[0]).toMatchObject({
      recordId: fixtures.disclosed.id,
      kind: 'person',
      recipientNode: 'nl',
      recipientCountry: 'NL',
      reference: fixtures.disclosed.reference,
      handlingCode: 'H1',
      fields: ['surname', 'givenNames', 'birthDate'],
    });
    const second = await ok<Items<Record<string, unknown>>>('/api/v1/dpo/disclosures?page=2');
    expect(second.total).toBe(63);
    expect(second.items).toHaveLength(13);
    const ids = new Set([...first.items, ...second.items].map((d) => d.id));
    expect(ids.size).toBe(63);
    expect([...first.items, ...second.items].every((d) => d.recipientNode !== 'be')).toBe(true);
  });

  it('filters by record, recipient node and time', async () => {
    const byRecord = await ok<Items<Record<string, unknown>>>(
      `/api/v1/dpo/disclosures?recordId=${fixtures.disclosedToLu.id}`,
    );
    expect(byRecord.total).toBe(3);
    expect(byRecord.items.every((d) => d.recipientNode === 'lu')).toBe(true);
    const byNode = await ok<Items<Record<string, unknown>>>('/api/v1/dpo/disclosures?node=nl');
    expect(byNode.total).toBe(60);
    const from = new Date(Date.now() - 10.5 * DAY_MS).toISOString();
    const to = new Date(Date.now() - 5.5 * DAY_MS).toISOString();
    const window = await ok<Items<Record<string, unknown>>>(
      `/api/v1/dpo/disclosures?from=${from}&to=${to}`,
    );
    // Days 6–10 to NL (5) and days 6 and 7 to LU (2).
    expect(window.total).toBe(7);
  });

  it('refuses a malformed filter', async () => {
    expect((await get(dpoToken, '/api/v1/dpo/disclosures?recordId=nope')).status).toBe(400);
    expect((await get(dpoToken, '/api/v1/dpo/disclosures?page=0')).status).toBe(400);
  });
});

describe('consultations', () => {
  it('shows who read which record, with agency, context and purpose, newest first', async () => {
    const body = await ok<Items<Record<string, unknown>>>(
      `/api/v1/dpo/consultations?recordId=${fixtures.disclosed.id}`,
    );
    expect(body.total).toBe(3);
    expect(body.items.map((c) => [c.username, c.context, c.kind])).toEqual([
      [users.owl!.username, 'request', 'person'],
      [users.peer2!.username, 'request', 'person'],
      [users.peer1!.username, 'request', 'person'],
    ]);
    expect(body.items[0]).toMatchObject({
      agency: { code: agencyB.code, name: agencyB.name },
      recordId: fixtures.disclosed.id,
      at: fixtures.night.toISOString(),
      purpose: 'BE-2026-00042: locate a missing minor',
    });
    const seqs = body.items.map((c) => c.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const reason = await ok<Items<Record<string, unknown>>>(
      `/api/v1/dpo/consultations?recordId=${fixtures.restrictedPerson.id}`,
    );
    expect(reason.items).toEqual([
      expect.objectContaining({
        username: users.peer1!.username,
        context: 'reason',
        purpose: 'identity_check: stopped at Hazeldonk without papers',
      }),
    ]);
  });

  it('filters by user and time, pages with the total, and leaves out other countries', async () => {
    const heavy = users.heavy!.username;
    const first = await ok<Items<Record<string, unknown>>>(
      `/api/v1/dpo/consultations?username=${heavy}`,
    );
    expect(first.total).toBe(56);
    expect(first.items).toHaveLength(50);
    const second = await ok<Items<Record<string, unknown>>>(
      `/api/v1/dpo/consultations?username=${heavy}&page=2`,
    );
    expect(second.items).toHaveLength(6);
    const recent = await ok<Items<Record<string, unknown>>>(
      `/api/v1/dpo/consultations?username=${heavy}&from=${new Date(Date.now() - 30 * DAY_MS).toISOString()}`,
    );
    expect(recent.total).toBe(55);
    const old = await ok<Items<Record<string, unknown>>>(
      `/api/v1/dpo/consultations?username=${heavy}&to=${new Date(Date.now() - 30 * DAY_MS).toISOString()}`,
    );
    expect(old.total).toBe(1);

    const dutch = await ok<Items<Record<string, unknown>>>(
      `/api/v1/dpo/consultations?username=${users.dutch!.username}`,
    );
    expect(dutch.total).toBe(0);
    const all = await ok<Items<Record<string, unknown>>>('/api/v1/dpo/consultations');
    expect(all.total).toBe(56 + 3 + 3 + 1);
  });

  it('audits the search with its filter', async () => {
    await ok(`/api/v1/dpo/consultations?recordId=${fixtures.disclosedToLu.id}`);
    const entry = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'dpo.search-consultations')
      .where('object_id', '=', fixtures.disclosedToLu.id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(dpo.id);
    expect(entry.details).toMatchObject({ recordId: fixtures.disclosedToLu.id, total: 0 });
  });
});

interface AnomalyBody {
  from: string;
  to: string;
  items: {
    kind: string;
    userId: string;
    username: string;
    agency: { code: string; name: string } | null;
    count: number;
    peerMedian: number | null;
    evidence: { seq: number; at: string; recordId: string; purpose: string | null }[];
  }[];
}

describe('anomalies', () => {
  it('lists volume, reads outside any context and reads at unusual hours, with evidence', async () => {
    const body = await ok<AnomalyBody>('/api/v1/dpo/anomalies');
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(30 * DAY_MS);
    expect(body.items.map((a) => [a.kind, a.username, a.count, a.peerMedian])).toEqual([
      // Peers read 3, 3 and 1 distinct records: median 3.
      ['volume', users.heavy!.username, 55, 3],
      ['outside_context', users.peer1!.username, 1, null],
      ['unusual_hours', users.owl!.username, 1, null],
    ]);
    const [volume, outside, night] = body.items;
    expect(volume!.userId).toBe(users.heavy!.id);
    expect(volume!.agency).toEqual({ code: agencyA.code, name: agencyA.name });
    expect(volume!.evidence).toHaveLength(20);
    expect(volume!.evidence.every((e) => fixtures.heavyRecords.includes(e.recordId))).toBe(true);
    expect(outside!.evidence).toEqual([
      {
        seq: expect.any(Number) as number,
        at: fixtures.working.toISOString(),
        recordId: fixtures.restrictedPerson.id,
        purpose: 'identity_check: stopped at Hazeldonk without papers',
      },
    ]);
    expect(night!.evidence.map((e) => e.at)).toEqual([fixtures.night.toISOString()]);

    const entry = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'dpo.anomalies')
      .where('actor_user_id', '=', dpo.id)
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ days: 30, returned: 3 });
  });

  it('looks only at the window asked for', async () => {
    const body = await ok<AnomalyBody>('/api/v1/dpo/anomalies?days=1');
    expect(body.items).toEqual([]);
    expect((await get(dpoToken, '/api/v1/dpo/anomalies?days=0')).status).toBe(400);
  });
});

describe('processing record', () => {
  it('is generated from the configuration', async () => {
    const body = await ok<Record<string, unknown>>('/api/v1/dpo/processing-record');
    const dpoRow = await db
      .selectFrom('app_user')
      .select('display_name')
      .where('id', '=', dpo.id)
      .executeTakeFirstOrThrow();
    expect(body.controller).toEqual({
      node: null,
      country: 'BE',
      name: null,
      agencies: expect.arrayContaining([
        { code: agencyA.code, name: agencyA.name, kind: 'police' },
        { code: agencyB.code, name: agencyB.name, kind: 'police' },
      ]) as unknown,
    });
    const agencies = (body.controller as { agencies: { code: string }[] }).agencies;
    expect(agencies.map((a) => a.code)).not.toContain(agencyNl.code);
    expect(body.dpos).toEqual([dpoRow.display_name]);
    expect(body.purposes).toContain('drug_trafficking');
    expect(body.dataSubjectCategories).toEqual([
      'suspect',
      'convicted',
      'victim',
      'witness',
      'contact_other',
    ]);
    const categories = body.personalDataCategories as { kind: string; fields: string[] }[];
    expect(categories.map((c) => c.kind)).toEqual([
      'person',
      'vehicle',
      'organisation',
      'phone',
      'email',
      'address',
      'bank_account',
    ]);
    expect(categories[0]!.fields).toEqual(
      expect.arrayContaining(['surname', 'givenNames', 'birthDate', 'documents']),
    );
    expect(categories[0]!.fields).not.toContain('kind');
    expect(categories.find((c) => c.kind === 'vehicle')!.fields).toContain('plate');
    expect(body.recipients).toEqual([]);
    const rules = await db.selectFrom('retention_rule').selectAll().execute();
    expect(body.retention).toHaveLength(rules.length);
    expect(body.retention).toContainEqual({
      category: null,
      purpose: null,
      reviewMonths: 6,
      retentionMonths: 60,
    });
    expect(body.retention).toContainEqual({
      category: 'convicted',
      purpose: null,
      reviewMonths: 12,
      retentionMonths: 120,
    });
    const reasons = body.consultationReasons as { code: string; labels: Record<string, string> }[];
    expect(reasons.map((r) => r.code)).toEqual([
      'ongoing_investigation',
      'imminent_threat',
      'identity_check',
      'judicial_order',
      'data_protection_task',
    ]);
    expect(reasons[2]!.labels).toMatchObject({ en: 'Identity check', nl: 'Identiteitscontrole' });
    expect((body.securityMeasures as string[]).join(' ')).toMatch(/argon2id/);
  });

  it('follows a change of the retention rules', async () => {
    await db
      .insertInto('retention_rule')
      .values({
        id: randomUUID(),
        category: 'suspect',
        purpose: 'terrorism',
        review_months: 12,
        retention_months: 240,
        updated_at: new Date(),
      })
      .execute();
    const body = await ok<{ retention: unknown[] }>('/api/v1/dpo/processing-record');
    expect(body.retention).toContainEqual({
      category: 'suspect',
      purpose: 'terrorism',
      reviewMonths: 12,
      retentionMonths: 240,
    });
  });
});
