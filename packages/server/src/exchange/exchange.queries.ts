import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTrx, Trx } from '../kernel/db/database.js';
import type {
  ExchangeAttachmentTable,
  ExchangeEventTable,
  ExchangeItemTable,
  ExchangeRequestTable,
  ExchangeSubjectTable,
} from '../kernel/db/schema.js';
import { OPEN_STATES } from './exchange.model.js';

export type RequestRow = Selectable<ExchangeRequestTable> & {
  assignee_name: string | null;
  copy_agency_code: string | null;
  copy_agency_name: string | null;
};
export type EventRow = Selectable<ExchangeEventTable>;
export type ItemRow = Selectable<ExchangeItemTable>;
export type SubjectRow = Selectable<ExchangeSubjectTable>;
export type AttachmentRow = Selectable<ExchangeAttachmentTable>;

/** Who may see a request on this node: its agencies and its assignee. */
export interface Visibility {
  agencyId: string;
  userId: string;
}

function selectRequests(db: DbOrTrx) {
  return db
    .selectFrom('exchange_request as r')
    .leftJoin('app_user as assignee', 'assignee.id', 'r.assignee_id')
    .leftJoin('agency as copy', 'copy.id', 'r.copy_agency_id')
    .selectAll('r')
    .select([
      'assignee.display_name as assignee_name',
      'copy.code as copy_agency_code',
      'copy.name as copy_agency_name',
    ]);
}

export async function findRequest(
  db: DbOrTrx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RequestRow | undefined> {
  if (options.lock) {
    // Lock the row alone (outer joins cannot be locked), then read it with its joins.
    const locked = await db
      .selectFrom('exchange_request')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return undefined;
  }
  return selectRequests(db).where('r.id', '=', id).executeTakeFirst();
}

export interface RequestFilter {
  direction?: 'outgoing' | 'incoming';
  state?: string;
  open?: boolean;
  urgent?: boolean;
  due?: 'soon' | 'overdue';
  assignedTo?: string;
  country?: string;
  reference?: string;
  now: Date;
  limit: number;
  offset: number;
}

export async function listRequests(
  db: DbOrTrx,
  visibility: Visibility,
  filter: RequestFilter,
): Promise<{ rows: RequestRow[]; total: number }> {
  let query = selectRequests(db).where((eb) =>
    eb.or([
      eb('r.owner_agency_id', '=', visibility.agencyId),
      eb('r.copy_agency_id', '=', visibility.agencyId),
      eb('r.assignee_id', '=', visibility.userId),
    ]),
  );
  if (filter.direction) {
    query = query.where('r.side', '=', filter.direction === 'outgoing' ? 'requester' : 'requested');
  }
  if (filter.state) query = query.where('r.state', '=', filter.state);
  if (filter.open !== undefined) {
    query = filter.open
      ? query.where('r.state', 'in', OPEN_STATES)
      : query.where('r.state', 'not in', OPEN_STATES);
  }
  if (filter.urgent !== undefined) query = query.where('r.urgent', '=', filter.urgent);
  if (filter.due === 'overdue') {
    query = query.where('r.state', 'in', OPEN_STATES).where('r.due_at', '<=', filter.now);
  } else if (filter.due === 'soon') {
    query = query
      .where('r.state', 'in', OPEN_STATES)
      .where('r.warn_at', '<=', filter.now)
      .where('r.due_at', '>', filter.now);
  }
  if (filter.assignedTo) query = query.where('r.assignee_id', '=', filter.assignedTo);
  if (filter.country) {
    const country = filter.country;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('r.side', '=', 'requester'), eb('r.requested_country', '=', country)]),
        eb.and([eb('r.side', '=', 'requested'), eb('r.requesting_country', '=', country)]),
      ]),
    );
  }
  if (filter.reference) {
    const escaped = filter.reference.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where('r.reference', 'ilike', `%${escaped}%`);
  }
  const [rows, count] = await Promise.all([
    query
      // Open requests by deadline first, then the rest by last change.
      .orderBy(
        sql`case when r.state in ('received', 'assigned', 'clarification_requested', 'delayed', 'partially_answered') then r.due_at end asc nulls last`,
      )
      .orderBy('r.updated_at', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertRequest(trx: Trx, row: Insertable<ExchangeRequestTable>) {
  await trx.insertInto('exchange_request').values(row).execute();
}

export async function updateRequest(
  trx: Trx,
  id: string,
  changes: Updateable<ExchangeRequestTable>,
): Promise<void> {
  await trx.updateTable('exchange_request').set(changes).where('id', '=', id).execute();
}

export async function insertEvent(trx: Trx, row: Insertable<ExchangeEventTable>) {
  await trx.insertInto('exchange_event').values(row).execute();
}

export async function insertItems(trx: Trx, rows: Insertable<ExchangeItemTable>[]) {
  if (rows.length > 0) await trx.insertInto('exchange_item').values(rows).execute();
}

export async function replaceRequestSubjects(
  trx: Trx,
  requestId: string,
  rows: Insertable<ExchangeSubjectTable>[],
) {
  await trx
    .deleteFrom('exchange_subject')
    .where('request_id', '=', requestId)
    .where('item_id', 'is', null)
    .execute();
  await insertSubjects(trx, rows);
}

export async function insertSubjects(trx: Trx, rows: Insertable<ExchangeSubjectTable>[]) {
  if (rows.length > 0) await trx.insertInto('exchange_subject').values(rows).execute();
}

/** Stores attachment contents once per SHA-256, then the attachments that name them. */
export async function insertAttachments(
  trx: Trx,
  blobs: { sha256: string; mediaType: string; content: Buffer }[],
  rows: Insertable<ExchangeAttachmentTable>[],
  now: Date,
) {
  if (blobs.length > 0) {
    await trx
      .insertInto('exchange_blob')
      .values(
        blobs.map((b) => ({
          sha256: b.sha256,
          media_type: b.mediaType,
          size: b.content.length,
          content: b.content,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }
  if (rows.length > 0) await trx.insertInto('exchange_attachment').values(rows).execute();
}

/** The subjects of a request and of its items, in order. */
export function requestSubjects(db: DbOrTrx, requestId: string) {
  return db
    .selectFrom('exchange_subject')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('position')
    .execute();
}

/** Everything a request's detail shows: subjects, timeline, items, attachments. */
export async function loadRequestParts(db: DbOrTrx, requestId: string) {
  const [subjects, events, items, attachments] = await Promise.all([
    requestSubjects(db, requestId),
    db
      .selectFrom('exchange_event')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('exchange_item')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('exchange_attachment')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('position')
      .execute(),
  ]);
  return { subjects, events, items, attachments };
}

export async function findAttachment(db: DbOrTrx, requestId: string, attachmentId: string) {
  const row = await db
    .selectFrom('exchange_attachment as a')
    .innerJoin('exchange_blob as b', 'b.sha256', 'a.sha256')
    .select(['a.name', 'a.media_type', 'a.size', 'b.content'])
    .where('a.request_id', '=', requestId)
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
  return row && { ...row, content: Buffer.from(row.content) };
}

/** The next reference number of the year, counted on this node. */
export async function nextReferenceNumber(trx: Trx, year: number): Promise<number> {
  const row = await trx
    .insertInto('exchange_reference_counter')
    .values({ year, last_number: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet((eb) => ({
        last_number: eb('exchange_reference_counter.last_number', '+', 1),
      })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** Active users of an agency holding one of the roles. */
export async function agencyUsersWithRoles(
  db: DbOrTrx,
  agencyId: string,
  roles: readonly string[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`roles && ${sql.val(roles)}::text[]`)
    .execute();
  return rows.map((r) => r.id);
}

/** Users of this node's country a request can be assigned to. */
export function listHandlers(db: DbOrTrx, country: string) {
  return handlers(db, country).orderBy('a.code').orderBy('u.display_name').execute();
}

function handlers(db: DbOrTrx, country: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.display_name', 'a.code', 'a.name'])
    .where('a.country', '=', country)
    .where('u.disabled_at', 'is', null)
    .where('a.disabled_at', 'is', null)
    .where(sql<boolean>`u.roles && array['spoc','officer']::text[]`);
}

export function findHandler(db: DbOrTrx, userId: string, country: string) {
  return handlers(db, country).where('u.id', '=', userId).executeTakeFirst();
}

export async function insertNotifications(
  trx: Trx,
  userIds: Iterable<string>,
  notification: { kind: string; requestId: string; reference: string; now: Date },
  newId: () => string,
) {
  const rows = [...new Set(userIds)].map((userId) => ({
    id: newId(),
    user_id: userId,
    kind: notification.kind,
    request_id: notification.requestId,
    reference: notification.reference,
    created_at: notification.now,
  }));
  if (rows.length > 0) await trx.insertInto('notification').values(rows).execute();
}
