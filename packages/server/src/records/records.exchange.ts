import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DbOrTrx, Trx } from '../kernel/db/database.js';
import { conflict, unprocessable } from '../kernel/http/errors.js';
import type { Subject } from '../exchange/exchange.schemas.js';
import { holdRecords } from './records.queries.js';

/**
 * Where the exchange meets the records: what it stores is held as records, what
 * it sends is checked and logged as disclosures. The exchange service calls these
 * inside its own transactions.
 */

/** A subject row about to be stored, with its record. */
export interface SubjectRow {
  id: string;
  record_id: string;
  request_id: string;
  item_id: string | null;
  position: number;
  kind: string;
  category: string | null;
  statement: string | null;
  details: string;
}

/**
 * The rows for subjects of a request or item: each row is an occurrence with an
 * id of its own; the subject's id, when it has one, is its record (the same on
 * every node), and a subject without one is a new record.
 */
export function subjectRows(
  requestId: string,
  subjects: readonly Subject[],
  itemId: string | null,
): SubjectRow[] {
  return subjects.map((subject, position) => {
    const { id, kind, category, statement, ...details } = subject;
    return {
      id: uuidv7(),
      record_id: id ?? uuidv7(),
      request_id: requestId,
      item_id: itemId,
      position,
      kind,
      category: category ?? null,
      statement: statement ?? null,
      details: JSON.stringify(details),
    };
  });
}

/** Holds the records of subject rows just stored (see holdRecords). */
export async function holdSubjectRows(
  trx: Trx,
  rows: readonly SubjectRow[],
  from: {
    holderAgencyId: string;
    purpose: string | null;
    closedAt: Date | null;
    /** The node they came from, with the nodes that first held them; null when made here. */
    source: { node: string; origins: Record<string, string> } | null;
    handlingCode: string | null;
  },
  now: Date,
): Promise<void> {
  // Grouped by origin, since holdRecords takes one origin per call.
  const groups = new Map<string | null, SubjectRow[]>();
  for (const row of rows) {
    const origin = from.source ? (from.source.origins[row.record_id] ?? from.source.node) : null;
    groups.set(origin, [...(groups.get(origin) ?? []), row]);
  }
  for (const [origin, group] of groups) {
    await holdRecords(
      trx,
      group.map((row) => ({
        record_id: row.record_id,
        kind: row.kind,
        category: row.category,
        statement: row.statement,
        details: JSON.parse(row.details) as Record<string, unknown>,
      })),
      {
        holderAgencyId: from.holderAgencyId,
        purpose: from.purpose,
        sourceNode: from.source?.node ?? null,
        originNode: origin,
        handlingCode: from.handlingCode,
        closedAt: from.closedAt,
      },
      now,
    );
  }
}

/**
 * Removes the records a draft no longer names: made here, never sent, never
 * reviewed or noticed, and occurring nowhere else.
 */
export async function dropUnusedRecords(trx: Trx, recordIds: readonly string[]) {
  if (recordIds.length === 0) return;
  const usedIn = ['exchange_subject', 'record_disclosure', 'review_task', 'record_notice'] as const;
  await trx
    .deleteFrom('personal_record')
    .where('id', 'in', recordIds)
    .where('source_node', 'is', null)
    .where((eb) =>
      eb.and(
        usedIn.map((table) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom(table)
                .select(sql.lit(1).as('one'))
                .whereRef(`${table}.record_id`, '=', 'personal_record.id'),
            ),
          ),
        ),
      ),
    )
    .execute();
}

/** The nodes that first held records, for those that came from elsewhere (sent along). */
export async function originsOf(
  db: DbOrTrx,
  recordIds: readonly string[],
): Promise<Record<string, string>> {
  if (recordIds.length === 0) return {};
  const rows = await db
    .selectFrom('personal_record')
    .select(['id', 'origin_node'])
    .where('id', 'in', recordIds)
    .where('origin_node', 'is not', null)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.origin_node!]));
}

/** A subject leaving the node, with the handling code of the item it travels in. */
export interface OutgoingSubject {
  subject: Subject & { id: string };
  handlingCode: string | null;
}

/**
 * Refuses to let a record leave when the law says it may not (LED art. 7(2),
 * 16(3)): restricted, known to be inaccurate, erased, or received under H2 and
 * going to a node its provider has not permitted.
 */
export async function checkOutgoing(
  trx: Trx,
  outgoing: readonly OutgoingSubject[],
  recipientNode: string,
): Promise<void> {
  const ids = [...new Set(outgoing.map((o) => o.subject.id))];
  if (ids.length === 0) return;
  const records = await trx
    .selectFrom('personal_record')
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  for (const record of records) {
    if (record.erased_at) {
      throw conflict('record_erased', `Record ${record.id} is erased and cannot be sent.`);
    }
    if (record.restricted_at) {
      throw conflict('record_restricted', `Record ${record.id} is restricted and cannot be sent.`);
    }
    if (record.inaccurate_at) {
      throw conflict(
        'record_inaccurate',
        `Record ${record.id} is known to be inaccurate and cannot be sent.`,
      );
    }
    if (
      record.handling_code === 'H2' &&
      record.source_node !== null &&
      record.source_node !== recipientNode
    ) {
      const granted = await trx
        .selectFrom('record_permission')
        .select('id')
        .where('record_id', '=', record.id)
        .where('side', '=', 'asking')
        .where('recipient_node', '=', recipientNode)
        .where('state', '=', 'granted')
        .executeTakeFirst();
      if (!granted) {
        throw conflict(
          'permission_required',
          `Record ${record.id} was received under H2: ask ${record.source_node} for permission before passing it on to ${recipientNode}.`,
        );
      }
    }
  }
}

/** Logs that records left the node: to whom, when, in which exchange, which fields. */
export async function recordDisclosures(
  trx: Trx,
  outgoing: readonly OutgoingSubject[],
  to: {
    requestId: string;
    reference: string;
    node: string;
    country: string | null;
    agency: string | null;
  },
  now: Date,
): Promise<void> {
  if (outgoing.length === 0) return;
  await trx
    .insertInto('record_disclosure')
    .values(
      outgoing.map(({ subject, handlingCode }) => ({
        id: uuidv7(),
        record_id: subject.id,
        request_id: to.requestId,
        reference: to.reference,
        recipient_node: to.node,
        recipient_country: to.country,
        recipient_agency: to.agency,
        disclosed_at: now,
        handling_code: handlingCode,
        fields: Object.keys(subject).filter((key) => key !== 'id' && key !== 'kind'),
      })),
    )
    .execute();
}

/** What the reader of a request may see of each record: restriction and erasure. */
export async function recordStates(db: DbOrTrx, recordIds: readonly string[]) {
  if (recordIds.length === 0) return new Map<string, RecordState>();
  const rows = await db
    .selectFrom('personal_record')
    .select(['id', 'holder_agency_id', 'restricted_at', 'erased_at'])
    .where('id', 'in', [...new Set(recordIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
export interface RecordState {
  id: string;
  holder_agency_id: string;
  restricted_at: Date | null;
  erased_at: Date | null;
}

/**
 * A subject as this reader may see it: an erased record as its tombstone, a
 * restricted one (unless the reader answers for it) as its id and kind only.
 */
export function subjectAsSeen(
  subject: Subject,
  state: RecordState | undefined,
  seesRestricted: (record: RecordState) => boolean,
): Subject {
  if (state?.erased_at) {
    return {
      id: subject.id,
      kind: subject.kind,
      ...(subject.category && { category: subject.category }),
      erased: true,
    };
  }
  if (state?.restricted_at && !seesRestricted(state)) {
    return { id: subject.id, kind: subject.kind, restricted: true };
  }
  return subject;
}

/** Clients may not send the flags only the node sets. */
export function refuseNodeFlags(subjects: readonly Subject[]): void {
  if (subjects.some((s) => s.restricted !== undefined || s.erased !== undefined)) {
    throw unprocessable(
      'read_only_field',
      '"restricted" and "erased" are set by the node and cannot be sent.',
    );
  }
}
