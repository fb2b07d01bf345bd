import type {
  ActionRow,
  BodyListRow,
  DecisionRow,
  DocumentInfoRow,
  MeetingRow,
  MemberRow,
  NoteRow,
} from './consultation.queries.js';
import type {
  Action,
  ActionNote,
  ActionStatus,
  Body,
  BodyNames,
  Country,
  Decision,
  DocumentInfo,
  DocumentType,
  MeetingMode,
  MeetingSummary,
  Member,
} from './consultation.schemas.js';

type Level = Body['level'];

export const presentNames = (names: Partial<Record<string, string>>): BodyNames => ({
  nl: names.nl ?? '',
  fr: names.fr ?? '',
  ...(names.de !== undefined && { de: names.de }),
  ...(names.en !== undefined && { en: names.en }),
});

export function presentBody(row: BodyListRow, canManage: boolean): Body {
  return {
    id: row.id,
    code: row.code,
    names: presentNames(row.names),
    level: row.level as Level,
    countries: row.countries as Country[],
    description: row.description,
    memberCount: row.member_count,
    nextMeeting: row.next_meeting?.toISOString() ?? null,
    openActions: row.open_actions,
    overdueActions: row.overdue_actions,
    canManage,
  };
}

export function presentMember(row: MemberRow): Member {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    country: row.country as Country,
    organisation: row.organisation,
    function: row.function as Member['function'],
  };
}

export function presentMeetingSummary(row: MeetingRow): MeetingSummary {
  return {
    id: row.id,
    bodyId: row.body_id,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    mode: row.mode as MeetingMode,
    place: row.place,
    agendaCount: row.agenda_count,
    documentCount: row.document_count,
  };
}

export function presentDocument(row: DocumentInfoRow): DocumentInfo {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type as DocumentType,
    size: row.size,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.uploaded_by_name,
  };
}

export function presentDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    bodyId: row.body_id,
    meetingId: row.meeting_id,
    reference: row.reference,
    text: row.text,
    decidedOn: row.decided_on,
  };
}

export function presentNote(row: NoteRow): ActionNote {
  return {
    id: row.id,
    authorName: row.author_name,
    text: row.text,
    status: row.status as ActionStatus | null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Whether an action is late: still to be done, and its due date before today. */
export const isOverdue = (row: { status: string; due_on: string }, today: string) =>
  (row.status === 'open' || row.status === 'in_progress') && row.due_on < today;

export function presentAction(
  row: ActionRow,
  options: { today: string; canFollowUp: boolean; notes?: NoteRow[] },
): Action {
  return {
    id: row.id,
    bodyId: row.body_id,
    bodyCode: row.body_code,
    decisionId: row.decision_id,
    decisionReference: row.decision_reference,
    title: row.title,
    description: row.description,
    ownerCountry: row.owner_country as Country,
    ownerAgency: row.owner_agency,
    dueOn: row.due_on,
    status: row.status as ActionStatus,
    completedOn: row.completed_on,
    overdue: isOverdue(row, options.today),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    notes: (options.notes ?? []).map(presentNote),
    canFollowUp: options.canFollowUp,
  };
}
