import type { Subject } from '../exchange/exchange.schemas.js';
import type { PersonalRecordRow } from '../kernel/db/schema.js';
import { birthYear, recordLabel } from './labels.js';
import type { Permission, RecordAction, RecordDetail, RecordSummary } from './records.schemas.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentSummary(
  record: PersonalRecordRow,
  details: Record<string, unknown>,
  holder: { code: string; name: string },
  inContext: boolean,
): RecordSummary {
  return {
    id: record.id,
    kind: record.kind as RecordSummary['kind'],
    label: record.erased_at ? null : recordLabel(record.kind, details),
    birthYear: record.erased_at ? null : birthYear(details),
    category: record.category as RecordSummary['category'],
    holderAgency: holder,
    inContext,
    restricted: record.restricted_at !== null,
    erased: record.erased_at !== null,
  };
}

export interface RecordParts {
  record: PersonalRecordRow;
  details: Record<string, unknown>;
  holder: { code: string; name: string };
  context: { requestId: string; reference: string } | null;
  occurrences: { request_id: string; reference: string; side: string; request_kind: string }[];
  disclosures: {
    id: string;
    recipient_node: string;
    recipient_country: string | null;
    recipient_agency: string | null;
    reference: string;
    disclosed_at: Date;
    handling_code: string | null;
    fields: string[];
  }[];
  notices: {
    id: string;
    kind: string;
    origin_node: string;
    from_node: string | null;
    issued_at: Date;
    issued_by: string | null;
    reason: string;
    recipients: {
      node: string;
      via_node: string | null;
      sent_at: Date;
      due_at: Date;
      confirmed_at: Date | null;
    }[];
  }[];
  permissions: Permission[];
  allowed: RecordAction[];
}

export function presentRecord(parts: RecordParts, now: Date): RecordDetail {
  const { record } = parts;
  const subject = {
    ...parts.details,
    id: record.id,
    kind: record.kind,
    ...(record.category !== null && { category: record.category }),
    ...(record.statement !== null && { statement: record.statement }),
    ...(record.erased_at && { erased: true }),
  } as Subject;
  const seen = new Set<string>();
  return {
    id: record.id,
    kind: record.kind as RecordDetail['kind'],
    subject,
    category: record.category as RecordDetail['category'],
    statement: record.statement as RecordDetail['statement'],
    originNode: record.origin_node,
    sourceNode: record.source_node,
    holderAgency: parts.holder,
    handlingCode: record.handling_code as RecordDetail['handlingCode'],
    heldSince: record.held_since.toISOString(),
    reviewAt: record.review_at.toISOString(),
    expiresAt: record.expires_at.toISOString(),
    lastReviewedAt: iso(record.last_reviewed_at),
    restricted: record.restricted_at
      ? { at: record.restricted_at.toISOString(), reason: record.restriction_reason ?? '' }
      : null,
    inaccurate: record.inaccurate_at
      ? { at: record.inaccurate_at.toISOString(), note: record.inaccuracy_note ?? '' }
      : null,
    rectifiedAt: iso(record.rectified_at),
    erased: record.erased_at
      ? { at: record.erased_at.toISOString(), reason: record.erasure_reason ?? '' }
      : null,
    context: parts.context,
    // One line per request, even where the record occurs in several of its items.
    occurrences: parts.occurrences
      .filter((o) => !seen.has(o.request_id) && seen.add(o.request_id))
      .map((o) => ({
        requestId: o.request_id,
        reference: o.reference,
        side: o.side as 'requester',
        kind: o.request_kind as 'request',
      })),
    disclosures: parts.disclosures.map((d) => ({
      id: d.id,
      recipientNode: d.recipient_node,
      recipientCountry: d.recipient_country,
      recipientAgency: d.recipient_agency,
      reference: d.reference,
      disclosedAt: d.disclosed_at.toISOString(),
      handlingCode: d.handling_code as 'H0' | null,
      fields: d.fields,
    })),
    notices: parts.notices.map((n) => ({
      id: n.id,
      kind: n.kind as RecordDetail['notices'][number]['kind'],
      originNode: n.origin_node,
      fromNode: n.from_node,
      issuedAt: n.issued_at.toISOString(),
      issuedBy: n.issued_by,
      reason: n.reason,
      recipients: n.recipients.map((r) => ({
        node: r.node,
        viaNode: r.via_node,
        sentAt: r.sent_at.toISOString(),
        dueAt: r.due_at.toISOString(),
        confirmedAt: iso(r.confirmed_at),
        overdue: r.confirmed_at === null && r.due_at < now,
      })),
    })),
    permissions: parts.permissions,
    allowed: parts.allowed,
  };
}

export function presentPermission(row: {
  id: string;
  record_id: string;
  side: 'asking' | 'answering';
  asking_node: string;
  answering_node: string;
  recipient_node: string;
  reason: string;
  asked_at: Date;
  asked_by: string;
  state: 'pending' | 'granted' | 'refused';
  answered_at: Date | null;
  answered_by: string | null;
  answer_note: string | null;
}): Permission {
  return {
    id: row.id,
    recordId: row.record_id,
    side: row.side,
    askingNode: row.asking_node,
    answeringNode: row.answering_node,
    recipientNode: row.recipient_node,
    reason: row.reason,
    askedAt: row.asked_at.toISOString(),
    askedBy: row.asked_by,
    state: row.state,
    answeredAt: iso(row.answered_at),
    answeredBy: row.answered_by,
    answerNote: row.answer_note,
  };
}
