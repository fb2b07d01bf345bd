import { api, query } from './client.js';
import type {
  DataSubjectCategory,
  HandlingCode,
  StatementKind,
  Subject,
  SubjectKind,
} from './exchange.js';
import type { AgencyRef, ConsultationReason } from './records.js';

/*
 * The data protection officer's workspace: oversight lists, the consultation and disclosure
 * logs, anomalies, the record of processing activities (art. 24 LED) and access reports for
 * data subjects (art. 14–15 LED). The shapes mirror packages/server/src/dpo/*.schemas.ts by
 * hand; keep the two in step.
 */

// ---------------------------------------------------------------- closed lists

export const REQUESTED_VIA = ['data_subject', 'supervisory_authority'] as const;
export type RequestedVia = (typeof REQUESTED_VIA)[number];

export const ANOMALY_KINDS = ['volume', 'outside_context', 'unusual_hours'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export const CONSULTATION_CONTEXTS = ['request', 'reason'] as const;
export type ConsultationContext = (typeof CONSULTATION_CONTEXTS)[number];

export const WITHHOLD_TYPES = ['record', 'disclosure'] as const;
export type WithholdType = (typeof WITHHOLD_TYPES)[number];

/**
 * The grounds of LED art. 15(1)(a)–(e) on which access may be restricted. Codes, not free
 * text: the report goes to the data subject, and free text could give away what is protected.
 */
export const WITHHOLDING_GROUNDS = [
  'obstruct_inquiries',
  'prejudice_criminal_proceedings',
  'public_security',
  'national_security',
  'rights_of_others',
] as const;
export type WithholdingGround = (typeof WITHHOLDING_GROUNDS)[number];

/** The periods the anomalies can be looked for in, in days. */
export const ANOMALY_PERIODS = [7, 30, 90] as const;

/** How many entries the logs answer per page. */
export const DPO_PAGE_SIZE = 50;

/** An access report covers 1 to 100 records. */
export const MAX_REPORT_RECORDS = 100;

// ---------------------------------------------------------------- shapes

export interface PersonMatch {
  recordId: string;
  surname: string;
  surnamePrefix: string | null;
  givenNames: string | null;
  birthDate: string | null;
  category: DataSubjectCategory | null;
  holderAgency: AgencyRef;
  originNode: string | null;
  heldSince: string;
}

export interface NamedAgency {
  code: string;
  name: string;
}

export interface Withheld {
  type: WithholdType;
  id: string;
  reason: WithholdingGround;
}

export interface AccessReportBody {
  surname: string;
  givenNames?: string;
  birthDate?: string;
  requestedVia: RequestedVia;
  recordIds: string[];
  withhold: Withheld[];
}

/** A disclosure in a report; a withheld one keeps only its id and date. */
export interface ReportDisclosure {
  id: string;
  recipientNode: string | null;
  recipientCountry: string | null;
  recipientAgency: string | null;
  disclosedAt: string | null;
  reference: string | null;
  fields: string[];
  withheld: { reason: WithholdingGround } | null;
}

/** A record in a report; everything but its id and kind is empty when it is withheld. */
export interface ReportRecord {
  recordId: string;
  kind: SubjectKind;
  withheld: { reason: WithholdingGround } | null;
  subject: Subject | null;
  category: DataSubjectCategory | null;
  statement: StatementKind | null;
  originNode: string | null;
  sourceNode: string | null;
  holderAgency: AgencyRef | null;
  references: string[];
  legalBasis: string | null;
  heldSince: string | null;
  reviewAt: string | null;
  expiresAt: string | null;
  restricted: { at: string; reason: string | null } | null;
  rectifiedAt: string | null;
  erasedAt: string | null;
  disclosures: ReportDisclosure[];
}

export interface AccessReport {
  id: string;
  createdAt: string;
  createdBy: string;
  requestedVia: RequestedVia;
  /** The node that produced it. */
  node: { id: string; name: string; country: string } | null;
  query: { surname: string; givenNames: string | null; birthDate: string | null };
  records: ReportRecord[];
  withheld: Withheld[];
}

export interface AccessReportSummary {
  id: string;
  createdAt: string;
  createdBy: string;
  requestedVia: RequestedVia;
  surname: string;
  /** How many records and disclosures it shows. */
  records: number;
  disclosures: number;
}

export interface OverdueReview {
  taskId: string;
  recordId: string;
  kind: SubjectKind;
  category: DataSubjectCategory | null;
  holderAgency: AgencyRef;
  dueAt: string;
}

export interface UnconfirmedNotice {
  noticeId: string;
  recordId: string;
  kind: string;
  issuedAt: string;
  node: string;
  viaNode: string | null;
  sentAt: string;
  dueAt: string;
  overdue: boolean;
}

export interface RestrictedRecord {
  recordId: string;
  kind: SubjectKind;
  label: string;
  holderAgency: AgencyRef;
  restrictedAt: string;
  reason: string | null;
}

export interface DisclosureEntry {
  id: string;
  recordId: string;
  kind: SubjectKind;
  recipientNode: string;
  recipientCountry: string | null;
  recipientAgency: string | null;
  reference: string;
  disclosedAt: string;
  handlingCode: HandlingCode | null;
  fields: string[];
}

export interface ConsultationEntry {
  seq: number;
  at: string;
  username: string | null;
  agency: NamedAgency | null;
  recordId: string;
  /** The kind of record ('person', …), 'unknown' when the log does not say. */
  kind: string;
  context: ConsultationContext;
  purpose: string | null;
}

export interface Anomaly {
  kind: AnomalyKind;
  userId: string;
  username: string;
  agency: NamedAgency | null;
  count: number;
  peerMedian: number | null;
  evidence: { seq: number; at: string; recordId: string; purpose: string | null }[];
}

export interface Anomalies {
  from: string;
  to: string;
  items: Anomaly[];
}

/** The record of processing activities, generated from the node's configuration. */
export interface ProcessingRecord {
  generatedAt: string;
  controller: {
    /** Null while the node has not joined a federation. */
    node: string | null;
    country: string;
    name: string | null;
    agencies: { code: string; name: string; kind: string }[];
  };
  dpos: string[];
  /** The offence categories records are held for. */
  purposes: string[];
  dataSubjectCategories: string[];
  personalDataCategories: { kind: string; fields: string[] }[];
  recipients: { node: string; country: string; name: string }[];
  retention: {
    category: string | null;
    purpose: string | null;
    reviewMonths: number;
    retentionMonths: number;
  }[];
  consultationReasons: { code: string; labels: ConsultationReason['labels']; active: boolean }[];
  securityMeasures: string[];
}

export interface LogPage<T> {
  items: T[];
  total: number;
}

export interface LogFilters {
  recordId?: string;
  /** Calendar days 'YYYY-MM-DD', both included. */
  from?: string;
  to?: string;
  /** 1 for the first page. */
  page?: number;
}

// ---------------------------------------------------------------- calls

const BASE = '/api/v1/dpo';
const report = (id: string) => `${BASE}/access-reports/${encodeURIComponent(id)}`;

export const dpoApi = {
  persons: (search: { surname: string; givenNames?: string; birthDate?: string }) =>
    api<{ items: PersonMatch[] }>(
      'GET',
      `${BASE}/persons${query({
        surname: search.surname.trim(),
        givenNames: search.givenNames?.trim(),
        birthDate: search.birthDate,
      })}`,
    ),
  createReport: (body: AccessReportBody) =>
    api<AccessReport>('POST', `${BASE}/access-reports`, body),
  reports: () => api<{ items: AccessReportSummary[] }>('GET', `${BASE}/access-reports`),
  report: (id: string) => api<AccessReport>('GET', report(id)),
  reportPdfUrl: (id: string) => `${report(id)}/pdf`,
  overdueReviews: () => api<{ items: OverdueReview[] }>('GET', `${BASE}/reviews/overdue`),
  unconfirmedNotices: () =>
    api<{ items: UnconfirmedNotice[] }>('GET', `${BASE}/notices/unconfirmed`),
  restrictedRecords: () => api<{ items: RestrictedRecord[] }>('GET', `${BASE}/records/restricted`),
  disclosures: (filters: LogFilters & { node?: string }) =>
    api<LogPage<DisclosureEntry>>(
      'GET',
      `${BASE}/disclosures${query({ ...dayRange(filters.from, filters.to), recordId: filters.recordId?.trim(), node: filters.node?.trim(), page: pageParam(filters.page) })}`,
    ),
  consultations: (filters: LogFilters & { username?: string }) =>
    api<LogPage<ConsultationEntry>>(
      'GET',
      `${BASE}/consultations${query({ ...dayRange(filters.from, filters.to), recordId: filters.recordId?.trim(), username: filters.username?.trim(), page: pageParam(filters.page) })}`,
    ),
  anomalies: (days: number) => api<Anomalies>('GET', `${BASE}/anomalies${query({ days })}`),
  processingRecord: () => api<ProcessingRecord>('GET', `${BASE}/processing-record`),
};

// ---------------------------------------------------------------- pure helpers

const pageParam = (page: number | undefined) => (page !== undefined && page > 1 ? page : undefined);

/**
 * Two calendar days of a filter as the bounds of the API, in the browser's time zone: "from"
 * is the start of its day, "to" the start of the day after (so the last day counts whole).
 */
export function dayRange(
  from: string | undefined,
  to: string | undefined,
): { from: string | undefined; to: string | undefined } {
  const day = (value: string | undefined, addDays: number) => {
    if (value === undefined || value === '') return undefined;
    const date = new Date(`${value}T00:00:00`);
    if (Number.isNaN(date.getTime())) return undefined;
    date.setDate(date.getDate() + addDays);
    return date.toISOString();
  };
  return { from: day(from, 0), to: day(to, 1) };
}

/** An access report as it is being prepared. */
export interface ReportDraft {
  surname: string;
  givenNames: string;
  birthDate: string;
  requestedVia: RequestedVia | '';
  /** The matches the DPO says are this person, in the order they were shown. */
  recordIds: string[];
  /** What to withhold, by "record:<id>" or "disclosure:<id>", with its ground ('' until chosen). */
  withhold: Record<string, WithholdingGround | ''>;
}

export const withholdKey = (type: WithholdType, id: string) => `${type}:${id}`;

/** The names of the fields of a report draft, in the order they appear. */
export type ReportField =
  'surname' | 'birthDate' | 'recordIds' | 'requestedVia' | `withhold:${string}`;

const BIRTH_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a report draft lacks, by field, as translation keys under records.report.validation.
 * Only withheld items that belong to a chosen record count (disclosureRecord names the record
 * of each disclosure shown).
 */
export function checkReport(
  draft: ReportDraft,
  disclosureRecord: ReadonlyMap<string, string>,
): Partial<Record<ReportField, string>> {
  const problems: Partial<Record<ReportField, string>> = {};
  if (draft.surname.trim() === '') problems.surname = 'surname';
  if (draft.birthDate !== '' && !BIRTH_DATE.test(draft.birthDate)) problems.birthDate = 'birthDate';
  if (draft.recordIds.length === 0) problems.recordIds = 'recordIds';
  if (draft.recordIds.length > MAX_REPORT_RECORDS) problems.recordIds = 'tooManyRecords';
  if (draft.requestedVia === '') problems.requestedVia = 'requestedVia';
  for (const item of withheldOf(draft, disclosureRecord)) {
    if (item.reason === '')
      problems[`withhold:${withholdKey(item.type, item.id)}`] = 'withholdReason';
  }
  return problems;
}

/** The items marked to withhold that belong to a chosen record ('' while no ground is chosen). */
function withheldOf(
  draft: ReportDraft,
  disclosureRecord: ReadonlyMap<string, string>,
): { type: WithholdType; id: string; reason: WithholdingGround | '' }[] {
  const chosen = new Set(draft.recordIds);
  const result: { type: WithholdType; id: string; reason: WithholdingGround | '' }[] = [];
  for (const [key, reason] of Object.entries(draft.withhold)) {
    const [type, id = ''] = key.split(/:(.*)/s) as [string, string | undefined];
    if (type === 'record' && chosen.has(id)) result.push({ type, id, reason });
    if (type === 'disclosure' && chosen.has(disclosureRecord.get(id) ?? '')) {
      result.push({ type, id, reason });
    }
  }
  return result;
}

/** The body that produces the report; call only once checkReport found nothing. */
export function toReportBody(
  draft: ReportDraft,
  disclosureRecord: ReadonlyMap<string, string>,
): AccessReportBody {
  return {
    surname: draft.surname.trim(),
    ...(draft.givenNames.trim() !== '' && { givenNames: draft.givenNames.trim() }),
    ...(draft.birthDate !== '' && { birthDate: draft.birthDate }),
    requestedVia: draft.requestedVia as RequestedVia,
    recordIds: [...draft.recordIds],
    withhold: withheldOf(draft, disclosureRecord).filter((w): w is Withheld => w.reason !== ''),
  };
}

/** A person's name as the matches show it: "VAN STRALEN, Jordy". */
export function personName(
  match: Pick<PersonMatch, 'surname' | 'surnamePrefix' | 'givenNames'>,
): string {
  const surname = [match.surnamePrefix ?? '', match.surname]
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(' ')
    .toUpperCase();
  const given = (match.givenNames ?? '').trim();
  return given === '' ? surname : `${surname}, ${given}`;
}
