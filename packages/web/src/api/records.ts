import { api, query } from './client.js';
import type {
  DataSubjectCategory,
  HandlingCode,
  OffenceCategory,
  RequestKind,
  RequestLanguage,
  Side,
  StatementKind,
  Subject,
  SubjectKind,
} from './exchange.js';

/*
 * The personal-data records of this node (Law Enforcement Directive): search, detail,
 * consultation with a stated reason, rectification, erasure, restriction, onward transfer and
 * its permissions, and the retention reviews. The shapes mirror
 * packages/server/src/records/records.schemas.ts and retention.schemas.ts by hand; keep the
 * two in step.
 */

// ---------------------------------------------------------------- closed lists

/** What the signed-in user may do with a record now (RecordDetail.allowed). */
export const RECORD_ACTIONS = [
  'rectify',
  'erase',
  'restrict',
  'lift-restriction',
  'mark-inaccurate',
  'forward',
  'ask-permission',
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export const NOTICE_KINDS = [
  'rectification',
  'erasure',
  'restriction',
  'restriction_lifted',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const PERMISSION_STATES = ['pending', 'granted', 'refused'] as const;
export type PermissionState = (typeof PERMISSION_STATES)[number];

export const PERMISSION_SIDES = ['asking', 'answering'] as const;
export type PermissionSide = (typeof PERMISSION_SIDES)[number];

export const REVIEW_DECISIONS = ['keep', 'erase'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REVIEW_STATES = ['open', 'decided'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Where a recipient of a notice stands: confirmed, still to confirm, or late. */
export const RECIPIENT_STATES = ['confirmed', 'waiting', 'overdue'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/** The free text of a consultation with a stated reason: 10 to 500 characters. */
export const CONSULTATION_NOTE_MIN = 10;
export const CONSULTATION_NOTE_MAX = 500;
/** How many records a search answers per page, and how many review tasks. */
export const SEARCH_PAGE_SIZE = 20;
export const REVIEW_PAGE_SIZE = 50;
/** A search needs at least this many characters. */
export const QUERY_MIN = 2;
/** The reason of an erasure, restriction, rectification or permission, and a note. */
export const REASON_MIN = 5;
export const REASON_MAX = 1000;
/** The note of a review decision (required for both keep and erase). */
export const REVIEW_NOTE_MAX = 500;
/** The purpose and facts of a record passed on. */
export const PURPOSE_MAX = 4000;
export const FACTS_MAX = 8000;

// ---------------------------------------------------------------- shapes

export interface AgencyRef {
  code: string;
  name: string;
}

export interface RecordSummary {
  id: string;
  kind: SubjectKind;
  /** The least needed to choose: "SURNAME, Given names", a plate, a shortened number… */
  label: string | null;
  birthYear: number | null;
  category: DataSubjectCategory | null;
  holderAgency: AgencyRef;
  /** The user sees a request the record occurs in. */
  inContext: boolean;
  restricted: boolean;
  erased: boolean;
}

export interface RecordList {
  items: RecordSummary[];
  total: number;
}

export interface ConsultationReason {
  code: string;
  labels: Partial<Record<'nl' | 'fr' | 'de' | 'en', string>>;
}

export interface Occurrence {
  requestId: string;
  reference: string;
  side: Side;
  kind: RequestKind;
}

export interface Disclosure {
  id: string;
  recipientNode: string;
  recipientCountry: string | null;
  recipientAgency: string | null;
  reference: string;
  disclosedAt: string;
  handlingCode: HandlingCode | null;
  fields: string[];
}

export interface NoticeRecipient {
  node: string;
  viaNode: string | null;
  sentAt: string;
  dueAt: string;
  confirmedAt: string | null;
  overdue: boolean;
}

export interface Notice {
  id: string;
  kind: NoticeKind;
  originNode: string;
  fromNode: string | null;
  issuedAt: string;
  issuedBy: string | null;
  reason: string;
  recipients: NoticeRecipient[];
}

export interface Permission {
  id: string;
  recordId: string;
  side: PermissionSide;
  askingNode: string;
  answeringNode: string;
  /** The node the record would go to. */
  recipientNode: string;
  reason: string;
  askedAt: string;
  askedBy: string;
  state: PermissionState;
  answeredAt: string | null;
  answeredBy: string | null;
  answerNote: string | null;
}

/** The subject of a record; an erased record keeps only its kind, id and category. */
export type RecordSubject = Subject;

export interface RecordDetail {
  id: string;
  kind: SubjectKind;
  subject: RecordSubject;
  category: DataSubjectCategory | null;
  statement: StatementKind | null;
  originNode: string | null;
  sourceNode: string | null;
  holderAgency: AgencyRef;
  handlingCode: HandlingCode | null;
  heldSince: string;
  reviewAt: string;
  expiresAt: string;
  lastReviewedAt: string | null;
  restricted: { at: string; reason: string } | null;
  inaccurate: { at: string; note: string } | null;
  rectifiedAt: string | null;
  erased: { at: string; reason: string } | null;
  /** Why the user may see it: a request of theirs, or null after a stated reason. */
  context: { requestId: string; reference: string } | null;
  occurrences: Occurrence[];
  disclosures: Disclosure[];
  notices: Notice[];
  permissions: Permission[];
  allowed: RecordAction[];
}

export interface ReviewTask {
  id: string;
  recordId: string;
  kind: SubjectKind;
  category: DataSubjectCategory | null;
  /** Null once the record is erased. */
  label: string | null;
  holderAgency: AgencyRef;
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  decidedAt: string | null;
  decision: ReviewDecision | null;
  note: string | null;
}

export interface ReviewList {
  items: ReviewTask[];
  total: number;
}

// ---------------------------------------------------------------- calls

const BASE = '/api/v1/records';
const record = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** A record passed on to another node, as a spontaneous provision that carries it. */
export interface ForwardBody {
  node: string;
  purpose: string;
  facts: string;
  language: RequestLanguage;
  /** By default the purpose the record is held for. */
  offenceCategory?: OffenceCategory;
}

export interface RecordFilters {
  /** At least QUERY_MIN characters. */
  q: string;
  kind?: SubjectKind | '' | undefined;
  /** 1 for the first page. */
  page?: number | undefined;
}

export const recordsApi = {
  search: (filters: RecordFilters) =>
    api<RecordList>(
      'GET',
      `${BASE}${query({
        q: filters.q.trim(),
        kind: filters.kind,
        page: filters.page !== undefined && filters.page > 1 ? filters.page : undefined,
      })}`,
    ),
  reasons: () => api<{ items: ConsultationReason[] }>('GET', `${BASE}/reasons`),
  /** A record in a context of the user's; 404 not_found when they have none. */
  get: (id: string) => api<RecordDetail>('GET', record(id)),
  /** A record consulted with a stated reason (logged with it). */
  consult: (id: string, reason: string, note: string) =>
    api<RecordDetail>('POST', `${record(id)}/consultations`, { reason, note }),
  rectify: (id: string, subject: Subject, reason: string) =>
    api<RecordDetail>('POST', `${record(id)}/rectification`, { subject, reason }),
  erase: (id: string, reason: string) =>
    api<RecordDetail>('POST', `${record(id)}/erasure`, { reason }),
  restrict: (id: string, reason: string) =>
    api<RecordDetail>('POST', `${record(id)}/restriction`, { reason }),
  liftRestriction: (id: string) => api<RecordDetail>('DELETE', `${record(id)}/restriction`),
  markInaccurate: (id: string, note: string) =>
    api<RecordDetail>('POST', `${record(id)}/inaccuracy`, { note }),
  forward: (id: string, body: ForwardBody) =>
    api<{ requestId: string; reference: string }>('POST', `${record(id)}/forward`, body),
  askPermission: (id: string, node: string, reason: string) =>
    api<Permission>('POST', `${record(id)}/permissions`, { node, reason }),
  permissionRequests: () => api<{ items: Permission[] }>('GET', `${BASE}/permission-requests`),
  answerPermission: (id: string, granted: boolean, note: string) =>
    api<Permission>('POST', `${BASE}/permission-requests/${encodeURIComponent(id)}/answer`, {
      granted,
      ...(note !== '' && { note }),
    }),
  reviews: (state: ReviewState, page = 1) =>
    api<ReviewList>('GET', `${BASE}/reviews${query({ state, page: page > 1 ? page : undefined })}`),
  decideReview: (id: string, decision: ReviewDecision, note: string) =>
    api<ReviewTask>('POST', `${BASE}/reviews/${encodeURIComponent(id)}`, { decision, note }),
};

// ---------------------------------------------------------------- pure helpers

/** Whether an action is among those the signed-in user may take on the record now. */
export function mayDo(detail: Pick<RecordDetail, 'allowed'>, action: RecordAction): boolean {
  return detail.allowed.includes(action);
}

/** Where a recipient of a notice stands. */
export function recipientState(recipient: NoticeRecipient): RecipientState {
  if (recipient.confirmedAt !== null) return 'confirmed';
  return recipient.overdue ? 'overdue' : 'waiting';
}

/** What is wrong with a reason or note the actions take, if anything. */
export function reasonProblem(text: string, min = REASON_MIN): 'required' | 'tooShort' | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'required';
  return trimmed.length < min ? 'tooShort' : undefined;
}

/** What is wrong with the free text of a consultation, if anything. */
export function consultationNoteProblem(
  note: string,
): 'required' | 'tooShort' | 'tooLong' | undefined {
  const text = note.trim();
  if (text === '') return 'required';
  if (text.length < CONSULTATION_NOTE_MIN) return 'tooShort';
  if (text.length > CONSULTATION_NOTE_MAX) return 'tooLong';
  return undefined;
}

/** A reason's label in the user's language, else in English, else its code. */
export function reasonLabel(reason: ConsultationReason, language: string): string {
  const labels = reason.labels as Record<string, string | undefined>;
  return labels[language]?.trim() || labels.en?.trim() || reason.code;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * What a record is called on its own page, like the search list's label: a person as
 * "SURNAME, Given names" (with the particle, "VAN STRALEN"), a vehicle by its plate, an
 * organisation by its name, the rest by their number or address. Empty when the subject has
 * nothing to show (erased, or restricted from this user).
 */
export function subjectLabel(subject: RecordSubject): string {
  const values = subject as unknown as Record<string, unknown>;
  switch (subject.kind) {
    case 'person': {
      const surname = [text(values.surnamePrefix), text(values.surname)]
        .filter((s) => s !== '')
        .join(' ')
        .toUpperCase();
      const given = text(values.givenNames);
      return [surname, given].filter((s) => s !== '').join(', ');
    }
    case 'vehicle':
      return text(values.plate) || text(values.vin);
    case 'organisation':
      return text(values.name);
    case 'phone':
      return text(values.number);
    case 'email':
      return text(values.address);
    case 'address':
      return [
        [text(values.street), text(values.houseNumber)].filter((s) => s !== '').join(' '),
        [text(values.postalCode), text(values.city)].filter((s) => s !== '').join(' '),
      ]
        .filter((s) => s !== '')
        .join(', ');
    case 'bank_account':
      return text(values.iban);
  }
}

/** The newest notice of a kind (issued last), if the record has one. */
export function latestNotice(notices: readonly Notice[], kind: NoticeKind): Notice | undefined {
  return notices
    .filter((n) => n.kind === kind)
    .reduce<Notice | undefined>(
      (latest, n) => (!latest || n.issuedAt > latest.issuedAt ? n : latest),
      undefined,
    );
}
