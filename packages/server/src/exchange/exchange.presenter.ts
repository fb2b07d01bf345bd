import type { Static } from 'typebox';
import { OPEN_STATES, type RequestState } from './exchange.model.js';
import type {
  AttachmentRow,
  EventRow,
  ItemRow,
  RequestRow,
  SubjectRow,
} from './exchange.queries.js';
import type {
  RequestContent,
  RequestDetail,
  RequestSummary,
  Subject,
  TimelineEvent,
} from './exchange.schemas.js';

type Timeline = Static<typeof TimelineEvent>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentSummary(row: RequestRow, now: Date, selfNode: string): RequestSummary {
  const open = OPEN_STATES.includes(row.state as RequestState);
  const paused = row.paused_since !== null && open;
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    direction: row.side === 'requester' ? 'outgoing' : 'incoming',
    state: row.state as RequestState,
    urgent: row.urgent,
    offenceCategory: (row.offence_category as RequestSummary['offenceCategory']) ?? null,
    requesting: {
      node: row.side === 'requester' ? selfNode : (row.counterpart_node ?? ''),
      country: row.requesting_country,
      agencyCode: row.requesting_agency_code,
      agencyName: row.requesting_agency_name,
    },
    requested: {
      node: row.requested_node ?? '',
      country: row.requested_country ?? '',
      agencyCode: null,
      agencyName: null,
    },
    subjectCount: row.subject_count,
    assignee:
      row.assignee_id && row.assignee_name
        ? { id: row.assignee_id, displayName: row.assignee_name }
        : null,
    deadline: row.deadline_class
      ? {
          class: row.deadline_class,
          dueAt: paused ? null : iso(row.due_at),
          warnAt: paused ? null : iso(row.warn_at),
          paused,
          overdue: open && !paused && row.due_at !== null && row.due_at <= now,
        }
      : null,
    createdAt: row.created_at.toISOString(),
    sentAt: iso(row.sent_at),
    receivedAt: iso(row.received_at),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A stored subject as the API shows it: its details with its category and marker. */
export function presentSubject(row: SubjectRow): Subject {
  return {
    ...(row.details as Omit<Subject, 'kind'>),
    // The record's id: the same on every node that holds it.
    id: row.record_id,
    kind: row.kind,
    ...(row.category !== null && { category: row.category }),
    ...(row.statement !== null && { statement: row.statement }),
  } as Subject;
}

export function presentDetail(
  row: RequestRow,
  parts: {
    subjects: SubjectRow[];
    events: EventRow[];
    items: ItemRow[];
    attachments: AttachmentRow[];
  },
  allowed: string[],
  now: Date,
  selfNode: string,
): RequestDetail {
  const subjectsOf = (itemId: string | null) =>
    parts.subjects.filter((s) => s.item_id === itemId).map(presentSubject);
  const timeline: Timeline[] = parts.events.map((event) => ({
    id: event.id,
    kind: event.kind,
    side: event.side,
    occurredAt: event.occurred_at.toISOString(),
    actor: event.actor,
    agency: event.agency,
    country: event.country,
    stateAfter: (event.state_after as Timeline['stateAfter']) ?? null,
    text: event.text,
    refusalGround: (event.refusal_ground as Timeline['refusalGround']) ?? null,
    accessibility: (event.accessibility as Timeline['accessibility']) ?? null,
    dueAt: iso(event.due_at),
    expectedAt: iso(event.expected_at),
    items: parts.items
      .filter((item) => item.event_id === event.id)
      .map((item) => ({
        id: item.id,
        body: item.body,
        handlingCode: item.handling_code as 'H0',
        handlingNote: item.handling_note,
        sourceReliability: item.source_reliability as 'A',
        informationAccuracy: item.information_accuracy as '1',
        subjects: subjectsOf(item.id),
      })),
    attachments: parts.attachments
      .filter((a) => a.event_id === event.id)
      .map((a) => ({
        id: a.id,
        name: a.name,
        mediaType: a.media_type,
        size: a.size,
        sha256: a.sha256,
      })),
  }));
  const content = { ...(row.content as RequestContent), subjects: subjectsOf(null) };
  return {
    ...presentSummary(row, now, selfNode),
    officer: row.requesting_officer,
    content,
    spocCopy:
      row.copy_agency_code && row.copy_agency_name
        ? { agencyCode: row.copy_agency_code, agencyName: row.copy_agency_name }
        : null,
    accessibility: row.accessibility,
    refusalGround: (row.refusal_ground as RequestDetail['refusalGround']) ?? null,
    judicialDelay: row.judicial_delay,
    allowed,
    timeline,
  };
}
