import { recordLabel } from '../records/labels.js';
import type { Anomaly, ConsultationEntry } from './anomalies.js';
import type {
  ConsultationRow,
  listOverdueReviews,
  listRestrictedRecords,
  listUnconfirmedNotices,
  searchDisclosures,
} from './oversight.queries.js';
import type { Consultation, Disclosure } from './oversight.schemas.js';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

const agencyOf = (row: { agency_code: string | null; agency_name: string | null }) =>
  row.agency_code !== null && row.agency_name !== null
    ? { code: row.agency_code, name: row.agency_name }
    : null;

/** 'record.person' or 'subject.person' → 'person'. */
const kindOf = (objectType: string | null) => objectType?.split('.').at(-1) ?? 'unknown';

export function presentOverdueReview(row: Rows<typeof listOverdueReviews>) {
  return {
    taskId: row.task_id,
    recordId: row.record_id,
    kind: row.kind,
    category: row.category,
    holderAgency: { code: row.agency_code, name: row.agency_name },
    dueAt: row.due_at.toISOString(),
  };
}

export function presentUnconfirmedNotice(row: Rows<typeof listUnconfirmedNotices>, now: Date) {
  return {
    noticeId: row.notice_id,
    recordId: row.record_id,
    kind: row.kind,
    issuedAt: row.issued_at.toISOString(),
    node: row.node,
    viaNode: row.via_node,
    sentAt: row.sent_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: row.due_at < now,
  };
}

export function presentRestrictedRecord(
  row: Rows<typeof listRestrictedRecords>,
  details: Record<string, unknown>,
) {
  return {
    recordId: row.id,
    kind: row.kind,
    // Nothing to show (erased details, an unknown kind): the kind tells at least that much.
    label: recordLabel(row.kind, details) ?? row.kind,
    holderAgency: { code: row.agency_code, name: row.agency_name },
    restrictedAt: row.restricted_at!.toISOString(),
    reason: row.restriction_reason,
  };
}

export function presentDisclosure(
  row: Awaited<ReturnType<typeof searchDisclosures>>['rows'][number],
): Disclosure {
  return {
    id: row.id,
    recordId: row.record_id,
    kind: row.kind,
    recipientNode: row.recipient_node,
    recipientCountry: row.recipient_country,
    recipientAgency: row.recipient_agency,
    reference: row.reference,
    disclosedAt: row.disclosed_at.toISOString(),
    handlingCode: row.handling_code,
    fields: row.fields,
  };
}

/**
 * A read of a record as the anomaly rules see it. A read from a request's detail
 * (subject.consult) is always in that request's context.
 */
export function toConsultationEntry(row: ConsultationRow): ConsultationEntry {
  return {
    seq: row.seq,
    at: row.occurred_at,
    userId: row.actor_user_id ?? '',
    username: row.actor_username ?? '',
    agency: agencyOf(row),
    recordId: row.object_id ?? '',
    context: row.action === 'record.consult' && row.context === 'reason' ? 'reason' : 'request',
    purpose: row.purpose,
  };
}

export function presentConsultation(row: ConsultationRow): Consultation {
  const entry = toConsultationEntry(row);
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    username: row.actor_username,
    agency: entry.agency,
    recordId: entry.recordId,
    kind: kindOf(row.object_type),
    context: entry.context,
    purpose: entry.purpose,
  };
}

export function presentAnomaly(anomaly: Anomaly) {
  return {
    ...anomaly,
    evidence: anomaly.evidence.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
