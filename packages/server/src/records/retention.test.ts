import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../exchange/exchange.schemas.js';
import type { PersonalRecordRow } from '../kernel/db/schema.js';
import {
  bearer,
  createTestAgency,
  createTestNode,
  createTestUser,
  issueToken,
  type TestNode,
} from '../test-support/app.js';
import { addMonths } from './retention-policy.js';
import { recordLabel } from './labels.js';
import type { RetentionRuleList, ReviewTask, ReviewTaskList } from './retention.schemas.js';

/**
 * The retention schedule through the real HTTP app on a real database, with a
 * simulated clock: records made by exchange drafts get a review task for their
 * holder agency on their category's review date (and not before), are kept or
 * erased by that review, and are erased on their category's retention date.
 */

let now = new Date();
let node: TestNode;
const tokens: Record<string, string> = {};
const records: Record<string, PersonalRecordRow> = {};

async function call<T = unknown>(
  who: string,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
) {
  const response = await node.inject({
    method,
    url,
    headers: bearer(tokens[who]!),
    ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
  });
  return { status: response.statusCode, body: response.json<T>() };
}

async function ok<T>(who: string, method: InjectOptions['method'], url: string, payload?: unknown) {
  const result = await call<T>(who, method, url, payload);
  if (result.status >= 300) {
    throw new Error(`${method} ${url} → ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.body;
}

/** Creates a draft request with subjects; returns the records it made, by subject name. */
async function draftWith(who: string, subjects: Record<string, Record<string, unknown>>) {
  const names = Object.keys(subjects);
  const detail = await ok<RequestDetail>(who, 'POST', '/api/v1/exchange/requests', {
    purpose: 'Trace the people and goods named in a fraud file.',
    offenceCategory: 'fraud',
    subjects: Object.values(subjects),
  });
  const ids = (detail.content.subjects ?? []).map((s) => s.id!);
  expect(ids).toHaveLength(names.length);
  const rows = await node.database.db
    .selectFrom('personal_record')
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  expect(rows).toHaveLength(names.length);
  names.forEach((name, i) => (records[name] = rows.find((r) => r.id === ids[i])!));
}

const record = (name: string) =>
  node.database.db
    .selectFrom('personal_record')
    .selectAll()
    .where('id', '=', records[name]!.id)
    .executeTakeFirstOrThrow();

const occurrences = (name: string) =>
  node.database.db
    .selectFrom('exchange_subject')
    .selectAll()
    .where('record_id', '=', records[name]!.id)
    .execute();

const tick = (at: Date) => {
  now = at;
  return node.app.retention!.tick();
};

const millisecondBefore = (date: Date) => new Date(date.getTime() - 1);
const DAY_MS = 86_400_000;

async function notificationsOf(who: string) {
  const list = await ok<{ items: { kind: string; requestId: string | null }[] }>(
    who,
    'GET',
    '/api/v1/notifications',
  );
  return list.items;
}

const reviews = (who: string, query = '') =>
  ok<ReviewTaskList>(who, 'GET', `/api/v1/records/reviews${query}`);

async function taskOf(name: string, who = 'spocA'): Promise<ReviewTask> {
  const list = await reviews(who);
  const task = list.items.find((t) => t.recordId === records[name]!.id);
  if (!task) throw new Error(`no open review for ${name}`);
  return task;
}

const auditEntries = (action: string, objectId: string) =>
  node.database.db
    .selectFrom('audit_entry')
    .selectAll()
    .where('action', '=', action)
    .where('object_id', '=', objectId)
    .execute();

beforeAll(async () => {
  node = await createTestNode({ records: { clock: () => now, retentionJob: false } });
  const db = node.database.db;
  const agencyA = await createTestAgency(db, { name: 'Federale Politie Antwerpen' });
  const agencyB = await createTestAgency(db, { name: 'Lokale Politie Gent' });
  const users = {
    officerA: { agencyId: agencyA.id, roles: ['officer' as const] },
    spocA: { agencyId: agencyA.id, roles: ['spoc' as const] },
    officerB: { agencyId: agencyB.id, roles: ['officer' as const] },
    dpo: { agencyId: agencyA.id, roles: ['dpo' as const] },
    admin: { agencyId: agencyA.id, roles: ['admin' as const] },
  };
  for (const [name, options] of Object.entries(users)) {
    const user = await createTestUser(db, node.dataKey, options);
    tokens[name] = await issueToken(node, user);
  }
  await draftWith('officerA', {
    victim: {
      kind: 'person',
      category: 'victim',
      surname: 'Peeters',
      givenNames: 'Anna Maria',
      birthDate: '1984-02-29',
    },
    witness: { kind: 'person', category: 'witness', surname: 'Dubois', givenNames: 'Luc' },
    contact: { kind: 'phone', category: 'contact_other', number: '+32 470 12 34 56' },
    suspect: {
      kind: 'person',
      category: 'suspect',
      surnamePrefix: 'de',
      surname: 'Vries',
      givenNames: 'Jan',
      birthDate: '1979-07-01',
      documents: [{ type: 'passport', number: 'NX1234567', issuingCountry: 'NL' }],
    },
    vehicle: { kind: 'vehicle', category: 'suspect', plate: '1-ABC-234', plateCountry: 'BE' },
    company: {
      kind: 'organisation',
      name: 'Transport Noord BV',
      registrationNumber: '0123.456.789',
    },
  });
  await draftWith('officerB', {
    otherVictim: { kind: 'person', category: 'victim', surname: 'Claes', givenNames: 'Els' },
  });
});

afterAll(async () => {
  await node.close();
});

describe('the retention schedule', () => {
  it("schedules each record by its category's seeded rule", () => {
    const expected = (name: string, review: number, retention: number) => {
      const r = records[name]!;
      expect(r.review_at, name).toEqual(addMonths(r.held_since, review));
      expect(r.expires_at, name).toEqual(addMonths(r.held_since, retention));
    };
    expected('contact', 3, 12);
    expected('victim', 6, 24);
    expected('witness', 6, 24);
    expected('suspect', 6, 60);
    expected('vehicle', 6, 60);
    expected('company', 6, 60);
    expect(records.company!.holder_agency_id).not.toBe(records.otherVictim!.holder_agency_id);
  });

  it('raises no review before the first review date', async () => {
    expect(await tick(millisecondBefore(records.contact!.review_at))).toEqual({
      reviewsRaised: 0,
      erased: 0,
    });
    expect(await reviews('spocA')).toEqual({ items: [], total: 0 });
  });

  it('raises the contact’s review on its date (three months), once', async () => {
    expect(await tick(records.contact!.review_at)).toEqual({ reviewsRaised: 1, erased: 0 });
    expect(await tick(records.contact!.review_at)).toEqual({ reviewsRaised: 0, erased: 0 });
    const list = await reviews('spocA');
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      recordId: records.contact!.id,
      kind: 'phone',
      category: 'contact_other',
      label: '…3456',
      dueAt: records.contact!.review_at.toISOString(),
      overdue: false,
      decidedAt: null,
      decision: null,
      note: null,
    });
    expect(list.items[0]!.holderAgency.name).toBe('Federale Politie Antwerpen');
  });

  it('tells the holder agency’s SPOC, not the other agency', async () => {
    expect(await notificationsOf('spocA')).toEqual([
      expect.objectContaining({ kind: 'record_review', requestId: null, reference: null }),
    ]);
    expect(await notificationsOf('officerB')).toEqual([]);
  });

  it('raises the six-month reviews on their own date and not before', async () => {
    const sixMonths = ['victim', 'witness', 'suspect', 'vehicle', 'company', 'otherVictim'];
    const first = Math.min(...sixMonths.map((n) => records[n]!.review_at.getTime()));
    const last = Math.max(...sixMonths.map((n) => records[n]!.review_at.getTime()));
    expect(await tick(new Date(first - 1))).toEqual({ reviewsRaised: 0, erased: 0 });
    expect(await tick(new Date(last))).toEqual({ reviewsRaised: 6, erased: 0 });
    expect(await tick(new Date(last))).toEqual({ reviewsRaised: 0, erased: 0 });

    const own = await reviews('spocA');
    expect(own.total).toBe(6);
    const labels = Object.fromEntries(own.items.map((t) => [t.recordId, t.label]));
    expect(labels).toEqual({
      [records.contact!.id]: '…3456',
      [records.victim!.id]: 'PEETERS, Anna Maria',
      [records.witness!.id]: 'DUBOIS, Luc',
      [records.suspect!.id]: 'DE VRIES, Jan',
      [records.vehicle!.id]: '1-ABC-234',
      [records.company!.id]: 'Transport Noord BV',
    });
    // Least data: no birth date or document number in the list.
    expect(JSON.stringify(own)).not.toMatch(/1979|1984|NX1234567|0123\.456/);
    // Soonest due first; the contact's review, open for three months, is overdue.
    expect(own.items[0]).toMatchObject({ recordId: records.contact!.id, overdue: true });
    expect(own.items.slice(1).map((t) => t.overdue)).toEqual([false, false, false, false, false]);
    // One more notice for the SPOC; an agency without SPOC tells its officers.
    expect(await notificationsOf('spocA')).toHaveLength(2);
    expect(await notificationsOf('officerB')).toEqual([
      expect.objectContaining({ kind: 'record_review' }),
    ]);
  });

  it('shows each agency its own tasks, and the DPO those of the country', async () => {
    const other = await reviews('officerB');
    expect(other.items.map((t) => t.recordId)).toEqual([records.otherVictim!.id]);
    expect(other.items[0]).toMatchObject({ label: 'CLAES, Els', category: 'victim' });
    expect((await reviews('officerA')).total).toBe(6);
    expect((await reviews('dpo')).total).toBe(7);
    expect(await reviews('spocA', '?state=decided')).toEqual({ items: [], total: 0 });
    const refused = await call('admin', 'GET', '/api/v1/records/reviews');
    expect(refused.status).toBe(403);
  });

  it('answers 404 for a task of another agency, and audits the refusal', async () => {
    const task = await taskOf('otherVictim', 'officerB');
    const refused = await call('spocA', 'POST', `/api/v1/records/reviews/${task.id}`, {
      decision: 'erase',
      note: 'Not ours to decide.',
    });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'not_found' });
    expect((await record('otherVictim')).erased_at).toBeNull();
    const missing = await call('spocA', 'POST', `/api/v1/records/reviews/${crypto.randomUUID()}`, {
      decision: 'keep',
      note: 'Nothing here.',
    });
    expect(missing.status).toBe(404);
    const denied = await node.database.db
      .selectFrom('audit_entry')
      .select('outcome')
      .where('object_id', '=', task.id)
      .execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });

  it('keeps a record until its next review', async () => {
    const task = await taskOf('witness');
    now = new Date(now.getTime() + DAY_MS);
    const kept = await ok<ReviewTask>('spocA', 'POST', `/api/v1/records/reviews/${task.id}`, {
      decision: 'keep',
      note: 'The witness is to be heard again in the trial.',
    });
    expect(kept).toMatchObject({
      id: task.id,
      decision: 'keep',
      decidedAt: now.toISOString(),
      note: 'The witness is to be heard again in the trial.',
      label: 'DUBOIS, Luc',
    });
    const after = await record('witness');
    expect(after.last_reviewed_at).toEqual(now);
    expect(after.review_at).toEqual(addMonths(now, 6));
    expect(after.erased_at).toBeNull();
    expect(await auditEntries('record.review', records.witness!.id)).toEqual([
      expect.objectContaining({ outcome: 'success', object_type: 'record.person' }),
    ]);

    const again = await call('spocA', 'POST', `/api/v1/records/reviews/${task.id}`, {
      decision: 'erase',
      note: 'Second thoughts.',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'review_decided' });
    expect((await reviews('spocA', '?state=decided')).items.map((t) => t.id)).toEqual([task.id]);
    expect(await tick(now)).toEqual({ reviewsRaised: 0, erased: 0 });
  });

  it('erases a record by review, through the records core', async () => {
    const task = await taskOf('company');
    const erased = await ok<ReviewTask>('spocA', 'POST', `/api/v1/records/reviews/${task.id}`, {
      decision: 'erase',
      note: 'No longer needed for the investigation.',
    });
    expect(erased).toMatchObject({
      decision: 'erase',
      label: null,
      note: 'No longer needed for the investigation.',
    });
    const tombstone = await record('company');
    expect(tombstone).toMatchObject({ kind: 'organisation', category: null });
    expect(tombstone.erased_at).toEqual(now);
    expect(tombstone.erasure_reason).toBe('No longer needed for the investigation.');
    for (const occurrence of await occurrences('company')) expect(occurrence.details).toEqual({});
    expect(await auditEntries('record.erase', records.company!.id)).toHaveLength(1);
    expect(await auditEntries('record.review', records.company!.id)).toHaveLength(1);
  });

  it('erases the contact at twelve months, and not before', async () => {
    const { expires_at: expiresAt } = records.contact!;
    expect(await tick(millisecondBefore(expiresAt))).toEqual({ reviewsRaised: 0, erased: 0 });
    expect((await record('contact')).erased_at).toBeNull();
    expect(await tick(expiresAt)).toEqual({ reviewsRaised: 0, erased: 1 });
    const tombstone = await record('contact');
    expect(tombstone).toMatchObject({
      kind: 'phone',
      category: 'contact_other',
      erasure_reason: 'retention_expired',
      held_since: records.contact!.held_since,
    });
    expect(tombstone.erased_at).toEqual(expiresAt);
    for (const occurrence of await occurrences('contact')) expect(occurrence.details).toEqual({});
    const expired = await auditEntries('record.expire', records.contact!.id);
    expect(expired).toEqual([
      expect.objectContaining({
        object_type: 'record.phone',
        actor_user_id: null,
        outcome: 'success',
      }),
    ]);
    // Its open review closed with it; the list shows it without any label.
    const decided = await reviews('dpo', '?state=decided');
    const closed = decided.items.find((t) => t.recordId === records.contact!.id)!;
    expect(closed).toMatchObject({ decision: 'erase', note: 'retention_expired', label: null });
    // Nothing is erased twice.
    expect(await tick(expiresAt)).toEqual({ reviewsRaised: 0, erased: 0 });
    expect(await auditEntries('record.expire', records.contact!.id)).toHaveLength(1);
  });

  it('raises the review a keep decision moved, on its new date', async () => {
    const { review_at: next } = await record('witness');
    expect(await tick(millisecondBefore(next))).toEqual({ reviewsRaised: 0, erased: 0 });
    expect(await tick(next)).toEqual({ reviewsRaised: 1, erased: 0 });
    const task = await taskOf('witness');
    expect(task.dueAt).toBe(next.toISOString());
  });

  it('keeps a record no later than its erasure date', async () => {
    const task = await taskOf('victim');
    // Three months before the victim's erasure, the next review would fall after it.
    now = addMonths(records.victim!.expires_at, -3);
    await ok('spocA', 'POST', `/api/v1/records/reviews/${task.id}`, {
      decision: 'keep',
      note: 'Proceedings are still pending.',
    });
    expect((await record('victim')).review_at).toEqual(records.victim!.expires_at);
  });

  it('erases victims at twenty-four months, and not before', async () => {
    for (const name of ['victim', 'otherVictim']) {
      const { expires_at: expiresAt } = records[name]!;
      await tick(millisecondBefore(expiresAt));
      expect((await record(name)).erased_at, name).toBeNull();
      // Erased, not reviewed, when both fall on one day.
      expect(await tick(expiresAt), name).toMatchObject({ reviewsRaised: 0 });
      const tombstone = await record(name);
      expect(tombstone, name).toMatchObject({
        kind: 'person',
        category: 'victim',
        erasure_reason: 'retention_expired',
        name_key: null,
        name_key_bare: null,
        given_key: null,
        birth_date: null,
      });
      expect(tombstone.erased_at).toEqual(expiresAt);
      for (const occurrence of await occurrences(name)) expect(occurrence.details).toEqual({});
      expect(await auditEntries('record.expire', records[name]!.id)).toHaveLength(1);
    }
    expect((await record('suspect')).erased_at).toBeNull();
    expect((await record('vehicle')).erased_at).toBeNull();
  });

  it('erases suspects at sixty months, and not before', async () => {
    const names = ['suspect', 'vehicle'];
    const expiresAt = records.suspect!.expires_at;
    expect(records.vehicle!.expires_at).toEqual(expiresAt);
    await tick(millisecondBefore(expiresAt));
    for (const name of names) expect((await record(name)).erased_at, name).toBeNull();
    expect(await tick(expiresAt)).toEqual({ reviewsRaised: 0, erased: 2 });
    for (const name of names) {
      const tombstone = await record(name);
      expect(tombstone, name).toMatchObject({
        category: 'suspect',
        erasure_reason: 'retention_expired',
        name_key: null,
      });
      expect(tombstone.erased_at).toEqual(expiresAt);
      for (const occurrence of await occurrences(name)) expect(occurrence.details).toEqual({});
    }
    // Every record is gone; no open review is left behind.
    expect(await reviews('dpo')).toEqual({ items: [], total: 0 });
  });
});

describe('retention rules', () => {
  const seeded = [
    { category: null, purpose: null, reviewMonths: 6, retentionMonths: 60 },
    { category: 'contact_other', purpose: null, reviewMonths: 3, retentionMonths: 12 },
    { category: 'convicted', purpose: null, reviewMonths: 12, retentionMonths: 120 },
    { category: 'suspect', purpose: null, reviewMonths: 6, retentionMonths: 60 },
    { category: 'victim', purpose: null, reviewMonths: 6, retentionMonths: 24 },
    { category: 'witness', purpose: null, reviewMonths: 6, retentionMonths: 24 },
  ];

  it('lists the rules to the DPO, administrators and supervisors, not officers', async () => {
    const list = await ok<RetentionRuleList>('dpo', 'GET', '/api/v1/records/retention-rules');
    expect(list.items.map(({ id: _id, updatedAt: _at, ...rule }) => rule)).toEqual(seeded);
    expect((await call('admin', 'GET', '/api/v1/records/retention-rules')).status).toBe(200);
    const refused = await call('officerA', 'GET', '/api/v1/records/retention-rules');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'forbidden' });
  });

  it('refuses rules without a default, with a rule twice, or reviewing after erasure', async () => {
    const put = (rules: unknown[]) =>
      call('dpo', 'PUT', '/api/v1/records/retention-rules', { rules });
    const noDefault = await put(seeded.slice(1));
    expect(noDefault.status).toBe(422);
    expect(noDefault.body).toMatchObject({ code: 'default_rule_required' });
    const twice = await put([...seeded, seeded[1]]);
    expect(twice.body).toMatchObject({ code: 'duplicate_rule' });
    const late = await put([
      ...seeded.slice(0, 1),
      { category: 'victim', purpose: null, reviewMonths: 30, retentionMonths: 24 },
    ]);
    expect(late.body).toMatchObject({ code: 'review_after_retention' });
    const unknown = await put([{ ...seeded[0], shelfLife: 3 }]);
    expect(unknown.status).toBe(400);
    for (const who of ['officerA', 'admin', 'spocA']) {
      const refused = await call(who, 'PUT', '/api/v1/records/retention-rules', {
        rules: seeded,
      });
      expect(refused.status, who).toBe(403);
    }
    const list = await ok<RetentionRuleList>('dpo', 'GET', '/api/v1/records/retention-rules');
    expect(list.items).toHaveLength(seeded.length);
  });

  it('replaces the rules, audited; records held from then on follow them', async () => {
    const before = await ok<RetentionRuleList>('dpo', 'GET', '/api/v1/records/retention-rules');
    const rules = [
      seeded[0]!,
      { category: 'contact_other', purpose: null, reviewMonths: 2, retentionMonths: 6 },
      { category: 'victim', purpose: 'fraud', reviewMonths: 1, retentionMonths: 12 },
      seeded[5]!,
    ];
    now = new Date();
    const after = await ok<RetentionRuleList>('dpo', 'PUT', '/api/v1/records/retention-rules', {
      rules,
    });
    expect(after.items.map(({ id: _id, updatedAt: _at, ...rule }) => rule)).toEqual([
      rules[0],
      rules[1],
      rules[2],
      rules[3],
    ]);
    const byCategory = (list: RetentionRuleList, category: string | null, purpose = null) =>
      list.items.find((r) => r.category === category && r.purpose === purpose);
    // Unchanged rules keep their id and date; a changed one keeps its id.
    expect(byCategory(after, null)).toEqual(byCategory(before, null));
    expect(byCategory(after, 'witness')).toEqual(byCategory(before, 'witness'));
    expect(byCategory(after, 'contact_other')!.id).toBe(byCategory(before, 'contact_other')!.id);
    expect(byCategory(after, 'contact_other')!.updatedAt).toBe(now.toISOString());
    const audited = await node.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'retention.update')
      .execute();
    expect(audited).toHaveLength(1);

    await draftWith('officerA', {
      newContact: { kind: 'phone', category: 'contact_other', number: '+32 470 98 76 54' },
      fraudVictim: { kind: 'person', category: 'victim', surname: 'Janssens', givenNames: 'Bo' },
      suspectNow: { kind: 'person', category: 'suspect', surname: 'Maes', givenNames: 'Tom' },
    });
    const check = (name: string, review: number, retention: number) => {
      const r = records[name]!;
      expect(r.review_at, name).toEqual(addMonths(r.held_since, review));
      expect(r.expires_at, name).toEqual(addMonths(r.held_since, retention));
    };
    check('newContact', 2, 6);
    check('fraudVictim', 1, 12);
    // The suspect rule is gone: the default applies.
    check('suspectNow', 6, 60);
  });
});

describe('review labels', () => {
  it('show the least needed to choose', () => {
    expect(
      recordLabel('person', { surname: 'Berg', surnamePrefix: 'van den', givenNames: 'Eva' }),
    ).toBe('VAN DEN BERG, Eva');
    expect(recordLabel('person', { givenNames: 'Eva', birthDate: '1990-01-01' })).toBe('Eva');
    expect(recordLabel('person', { birthDate: '1990-01-01' })).toBeNull();
    expect(recordLabel('vehicle', { vin: 'WVWZZZ1JZXW000001', make: 'VW' })).toBe('…0001');
    expect(recordLabel('bank_account', { iban: 'BE71096123456769', holder: 'X' })).toBe('…6769');
    expect(recordLabel('email', { address: 'jan.peeters@example.be' })).toBe('j…@example.be');
    expect(
      recordLabel('address', {
        street: 'Kerkstraat',
        houseNumber: '1',
        postalCode: '2000',
        city: 'Antwerpen',
      }),
    ).toBe('2000 Antwerpen');
    expect(recordLabel('phone', {})).toBeNull();
  });
});
