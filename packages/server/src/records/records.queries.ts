import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db, DbOrTrx, Trx } from '../kernel/db/database.js';
import type { PersonalRecordRow } from '../kernel/db/schema.js';
import { givenKey, surnameKeys } from './names.js';
import { listRetentionRules, ruleFor, schedule } from './retention-policy.js';

/** The folded name fields of a person subject's details (null for anything else). */
export function nameColumns(kind: string, details: Record<string, unknown>) {
  const text = (key: string) => (typeof details[key] === 'string' ? details[key] : '');
  if (kind !== 'person' || text('surname') === '') {
    return { name_key: null, name_key_bare: null, given_key: null, birth_date: null };
  }
  const keys = surnameKeys(text('surname'), text('surnamePrefix'));
  return {
    name_key: keys.full,
    name_key_bare: keys.bare,
    given_key: text('givenNames') === '' ? null : givenKey(text('givenNames')),
    birth_date: text('birthDate') === '' ? null : text('birthDate'),
  };
}

/** A subject row just stored, as far as holding its record is concerned. */
export interface HeldSubject {
  record_id: string;
  kind: string;
  category: string | null;
  statement: string | null;
  details: Record<string, unknown>;
}

/**
 * Makes sure this node keeps a record for each subject just stored: the first
 * occurrence decides where it came from, who holds it and when it is reviewed
 * and erased; later occurrences (the same record in another request) add nothing.
 */
export async function holdRecords(
  trx: Trx,
  subjects: readonly HeldSubject[],
  from: {
    holderAgencyId: string;
    purpose: string | null;
    /** The node it came from and the node that first held it; null when made here. */
    sourceNode: string | null;
    originNode: string | null;
    handlingCode: string | null;
    closedAt: Date | null;
  },
  now: Date,
): Promise<void> {
  if (subjects.length === 0) return;
  const rules = await listRetentionRules(trx);
  await trx
    .insertInto('personal_record')
    .values(
      subjects.map((s) => {
        const rule = ruleFor(rules, { category: s.category, purpose: from.purpose });
        const { reviewAt, expiresAt } = schedule(rule, now, from.closedAt);
        return {
          id: s.record_id,
          kind: s.kind,
          category: s.category,
          statement: s.statement,
          origin_node: from.originNode,
          source_node: from.sourceNode,
          handling_code: from.handlingCode,
          holder_agency_id: from.holderAgencyId,
          purpose: from.purpose,
          held_since: now,
          review_at: reviewAt,
          expires_at: expiresAt,
          ...nameColumns(s.kind, s.details),
        };
      }),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * The exchange that a record's review counts from has closed: its records are
 * reviewed the rule's months from now (never later than their erasure).
 */
export async function rescheduleOnClose(trx: Trx, requestId: string, closedAt: Date) {
  const records = await trx
    .selectFrom('personal_record')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb.selectFrom('exchange_subject').select('record_id').where('request_id', '=', requestId),
    )
    .where('erased_at', 'is', null)
    .execute();
  if (records.length === 0) return;
  const rules = await listRetentionRules(trx);
  for (const record of records) {
    const { reviewAt } = schedule(ruleFor(rules, record), record.held_since, closedAt);
    if (reviewAt > record.review_at) {
      await trx
        .updateTable('personal_record')
        .set({ review_at: reviewAt })
        .where('id', '=', record.id)
        .execute();
    }
  }
}

export function findRecord(db: DbOrTrx, id: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('personal_record').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The latest occurrence of a record: the details every occurrence shares. */
export function latestOccurrence(db: DbOrTrx, recordId: string) {
  return db
    .selectFrom('exchange_subject')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Erases a record on this node: every occurrence loses its personal fields, the
 * record keeps only what counts and the trail need (kind, category, dates), and
 * its open reviews are closed. Returns false when it was erased already.
 */
export async function eraseRecord(
  trx: Trx,
  recordId: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const erased = await trx
    .updateTable('personal_record')
    .set({
      erased_at: now,
      erasure_reason: reason,
      name_key: null,
      name_key_bare: null,
      given_key: null,
      birth_date: null,
    })
    .where('id', '=', recordId)
    .where('erased_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!erased) return false;
  await trx
    .updateTable('exchange_subject')
    .set({ details: '{}' })
    .where('record_id', '=', recordId)
    .execute();
  await trx
    .updateTable('review_task')
    .set({ decided_at: now, decision: 'erase', note: reason })
    .where('record_id', '=', recordId)
    .where('decided_at', 'is', null)
    .execute();
  return true;
}

/** Replaces a record's personal fields (and category and marker) in every occurrence. */
export async function rectifyRecord(
  trx: Trx,
  record: PersonalRecordRow,
  subject: {
    category: string | null;
    statement: string | null;
    details: Record<string, unknown>;
  },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('exchange_subject')
    .set({
      details: JSON.stringify(subject.details),
      category: subject.category,
      statement: subject.statement,
    })
    .where('record_id', '=', record.id)
    .execute();
  await trx
    .updateTable('personal_record')
    .set({
      category: subject.category,
      statement: subject.statement,
      rectified_at: now,
      ...nameColumns(record.kind, subject.details),
    })
    .where('id', '=', record.id)
    .execute();
}

/** Restricts a record (reason given) or lifts the restriction (reason null). */
export async function setRestriction(
  trx: Trx,
  recordId: string,
  reason: string | null,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('personal_record')
    .set({ restricted_at: reason === null ? null : now, restriction_reason: reason })
    .where('id', '=', recordId)
    .execute();
}

/** The requests of this node in which a record occurs, oldest first. */
export function recordOccurrences(db: DbOrTrx, recordId: string) {
  return db
    .selectFrom('exchange_subject as s')
    .innerJoin('exchange_request as r', 'r.id', 's.request_id')
    .leftJoin('exchange_item as i', 'i.id', 's.item_id')
    .select([
      's.id as subject_id',
      's.item_id',
      'r.id as request_id',
      'r.reference',
      'r.kind as request_kind',
      'r.side',
      'r.owner_agency_id',
      'r.copy_agency_id',
      'r.assignee_id',
      'r.counterpart_node',
      'r.content',
      'r.created_at',
      'i.handling_code',
    ])
    .where('s.record_id', '=', recordId)
    .orderBy('r.created_at')
    .execute();
}

/**
 * Fills the folded names of person records that have none (records of data
 * exchanged before records existed: SQL alone cannot fold names as names.ts
 * does). Idempotent; runs at start-up.
 */
export async function fillNameKeys(db: Db): Promise<number> {
  const missing = await db
    .selectFrom('personal_record as r')
    .innerJoin('exchange_subject as s', 's.record_id', 'r.id')
    .select(['r.id', 's.details'])
    .where('r.kind', '=', 'person')
    .where('r.name_key', 'is', null)
    .where('r.erased_at', 'is', null)
    .orderBy('r.id')
    .orderBy('s.id', 'desc')
    .execute();
  const done = new Set<string>();
  for (const row of missing) {
    if (done.has(row.id)) continue;
    done.add(row.id);
    const columns = nameColumns('person', row.details);
    if (columns.name_key === null) continue;
    await db.updateTable('personal_record').set(columns).where('id', '=', row.id).execute();
  }
  return done.size;
}

/** JSON gives timestamps as text; the presenters work with dates. */
const asDate = (value: string | Date) => new Date(value);
const asDateOrNull = (value: string | Date | null) => (value === null ? null : new Date(value));

/**
 * Everything the record page shows, in one statement: the record, its holder,
 * its latest details, the requests it occurs in, its disclosures, its notices
 * with their recipients, and its permissions.
 */
export async function loadRecordView(db: DbOrTrx, id: string) {
  const row = await db
    .selectFrom('personal_record as r')
    .innerJoin('agency as a', 'a.id', 'r.holder_agency_id')
    .selectAll('r')
    .select(['a.code as holder_code', 'a.name as holder_name'])
    .select((eb) => [
      eb
        .selectFrom('exchange_subject as s')
        .select('s.details')
        .whereRef('s.record_id', '=', 'r.id')
        .orderBy('s.id', 'desc')
        .limit(1)
        .as('details'),
      jsonArrayFrom(
        eb
          .selectFrom('exchange_subject as s')
          .innerJoin('exchange_request as q', 'q.id', 's.request_id')
          .select([
            's.item_id',
            'q.id as request_id',
            'q.reference',
            'q.kind as request_kind',
            'q.side',
            'q.owner_agency_id',
            'q.copy_agency_id',
            'q.assignee_id',
            sql<string | null>`q.content->>'purpose'`.as('purpose'),
            'q.created_at',
          ])
          .whereRef('s.record_id', '=', 'r.id')
          .orderBy('q.created_at')
          .orderBy('s.id'),
      ).as('occurrences'),
      jsonArrayFrom(
        eb
          .selectFrom('record_disclosure as d')
          .selectAll('d')
          .whereRef('d.record_id', '=', 'r.id')
          .orderBy('d.disclosed_at')
          .orderBy('d.id'),
      ).as('disclosures'),
      jsonArrayFrom(
        eb
          .selectFrom('record_notice as n')
          .selectAll('n')
          .select((inner) =>
            jsonArrayFrom(
              inner
                .selectFrom('record_notice_recipient as t')
                .selectAll('t')
                .whereRef('t.notice_id', '=', 'n.id')
                .orderBy('t.sent_at')
                .orderBy('t.node'),
            ).as('recipients'),
          )
          .whereRef('n.record_id', '=', 'r.id')
          .orderBy('n.issued_at'),
      ).as('notices'),
      jsonArrayFrom(
        eb
          .selectFrom('record_permission as p')
          .selectAll('p')
          .whereRef('p.record_id', '=', 'r.id')
          .orderBy('p.asked_at'),
      ).as('permissions'),
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    holder_code,
    holder_name,
    details,
    occurrences,
    disclosures,
    notices,
    permissions,
    ...record
  } = row;
  return {
    record: record,
    holder: { code: holder_code, name: holder_name },
    details: details ?? {},
    occurrences: occurrences.map((o) => ({ ...o, created_at: asDate(o.created_at) })),
    disclosures: disclosures.map((d) => ({ ...d, disclosed_at: asDate(d.disclosed_at) })),
    notices: notices.map((n) => ({
      ...n,
      issued_at: asDate(n.issued_at),
      received_at: asDateOrNull(n.received_at),
      applied_at: asDate(n.applied_at),
      recipients: n.recipients.map((t) => ({
        ...t,
        sent_at: asDate(t.sent_at),
        due_at: asDate(t.due_at),
        confirmed_at: asDateOrNull(t.confirmed_at),
        applied_at: asDateOrNull(t.applied_at),
      })),
    })),
    permissions: permissions.map((p) => ({
      ...p,
      asked_at: asDate(p.asked_at),
      answered_at: asDateOrNull(p.answered_at),
    })),
  };
}
export type RecordView = NonNullable<Awaited<ReturnType<typeof loadRecordView>>>;
