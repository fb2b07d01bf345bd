import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../kernel/db/database.js';

// ---------------------------------------------------------------- the job

/** Records whose erasure date has come, locked for this pass (others skip them). */
export function claimExpiredRecords(trx: Trx, now: Date, limit: number) {
  return trx
    .selectFrom('personal_record')
    .select(['id', 'kind', 'category', 'expires_at'])
    .where('erased_at', 'is', null)
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/**
 * Records whose review has come and that have no open task, nor a task for this
 * very review date (decided already), locked for this pass.
 */
export function claimRecordsDueForReview(trx: Trx, now: Date, limit: number) {
  return trx
    .selectFrom('personal_record as r')
    .select(['r.id', 'r.holder_agency_id', 'r.review_at'])
    .where('r.erased_at', 'is', null)
    .where('r.review_at', '<=', now)
    .where((outer) =>
      outer.not(
        outer.exists(
          outer
            .selectFrom('review_task as t')
            .select(sql`1`.as('one'))
            .whereRef('t.record_id', '=', 'r.id')
            .where((eb) =>
              eb.or([eb('t.decided_at', 'is', null), eb('t.due_at', '=', eb.ref('r.review_at'))]),
            ),
        ),
      ),
    )
    .orderBy('r.review_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function insertReviewTasks(
  trx: Trx,
  tasks: { id: string; record_id: string; agency_id: string; due_at: Date; created_at: Date }[],
): Promise<number> {
  if (tasks.length === 0) return 0;
  const inserted = await trx
    .insertInto('review_task')
    .values(tasks)
    .onConflict((oc) => oc.columns(['record_id', 'due_at']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** In-app notices that are about no exchange request. */
export async function insertPlainNotifications(
  trx: Trx,
  rows: { id: string; user_id: string; kind: string; created_at: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('notification')
    .values(rows.map((row) => ({ ...row, request_id: null, reference: null })))
    .execute();
}

// ---------------------------------------------------------------- review tasks

export interface TaskScope {
  agencyId?: string;
  country?: string;
}

function tasks(db: DbOrTrx) {
  return db
    .selectFrom('review_task as t')
    .innerJoin('personal_record as r', 'r.id', 't.record_id')
    .innerJoin('agency as a', 'a.id', 't.agency_id')
    .select([
      't.id',
      't.record_id',
      't.agency_id',
      't.due_at',
      't.created_at',
      't.decided_at',
      't.decision',
      't.note',
      'r.kind',
      'r.category',
      'r.erased_at',
      'a.code as agency_code',
      'a.name as agency_name',
      'a.country as agency_country',
    ]);
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export function findTask(db: DbOrTrx, id: string) {
  return tasks(db).where('t.id', '=', id).executeTakeFirst();
}

/** Locks an open task for deciding it; undefined when it is decided already. */
export function lockOpenTask(trx: Trx, id: string) {
  return trx
    .selectFrom('review_task')
    .select('id')
    .where('id', '=', id)
    .where('decided_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function listTasks(
  db: DbOrTrx,
  filter: { scope: TaskScope; state: 'open' | 'decided'; limit: number; offset: number },
): Promise<{ rows: TaskRow[]; total: number }> {
  let query = tasks(db);
  if (filter.scope.agencyId !== undefined) {
    query = query.where('t.agency_id', '=', filter.scope.agencyId);
  }
  if (filter.scope.country !== undefined) {
    query = query.where('a.country', '=', filter.scope.country);
  }
  query =
    filter.state === 'open'
      ? query.where('t.decided_at', 'is', null).orderBy('t.due_at').orderBy('t.id')
      : query
          .where('t.decided_at', 'is not', null)
          .orderBy('t.decided_at', 'desc')
          .orderBy('t.id', 'desc');
  const [rows, count] = await Promise.all([
    query.limit(filter.limit).offset(filter.offset).execute(),
    query
      .clearSelect()
      .clearOrderBy()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** The details of the latest occurrence of each record: what its label is made of. */
export async function latestDetails(
  db: DbOrTrx,
  recordIds: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('exchange_subject')
    .distinctOn('record_id')
    .select(['record_id', 'details'])
    .where('record_id', 'in', recordIds)
    .orderBy('record_id')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.record_id, row.details]));
}

export async function decideTask(
  trx: Trx,
  id: string,
  decision: { decision: 'keep' | 'erase'; note: string; decidedBy: string; now: Date },
): Promise<void> {
  await trx
    .updateTable('review_task')
    .set({
      decided_at: decision.now,
      decided_by: decision.decidedBy,
      decision: decision.decision,
      note: decision.note,
    })
    .where('id', '=', id)
    .execute();
}

export async function markReviewed(
  trx: Trx,
  recordId: string,
  at: { now: Date; nextReviewAt: Date },
): Promise<void> {
  await trx
    .updateTable('personal_record')
    .set({ last_reviewed_at: at.now, review_at: at.nextReviewAt })
    .where('id', '=', recordId)
    .execute();
}

// ---------------------------------------------------------------- retention rules

export async function replaceRetentionRules(
  trx: Trx,
  rules: {
    id: string;
    category: string | null;
    purpose: string | null;
    review_months: number;
    retention_months: number;
    updated_at: Date;
  }[],
): Promise<void> {
  await trx.deleteFrom('retention_rule').execute();
  if (rules.length > 0) await trx.insertInto('retention_rule').values(rules).execute();
}
