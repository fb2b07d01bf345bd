import { sql } from 'kysely';
import type { DbOrTrx } from '../kernel/db/database.js';

/**
 * Where the DPO looks: records held by (and entries written by) the agencies of
 * one country, or every agency of the node (null).
 */
export type Scope = { country: string } | null;

/** The audit actions that are reads of a record (see the records core and exchange detail). */
export const CONSULTATION_ACTIONS = ['record.consult', 'subject.consult'] as const;

export const PAGE_SIZE = 50;

const offsetOf = (page: number) => (page - 1) * PAGE_SIZE;

/** Open review tasks due before `dueBefore`, oldest first. */
export function listOverdueReviews(db: DbOrTrx, scope: Scope, dueBefore: Date) {
  let query = db
    .selectFrom('review_task as t')
    .innerJoin('personal_record as r', 'r.id', 't.record_id')
    .innerJoin('agency as a', 'a.id', 't.agency_id')
    .select([
      't.id as task_id',
      't.record_id',
      'r.kind',
      'r.category',
      'a.code as agency_code',
      'a.name as agency_name',
      't.due_at',
    ])
    .where('t.decided_at', 'is', null)
    .where('t.due_at', '<', dueBefore)
    .where('r.erased_at', 'is', null);
  if (scope) query = query.where('a.country', '=', scope.country);
  return query.orderBy('t.due_at').orderBy('t.id').execute();
}

/** Recipients that have not yet confirmed a notice, the longest due first. */
export function listUnconfirmedNotices(db: DbOrTrx, scope: Scope) {
  let query = db
    .selectFrom('record_notice_recipient as nr')
    .innerJoin('record_notice as n', 'n.id', 'nr.notice_id')
    .innerJoin('personal_record as r', 'r.id', 'n.record_id')
    .innerJoin('agency as a', 'a.id', 'r.holder_agency_id')
    .select([
      'n.id as notice_id',
      'n.record_id',
      'n.kind',
      'n.issued_at',
      'nr.node',
      'nr.via_node',
      'nr.sent_at',
      'nr.due_at',
    ])
    .where('nr.confirmed_at', 'is', null);
  if (scope) query = query.where('a.country', '=', scope.country);
  return query.orderBy('nr.due_at').orderBy('n.id').orderBy('nr.node').execute();
}

/** Restricted records not erased, most recently restricted first. */
export function listRestrictedRecords(db: DbOrTrx, scope: Scope) {
  let query = db
    .selectFrom('personal_record as r')
    .innerJoin('agency as a', 'a.id', 'r.holder_agency_id')
    .select([
      'r.id',
      'r.kind',
      'r.restricted_at',
      'r.restriction_reason',
      'a.code as agency_code',
      'a.name as agency_name',
    ])
    .where('r.restricted_at', 'is not', null)
    .where('r.erased_at', 'is', null);
  if (scope) query = query.where('a.country', '=', scope.country);
  return query.orderBy('r.restricted_at', 'desc').orderBy('r.id').execute();
}

/** The details of each record's latest occurrence (what its label is made from). */
export async function latestDetails(
  db: DbOrTrx,
  recordIds: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('exchange_subject')
    .select(['record_id', 'details'])
    .where('record_id', 'in', recordIds)
    .orderBy('record_id')
    .orderBy('id', 'desc')
    .execute();
  const details = new Map<string, Record<string, unknown>>();
  for (const row of rows) if (!details.has(row.record_id)) details.set(row.record_id, row.details);
  return details;
}

export interface DisclosureFilter {
  recordId?: string;
  node?: string;
  from?: Date;
  to?: Date;
}

function disclosureQuery(db: DbOrTrx, scope: Scope, filter: DisclosureFilter) {
  let query = db
    .selectFrom('record_disclosure as d')
    .innerJoin('personal_record as r', 'r.id', 'd.record_id')
    .innerJoin('agency as a', 'a.id', 'r.holder_agency_id');
  if (scope) query = query.where('a.country', '=', scope.country);
  if (filter.recordId !== undefined) query = query.where('d.record_id', '=', filter.recordId);
  if (filter.node !== undefined) query = query.where('d.recipient_node', '=', filter.node);
  if (filter.from !== undefined) query = query.where('d.disclosed_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('d.disclosed_at', '<', filter.to);
  return query;
}

/** Disclosures of records to other nodes, newest first, one page and the total. */
export async function searchDisclosures(
  db: DbOrTrx,
  scope: Scope,
  filter: DisclosureFilter,
  page: number,
) {
  const [rows, count] = await Promise.all([
    disclosureQuery(db, scope, filter)
      .select([
        'd.id',
        'd.record_id',
        'r.kind',
        'd.recipient_node',
        'd.recipient_country',
        'd.recipient_agency',
        'd.reference',
        'd.disclosed_at',
        'd.handling_code',
        'd.fields',
      ])
      .orderBy('d.disclosed_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(PAGE_SIZE)
      .offset(offsetOf(page))
      .execute(),
    disclosureQuery(db, scope, filter)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export interface ConsultationFilter {
  username?: string;
  recordId?: string;
  from?: Date;
  to?: Date;
}

function consultationQuery(db: DbOrTrx, scope: Scope, filter: ConsultationFilter) {
  let query = db
    .selectFrom('audit_entry as e')
    .where('e.action', 'in', [...CONSULTATION_ACTIONS])
    .where('e.outcome', '=', 'success')
    .where('e.actor_user_id', 'is not', null)
    .where('e.object_id', 'is not', null);
  if (scope) query = query.where('e.actor_country', '=', scope.country);
  if (filter.username !== undefined) query = query.where('e.actor_username', '=', filter.username);
  if (filter.recordId !== undefined) query = query.where('e.object_id', '=', filter.recordId);
  if (filter.from !== undefined) query = query.where('e.occurred_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('e.occurred_at', '<', filter.to);
  return query;
}

/** A consultation as the log keeps it, with the reader's agency. */
function selectConsultation(query: ReturnType<typeof consultationQuery>) {
  return query
    .leftJoin('agency as a', 'a.id', 'e.actor_agency_id')
    .select([
      'e.seq',
      'e.occurred_at',
      'e.actor_user_id',
      'e.actor_username',
      'e.object_type',
      'e.object_id',
      'e.action',
      'e.purpose',
      sql<string | null>`e.details->>'context'`.as('context'),
      'a.code as agency_code',
      'a.name as agency_name',
    ]);
}

export type ConsultationRow = Awaited<
  ReturnType<ReturnType<typeof selectConsultation>['execute']>
>[number];

/** Reads of records, newest first, one page and the total. */
export async function searchConsultations(
  db: DbOrTrx,
  scope: Scope,
  filter: ConsultationFilter,
  page: number,
) {
  const [rows, count] = await Promise.all([
    selectConsultation(consultationQuery(db, scope, filter))
      .orderBy('e.seq', 'desc')
      .limit(PAGE_SIZE)
      .offset(offsetOf(page))
      .execute(),
    consultationQuery(db, scope, filter)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** Every read of a record in a window, oldest first (what the anomaly rules look at). */
export function consultationsBetween(db: DbOrTrx, scope: Scope, from: Date, to: Date) {
  return selectConsultation(consultationQuery(db, scope, { from, to }))
    .orderBy('e.seq')
    .execute();
}

// ------------------------------------------------------------ processing record

export function listAgencies(db: DbOrTrx, scope: Scope) {
  let query = db
    .selectFrom('agency')
    .select(['code', 'name', 'kind'])
    .where('disabled_at', 'is', null);
  if (scope) query = query.where('country', '=', scope.country);
  return query.orderBy('code').execute();
}

/** The display names of the active DPOs (nothing else about them). */
export async function listDpoNames(db: DbOrTrx, scope: Scope): Promise<string[]> {
  let query = db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select('u.display_name')
    .where(sql<boolean>`'dpo' = any(u.roles)`)
    .where('u.disabled_at', 'is', null)
    .where('a.disabled_at', 'is', null);
  if (scope) query = query.where('a.country', '=', scope.country);
  const rows = await query.orderBy('u.display_name').execute();
  return rows.map((r) => r.display_name);
}

export function listRetention(db: DbOrTrx) {
  return db
    .selectFrom('retention_rule')
    .select(['category', 'purpose', 'review_months', 'retention_months'])
    .orderBy('category', (ob) => ob.nullsFirst())
    .orderBy('purpose', (ob) => ob.nullsFirst())
    .execute();
}

export function listConsultationReasons(db: DbOrTrx) {
  return db
    .selectFrom('consultation_reason')
    .select(['code', 'labels', 'active'])
    .orderBy('position')
    .execute();
}
