import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTrx, Trx } from '../kernel/db/database.js';
import type {
  ConsultationActionNoteTable,
  ConsultationActionTable,
  ConsultationBodyTable,
  ConsultationDecisionTable,
  ConsultationDocumentTable,
  ConsultationMeetingTable,
  ConsultationMemberTable,
} from '../kernel/db/schema.js';

/**
 * Which bodies a listing may show: every body (null), or only those the user
 * with this id is a member of.
 */
export type MemberScope = string | null;

export type BodyRow = Selectable<ConsultationBodyTable>;
export type BodyListRow = BodyRow & {
  member_count: number;
  next_meeting: Date | null;
  open_actions: number;
  overdue_actions: number;
};
export type MemberRow = Selectable<ConsultationMemberTable>;
export type MeetingRow = Selectable<ConsultationMeetingTable> & {
  agenda_count: number;
  document_count: number;
};
export type DecisionRow = Selectable<ConsultationDecisionTable>;
export type DocumentInfoRow = Omit<Selectable<ConsultationDocumentTable>, 'content'> & {
  uploaded_by_name: string | null;
};
export type DocumentRow = Selectable<ConsultationDocumentTable> & { body_id: string };
export type ActionRow = Selectable<ConsultationActionTable> & {
  body_code: string;
  decision_reference: string | null;
  meeting_id: string | null;
};
export type NoteRow = Selectable<ConsultationActionNoteTable>;

const count = (value: unknown) => Number(value ?? 0);
const toDate = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string);

/** Restricts a query to the bodies in scope, by the column holding the body id. */
function bodyInScope(column: string, scope: MemberScope) {
  if (scope === null) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(column)} in (select m.body_id from consultation_member m where m.user_id = ${scope})`;
}

// ------------------------------------------------------------ bodies and members

export async function isMember(db: DbOrTrx, bodyId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('consultation_member')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the bodies the user is a member of. */
export async function memberBodyIds(db: DbOrTrx, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('consultation_member')
    .select('body_id')
    .where('user_id', '=', userId)
    .execute();
  return new Set(rows.map((r) => r.body_id));
}

export async function listBodies(
  db: DbOrTrx,
  scope: MemberScope,
  options: { now: Date; today: string; id?: string },
): Promise<BodyListRow[]> {
  let query = db
    .selectFrom('consultation_body as b')
    .selectAll('b')
    .select((eb) => [
      eb
        .selectFrom('consultation_member as m')
        .whereRef('m.body_id', '=', 'b.id')
        .select(eb.fn.countAll().as('n'))
        .as('member_count'),
      eb
        .selectFrom('consultation_meeting as mt')
        .whereRef('mt.body_id', '=', 'b.id')
        .where('mt.starts_at', '>=', options.now)
        .select((e) => e.fn.min('mt.starts_at').as('s'))
        .as('next_meeting'),
      eb
        .selectFrom('consultation_action as a')
        .whereRef('a.body_id', '=', 'b.id')
        .where('a.status', 'in', ['open', 'in_progress'])
        .select(eb.fn.countAll().as('n'))
        .as('open_actions'),
      eb
        .selectFrom('consultation_action as a')
        .whereRef('a.body_id', '=', 'b.id')
        .where('a.status', 'in', ['open', 'in_progress'])
        .where('a.due_on', '<', options.today)
        .select(eb.fn.countAll().as('n'))
        .as('overdue_actions'),
    ])
    .where(bodyInScope('b.id', scope))
    .orderBy('b.code');
  if (options.id !== undefined) query = query.where('b.id', '=', options.id);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...row,
    member_count: count(row.member_count),
    next_meeting: toDate(row.next_meeting),
    open_actions: count(row.open_actions),
    overdue_actions: count(row.overdue_actions),
  }));
}

export function findBody(db: DbOrTrx, id: string): Promise<BodyRow | undefined> {
  return db.selectFrom('consultation_body').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockBody(trx: Trx, id: string): Promise<BodyRow | undefined> {
  return trx
    .selectFrom('consultation_body')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertBody(trx: Trx, row: Insertable<ConsultationBodyTable>): Promise<void> {
  await trx.insertInto('consultation_body').values(row).execute();
}

export async function updateBody(
  trx: Trx,
  id: string,
  changes: Updateable<ConsultationBodyTable>,
): Promise<void> {
  await trx.updateTable('consultation_body').set(changes).where('id', '=', id).execute();
}

export function listMembers(db: DbOrTrx, bodyId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('consultation_member')
    .selectAll()
    .where('body_id', '=', bodyId)
    .orderBy('country')
    .orderBy('name')
    .execute();
}

export function findMember(
  db: DbOrTrx,
  bodyId: string,
  memberId: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('consultation_member')
    .selectAll()
    .where('id', '=', memberId)
    .where('body_id', '=', bodyId)
    .executeTakeFirst();
}

export async function insertMember(
  trx: Trx,
  row: Insertable<ConsultationMemberTable>,
): Promise<void> {
  await trx.insertInto('consultation_member').values(row).execute();
}

export async function deleteMember(trx: Trx, memberId: string): Promise<void> {
  await trx.deleteFrom('consultation_member').where('id', '=', memberId).execute();
}

export async function findUserIdByUsername(
  db: DbOrTrx,
  username: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row?.id;
}

export async function userExists(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

// ------------------------------------------------------------ meetings

function selectMeetings(db: DbOrTrx) {
  return db
    .selectFrom('consultation_meeting as mt')
    .selectAll('mt')
    .select((eb) => [
      eb
        .selectFrom('consultation_agenda_item as ai')
        .whereRef('ai.meeting_id', '=', 'mt.id')
        .select(eb.fn.countAll().as('n'))
        .as('agenda_count'),
      eb
        .selectFrom('consultation_document as d')
        .whereRef('d.meeting_id', '=', 'mt.id')
        .select(eb.fn.countAll().as('n'))
        .as('document_count'),
    ]);
}

function meetingRow<T extends { agenda_count: unknown; document_count: unknown }>(row: T) {
  return {
    ...row,
    agenda_count: count(row.agenda_count),
    document_count: count(row.document_count),
  };
}

export async function listMeetings(
  db: DbOrTrx,
  bodyId: string,
  when: 'upcoming' | 'past' | undefined,
  now: Date,
): Promise<MeetingRow[]> {
  let query = selectMeetings(db).where('mt.body_id', '=', bodyId);
  if (when === 'upcoming') query = query.where('mt.ends_at', '>=', now).orderBy('mt.starts_at');
  else if (when === 'past')
    query = query.where('mt.ends_at', '<', now).orderBy('mt.starts_at', 'desc');
  else query = query.orderBy('mt.starts_at', 'desc');
  const rows = await query.limit(1000).execute();
  return rows.map(meetingRow);
}

export async function findMeeting(db: DbOrTrx, id: string): Promise<MeetingRow | undefined> {
  const row = await selectMeetings(db).where('mt.id', '=', id).executeTakeFirst();
  return row && meetingRow(row);
}

export async function insertMeeting(
  trx: Trx,
  row: Insertable<ConsultationMeetingTable>,
): Promise<void> {
  await trx.insertInto('consultation_meeting').values(row).execute();
}

export async function updateMeeting(
  trx: Trx,
  id: string,
  changes: Updateable<ConsultationMeetingTable>,
): Promise<void> {
  await trx.updateTable('consultation_meeting').set(changes).where('id', '=', id).execute();
}

export async function replaceAgenda(
  trx: Trx,
  meetingId: string,
  items: readonly { title: string; notes?: string | undefined }[],
): Promise<void> {
  await trx.deleteFrom('consultation_agenda_item').where('meeting_id', '=', meetingId).execute();
  if (items.length === 0) return;
  await trx
    .insertInto('consultation_agenda_item')
    .values(
      items.map((item, i) => ({
        meeting_id: meetingId,
        position: i + 1,
        title: item.title,
        notes: item.notes ?? '',
      })),
    )
    .execute();
}

export function listAgenda(db: DbOrTrx, meetingId: string) {
  return db
    .selectFrom('consultation_agenda_item')
    .select(['position', 'title', 'notes'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

export async function replaceAttendees(
  trx: Trx,
  meetingId: string,
  memberIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom('consultation_attendee').where('meeting_id', '=', meetingId).execute();
  if (memberIds.length === 0) return;
  await trx
    .insertInto('consultation_attendee')
    .values(memberIds.map((member_id) => ({ meeting_id: meetingId, member_id })))
    .execute();
}

export function listAttendees(db: DbOrTrx, meetingId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('consultation_attendee as at')
    .innerJoin('consultation_member as m', 'm.id', 'at.member_id')
    .selectAll('m')
    .where('at.meeting_id', '=', meetingId)
    .orderBy('m.country')
    .orderBy('m.name')
    .execute();
}

/** The latest portal news item written about the meeting. */
export async function latestNewsId(db: DbOrTrx, meetingId: string): Promise<string | null> {
  const row = await db
    .selectFrom('portal_news')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Meetings of the bodies in scope, with their bodies' names and agenda titles, for a calendar. */
export async function calendarMeetings(
  db: DbOrTrx,
  scope: MemberScope,
  bodyId: string | undefined,
) {
  let query = db
    .selectFrom('consultation_meeting as mt')
    .innerJoin('consultation_body as b', 'b.id', 'mt.body_id')
    .select([
      'mt.id',
      'mt.title',
      'mt.starts_at',
      'mt.ends_at',
      'mt.mode',
      'mt.place',
      'mt.updated_at',
      'b.code as body_code',
      'b.names as body_names',
    ])
    .select((eb) =>
      eb
        .selectFrom('consultation_agenda_item as ai')
        .whereRef('ai.meeting_id', '=', 'mt.id')
        .select(sql<string[]>`coalesce(array_agg(ai.title order by ai.position), '{}')`.as('t'))
        .as('agenda_titles'),
    )
    .where(bodyInScope('mt.body_id', scope))
    .orderBy('mt.starts_at', 'desc')
    .limit(2000);
  if (bodyId !== undefined) query = query.where('mt.body_id', '=', bodyId);
  return query.execute();
}

// ------------------------------------------------------------ documents

export function listDocuments(db: DbOrTrx, meetingId: string): Promise<DocumentInfoRow[]> {
  return db
    .selectFrom('consultation_document as d')
    .leftJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.meeting_id',
      'd.file_name',
      'd.media_type',
      'd.size',
      'd.sha256',
      'd.uploaded_by',
      'd.uploaded_at',
      'u.display_name as uploaded_by_name',
    ])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.uploaded_at')
    .orderBy('d.id')
    .execute();
}

export async function findDocumentInfo(
  db: DbOrTrx,
  id: string,
): Promise<DocumentInfoRow | undefined> {
  return db
    .selectFrom('consultation_document as d')
    .leftJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.meeting_id',
      'd.file_name',
      'd.media_type',
      'd.size',
      'd.sha256',
      'd.uploaded_by',
      'd.uploaded_at',
      'u.display_name as uploaded_by_name',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

/** A document with its content and the body its meeting belongs to. */
export function findDocument(db: DbOrTrx, id: string): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('consultation_document as d')
    .innerJoin('consultation_meeting as mt', 'mt.id', 'd.meeting_id')
    .selectAll('d')
    .select('mt.body_id')
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function insertDocument(
  trx: Trx,
  row: Insertable<ConsultationDocumentTable>,
): Promise<void> {
  await trx.insertInto('consultation_document').values(row).execute();
}

// ------------------------------------------------------------ decisions

export function findDecision(db: DbOrTrx, id: string): Promise<DecisionRow | undefined> {
  return db.selectFrom('consultation_decision').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listDecisions(
  db: DbOrTrx,
  where: { bodyId: string } | { meetingId: string },
): Promise<DecisionRow[]> {
  let query = db.selectFrom('consultation_decision').selectAll();
  query =
    'bodyId' in where
      ? query.where('body_id', '=', where.bodyId)
      : query.where('meeting_id', '=', where.meetingId);
  return query.orderBy('decided_on', 'desc').orderBy('reference', 'desc').execute();
}

/** The highest sequence number used so far by references that begin with `prefix`. */
export async function lastReferenceSequence(trx: Trx, prefix: string): Promise<number> {
  const rows = await trx
    .selectFrom('consultation_decision')
    .select('reference')
    .where('reference', 'like', `${prefix}%`)
    .execute();
  let last = 0;
  for (const { reference } of rows) {
    const rest = reference.slice(prefix.length);
    if (/^[0-9]+$/.test(rest)) last = Math.max(last, Number(rest));
  }
  return last;
}

export async function insertDecision(
  trx: Trx,
  row: Insertable<ConsultationDecisionTable>,
): Promise<void> {
  await trx.insertInto('consultation_decision').values(row).execute();
}

// ------------------------------------------------------------ action items

export interface ActionFilter {
  bodyId?: string | undefined;
  country?: string | undefined;
  status: 'open' | 'overdue' | 'done' | 'all';
  today: string;
}

function selectActions(db: DbOrTrx) {
  return db
    .selectFrom('consultation_action as a')
    .innerJoin('consultation_body as b', 'b.id', 'a.body_id')
    .leftJoin('consultation_decision as dc', 'dc.id', 'a.decision_id')
    .selectAll('a')
    .select(['b.code as body_code', 'dc.reference as decision_reference', 'dc.meeting_id']);
}

export function listActions(
  db: DbOrTrx,
  scope: MemberScope,
  filter: ActionFilter,
): Promise<ActionRow[]> {
  let query = selectActions(db).where(bodyInScope('a.body_id', scope));
  if (filter.bodyId !== undefined) query = query.where('a.body_id', '=', filter.bodyId);
  if (filter.country !== undefined) query = query.where('a.owner_country', '=', filter.country);
  switch (filter.status) {
    case 'open':
      query = query.where('a.status', 'in', ['open', 'in_progress']);
      break;
    case 'overdue':
      query = query
        .where('a.status', 'in', ['open', 'in_progress'])
        .where('a.due_on', '<', filter.today);
      break;
    case 'done':
      query = query.where('a.status', '=', 'done');
      break;
    case 'all':
      break;
  }
  return query.orderBy('a.due_on').orderBy('a.created_at').orderBy('a.id').limit(2000).execute();
}

/** The action items of the decisions taken at a meeting. */
export function meetingActions(db: DbOrTrx, meetingId: string): Promise<ActionRow[]> {
  return selectActions(db)
    .where('dc.meeting_id', '=', meetingId)
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export function findAction(db: DbOrTrx, id: string): Promise<ActionRow | undefined> {
  return selectActions(db).where('a.id', '=', id).executeTakeFirst();
}

export async function lockAction(trx: Trx, id: string): Promise<void> {
  await trx
    .selectFrom('consultation_action')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .execute();
}

export async function insertActions(
  trx: Trx,
  rows: Insertable<ConsultationActionTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('consultation_action').values(rows).execute();
}

export async function updateAction(
  trx: Trx,
  id: string,
  changes: Updateable<ConsultationActionTable>,
): Promise<void> {
  await trx.updateTable('consultation_action').set(changes).where('id', '=', id).execute();
}

export async function insertNote(
  trx: Trx,
  row: Insertable<ConsultationActionNoteTable>,
): Promise<void> {
  await trx.insertInto('consultation_action_note').values(row).execute();
}

export function listNotes(db: DbOrTrx, actionId: string): Promise<NoteRow[]> {
  return db
    .selectFrom('consultation_action_note')
    .selectAll()
    .where('action_id', '=', actionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// ------------------------------------------------------------ monitoring

export interface CountRow {
  open: number;
  in_progress: number;
  overdue: number;
  done_recently: number;
}

const countColumns = (today: string, doneSince: string) =>
  [
    sql<string>`count(*) filter (where a.status = 'open')`.as('open'),
    sql<string>`count(*) filter (where a.status = 'in_progress')`.as('in_progress'),
    sql<string>`count(*) filter (where a.status in ('open', 'in_progress') and a.due_on < ${today}::date)`.as(
      'overdue',
    ),
    sql<string>`count(*) filter (where a.status = 'done' and a.completed_on >= ${doneSince}::date)`.as(
      'done_recently',
    ),
  ] as const;

const counts = (row: {
  open: unknown;
  in_progress: unknown;
  overdue: unknown;
  done_recently: unknown;
}) => ({
  open: count(row.open),
  in_progress: count(row.in_progress),
  overdue: count(row.overdue),
  done_recently: count(row.done_recently),
});

/** Action counts per body in scope; bodies without actions count zero. */
export async function countsByBody(
  db: DbOrTrx,
  scope: MemberScope,
  today: string,
  doneSince: string,
): Promise<(CountRow & { body_id: string; code: string; names: BodyRow['names'] })[]> {
  const rows = await db
    .selectFrom('consultation_body as b')
    .leftJoin('consultation_action as a', 'a.body_id', 'b.id')
    .select(['b.id as body_id', 'b.code', 'b.names'])
    .select(countColumns(today, doneSince))
    .where(bodyInScope('b.id', scope))
    .groupBy(['b.id', 'b.code', 'b.names'])
    .orderBy('b.code')
    .execute();
  return rows.map((row) => ({
    body_id: row.body_id,
    code: row.code,
    names: row.names,
    ...counts(row),
  }));
}

/** Action counts per owner country over the bodies in scope. */
export async function countsByCountry(
  db: DbOrTrx,
  scope: MemberScope,
  today: string,
  doneSince: string,
): Promise<(CountRow & { country: string })[]> {
  const rows = await db
    .selectFrom('consultation_action as a')
    .select('a.owner_country as country')
    .select(countColumns(today, doneSince))
    .where(bodyInScope('a.body_id', scope))
    .groupBy('a.owner_country')
    .execute();
  return rows.map((row) => ({ country: row.country, ...counts(row) }));
}
