import { api, query } from './client.js';

/*
 * Cross-border information exchange under Directive (EU) 2023/977. The closed lists and the
 * shapes below mirror packages/server/src/exchange/exchange.model.ts and exchange.schemas.ts
 * by hand (the server exports only its roles to the web); keep the two in step.
 */

// ---------------------------------------------------------------- closed lists

export const REQUEST_STATES = [
  'draft',
  'sent',
  'received',
  'assigned',
  'clarification_requested',
  'delayed',
  'partially_answered',
  'answered',
  'refused',
  'closed',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** States in which the requested side still owes an answer (the deadline runs). */
export const OPEN_STATES: readonly RequestState[] = [
  'received',
  'assigned',
  'clarification_requested',
  'delayed',
  'partially_answered',
];

/** Art. 5(1): the four grounds that make a request urgent. */
export const URGENCY_GROUNDS = [
  'public_security_threat',
  'threat_to_life',
  'restrictive_measure',
  'loss_of_relevance',
] as const;
export type UrgencyGround = (typeof URGENCY_GROUNDS)[number];

/** Art. 4(1): why a designated agency may leave its own SPOC out of copy. */
export const SPOC_COPY_EXCEPTIONS = [
  'sensitive_investigation',
  'terrorism_non_emergency',
  'personal_safety',
] as const;
export type SpocCopyException = (typeof SPOC_COPY_EXCEPTIONS)[number];

/** Art. 6(1): the closed list of refusal grounds, lettered as in the directive. */
export const REFUSAL_GROUNDS = [
  'a_not_available',
  'b_request_incomplete',
  'c_judicial_authorisation_refused',
  'd_outside_permitted_categories',
  'e_inaccurate_or_outdated',
  'f_security_investigation_safety',
  'g_minor_or_not_an_offence',
  'h_no_consent_of_origin',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const ACCESSIBILITY = ['direct', 'indirect'] as const;
export type Accessibility = (typeof ACCESSIBILITY)[number];

export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
export const INFORMATION_ACCURACY = ['1', '2', '3', '4'] as const;
export type InformationAccuracy = (typeof INFORMATION_ACCURACY)[number];

export const SUBJECT_KINDS = [
  'person',
  'vehicle',
  'organisation',
  'phone',
  'email',
  'address',
  'bank_account',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const DATA_SUBJECT_CATEGORIES = [
  'suspect',
  'convicted',
  'victim',
  'witness',
  'contact_other',
] as const;
export type DataSubjectCategory = (typeof DATA_SUBJECT_CATEGORIES)[number];

export const STATEMENT_KINDS = ['fact', 'assessment'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const IDENTITY_DOCUMENT_TYPES = [
  'passport',
  'identity_card',
  'residence_permit',
  'driving_licence',
  'other',
] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

export const OFFENCE_CATEGORIES = [
  'drug_trafficking',
  'trafficking_in_human_beings',
  'migrant_smuggling',
  'terrorism',
  'cybercrime',
  'money_laundering',
  'fraud',
  'organised_property_crime',
  'robbery',
  'murder_grievous_bodily_injury',
  'kidnapping_hostage_taking',
  'illicit_trafficking_weapons',
  'sexual_abuse_exploitation_children',
  'corruption',
  'forgery',
  'vehicle_crime',
  'environmental_crime',
  'racism_xenophobia',
  'other',
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export const REQUEST_LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type RequestLanguage = (typeof REQUEST_LANGUAGES)[number];

export const REQUEST_KINDS = ['request', 'spontaneous'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const SIDES = ['requester', 'requested'] as const;
export type Side = (typeof SIDES)[number];

/** urgent_direct (8 hours), urgent_indirect (3 days), standard (7 days). */
export const DEADLINE_CLASSES = ['urgent_direct', 'urgent_indirect', 'standard'] as const;
export type DeadlineClass = (typeof DEADLINE_CLASSES)[number];

/** The art. 5(1) time limits, in milliseconds (calendar days taken as 24 hours here). */
export const DEADLINE_LIMIT_MS: Record<DeadlineClass, number> = {
  urgent_direct: 8 * 60 * 60 * 1000,
  urgent_indirect: 3 * 24 * 60 * 60 * 1000,
  standard: 7 * 24 * 60 * 60 * 1000,
};

/** What happens on a request, as the timeline shows it. */
export const EVENT_KINDS = [
  'sent',
  'received',
  'assigned',
  'accessibility',
  'clarification_requested',
  'clarified',
  'resumed',
  'partially_answered',
  'answered',
  'refused',
  'delayed',
  'closed',
  'message',
] as const;

/** What the signed-in user may do with a request now (RequestDetail.allowed). */
export const ACTIONS = [
  'edit',
  'send',
  'accessibility',
  'assign',
  'answer',
  'clarification',
  'clarify',
  'refuse',
  'delay',
  'close',
  'message',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** The largest attachment, and the most a message's attachments may hold together. */
export const MAX_ATTACHMENT_BYTES = 120 * 1024;
export const MAX_ATTACHMENTS = 5;
export const MAX_SUBJECTS = 50;
export const MAX_ITEMS = 50;

export const NOTIFICATION_KINDS = [
  'request_received',
  'request_assigned',
  'answer_received',
  'clarification_requested',
  'clarification_received',
  'refusal_received',
  'delay_notified',
  'message_received',
  'provision_received',
  'request_closed',
  'deadline_approaching',
  'deadline_exceeded',
  // A record of the agency is due for its retention review (no request: see /records/reviews).
  'record_review',
  // Another node asks to pass on an H2 item it got from here (see /records/permissions).
  'permission_requested',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// ---------------------------------------------------------------- subjects

export interface IdentityDocument {
  type: IdentityDocumentType;
  number: string;
  issuingCountry?: string;
}

interface SubjectCommon {
  id?: string;
  /** The data-subject category (LED art. 6); required for all but organisations. */
  category?: DataSubjectCategory;
  /** A fact, or a personal assessment (LED art. 7(1)). */
  statement?: StatementKind;
  /** Art. 4(3)(d): how this subject is linked to the purpose. */
  link?: string;
}

export interface PersonSubject extends SubjectCommon {
  kind: 'person';
  surname?: string;
  surnamePrefix?: string;
  givenNames?: string;
  aliases?: string[];
  birthDate?: string;
  birthPlace?: string;
  nationalities?: string[];
  documents?: IdentityDocument[];
}

export interface VehicleSubject extends SubjectCommon {
  kind: 'vehicle';
  plate?: string;
  plateCountry?: string;
  vin?: string;
  make?: string;
  model?: string;
  colour?: string;
}

export interface OrganisationSubject extends SubjectCommon {
  kind: 'organisation';
  name?: string;
  registrationNumber?: string;
  country?: string;
}

export interface PhoneSubject extends SubjectCommon {
  kind: 'phone';
  number?: string;
}

export interface EmailSubject extends SubjectCommon {
  kind: 'email';
  address?: string;
}

export interface AddressSubject extends SubjectCommon {
  kind: 'address';
  street?: string;
  houseNumber?: string;
  postalCode?: string;
  city?: string;
  country?: string;
}

export interface BankAccountSubject extends SubjectCommon {
  kind: 'bank_account';
  iban?: string;
  bic?: string;
  holder?: string;
}

export type Subject =
  | PersonSubject
  | VehicleSubject
  | OrganisationSubject
  | PhoneSubject
  | EmailSubject
  | AddressSubject
  | BankAccountSubject;

// ---------------------------------------------------------------- items and attachments

/** A piece of information supplied, with its handling code and evaluation. */
export interface Item {
  id?: string;
  body: string;
  handlingCode: HandlingCode;
  /** The restriction in words; required with H3. */
  handlingNote?: string;
  sourceReliability: SourceReliability;
  informationAccuracy: InformationAccuracy;
  subjects?: Subject[];
}

export interface StoredItem {
  id: string;
  body: string;
  handlingCode: HandlingCode;
  handlingNote: string | null;
  sourceReliability: SourceReliability;
  informationAccuracy: InformationAccuracy;
  subjects: Subject[];
}

export interface AttachmentUpload {
  name: string;
  mediaType: AttachmentType;
  /** The file, base64-encoded. */
  content: string;
}

export interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

// ---------------------------------------------------------------- requests

/** What the officer writes. A draft may be incomplete; sending checks art. 4. */
export interface RequestContent {
  requestedNode?: string;
  designatedAgencyCode?: string;
  purpose?: string;
  facts?: string;
  reasonsHeld?: string;
  offenceCategory?: OffenceCategory;
  offenceDescription?: string;
  urgent?: boolean;
  urgencyGround?: UrgencyGround;
  urgencyJustification?: string;
  language?: RequestLanguage;
  /** Why a designated agency does not copy its own SPOC; absent means it does. */
  spocCopyException?: SpocCopyException;
  subjects?: Subject[];
}

/** Information supplied without a request (art. 7): sent at once. */
export interface ProvisionBody {
  requestedNode: string;
  designatedAgencyCode?: string;
  purpose: string;
  facts: string;
  offenceCategory: OffenceCategory;
  offenceDescription?: string;
  language: RequestLanguage;
  spocCopyException?: SpocCopyException;
  subjects?: Subject[];
  items: Item[];
}

export interface Party {
  node: string;
  country: string;
  agencyCode: string | null;
  agencyName: string | null;
}

export interface Deadline {
  class: DeadlineClass;
  dueAt: string | null;
  /** From when the node warns that the deadline comes near. */
  warnAt: string | null;
  /** True while the clock stands still, waiting for a clarification. */
  paused: boolean;
  overdue: boolean;
}

export interface RequestSummary {
  id: string;
  reference: string;
  kind: RequestKind;
  /** outgoing: this node asked; incoming: this node is asked. */
  direction: Direction;
  state: RequestState;
  urgent: boolean;
  offenceCategory: OffenceCategory | null;
  requesting: Party;
  requested: Party;
  /** How many subjects, never who: lists show no personal data. */
  subjectCount: number;
  assignee: { id: string; displayName: string } | null;
  deadline: Deadline | null;
  createdAt: string;
  sentAt: string | null;
  receivedAt: string | null;
  updatedAt: string;
}

export interface RequestList {
  items: RequestSummary[];
  total: number;
}

export interface RequestFilters {
  direction?: Direction;
  state?: RequestState;
  open?: boolean;
  urgent?: boolean;
  due?: 'soon' | 'overdue';
  assignedToMe?: boolean;
  country?: string;
  reference?: string;
  limit?: number;
  offset?: number;
}

export interface TimelineEvent {
  id: string;
  kind: string;
  side: Side;
  occurredAt: string;
  actor: string | null;
  agency: string | null;
  country: string;
  stateAfter: RequestState | null;
  text: string | null;
  refusalGround: RefusalGround | null;
  accessibility: Accessibility | null;
  dueAt: string | null;
  expectedAt: string | null;
  items: StoredItem[];
  attachments: Attachment[];
}

export interface RequestDetail extends RequestSummary {
  officer: string | null;
  content: RequestContent;
  spocCopy: { agencyCode: string; agencyName: string } | null;
  accessibility: Accessibility | null;
  refusalGround: RefusalGround | null;
  judicialDelay: boolean;
  /** What the signed-in user may do now. */
  allowed: string[];
  timeline: TimelineEvent[];
}

export interface AnswerBody {
  /** True when more is to come (partially answered). */
  partial: boolean;
  text?: string;
  items: Item[];
  attachments?: AttachmentUpload[];
}

export interface MessageBody {
  text: string;
  attachments?: AttachmentUpload[];
}

export interface Peer {
  nodeId: string;
  country: string;
  name: string;
}

export interface Handler {
  id: string;
  displayName: string;
  agencyCode: string;
  agencyName: string;
}

// ---------------------------------------------------------------- statistics (art. 18)

export interface CountryCount {
  country: string;
  count: number;
}

export interface Statistics {
  year: number;
  country: string;
  sent: { total: number; byCountry: CountryCount[] };
  received: {
    country: string;
    urgentReceived: number;
    urgentAnswered: number;
    otherReceived: number;
    otherAnswered: number;
  }[];
  refusals: { country: string; ground: RefusalGround; count: number }[];
  judicialDelayExceeded: number;
  spontaneous: { total: number; byCountry: CountryCount[] };
}

// ---------------------------------------------------------------- notifications

export interface Notification {
  id: string;
  kind: NotificationKind;
  requestId: string | null;
  reference: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: Notification[];
  unread: number;
}

// ---------------------------------------------------------------- calls

const BASE = '/api/v1/exchange';
const request = (id: string) => `${BASE}/requests/${encodeURIComponent(id)}`;
const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

export const exchangeApi = {
  /** The nodes that can be asked. */
  peers: () => api<{ items: Peer[] }>('GET', `${BASE}/peers`),
  /** The users of this country a request can be assigned to. */
  handlers: () => api<{ items: Handler[] }>('GET', `${BASE}/handlers`),
  list: (filters: RequestFilters = {}) =>
    api<RequestList>(
      'GET',
      `${BASE}/requests${query({
        direction: filters.direction,
        state: filters.state,
        open: flag(filters.open),
        urgent: flag(filters.urgent),
        due: filters.due,
        assignedToMe: flag(filters.assignedToMe),
        country: filters.country,
        reference: filters.reference,
        limit: filters.limit,
        offset: filters.offset,
      })}`,
    ),
  /** A new draft; it may be incomplete. */
  create: (content: RequestContent) => api<RequestDetail>('POST', `${BASE}/requests`, content),
  /** One request with its subjects and timeline. The node logs this read as a consultation. */
  get: (id: string) => api<RequestDetail>('GET', request(id)),
  /** Replaces the content of a draft. */
  update: (id: string, content: RequestContent) => api<RequestDetail>('PUT', request(id), content),
  /** Sends a draft; 422 request_incomplete lists what art. 4 still requires. */
  send: (id: string) => api<RequestDetail>('POST', `${request(id)}/send`, {}),
  /** Information supplied without a request (art. 7), sent at once. */
  provide: (body: ProvisionBody) => api<RequestDetail>('POST', `${BASE}/provisions`, body),
  setAccessibility: (id: string, accessibility: Accessibility) =>
    api<RequestDetail>('POST', `${request(id)}/accessibility`, { accessibility }),
  assign: (id: string, userId: string) =>
    api<RequestDetail>('POST', `${request(id)}/assign`, { userId }),
  answer: (id: string, body: AnswerBody) =>
    api<RequestDetail>('POST', `${request(id)}/answer`, body),
  askClarification: (id: string, text: string) =>
    api<RequestDetail>('POST', `${request(id)}/clarification`, { text }),
  clarify: (id: string, text: string) =>
    api<RequestDetail>('POST', `${request(id)}/clarify`, { text }),
  refuse: (id: string, ground: RefusalGround, text: string) =>
    api<RequestDetail>('POST', `${request(id)}/refuse`, { ground, text }),
  delay: (id: string, text: string, expectedAt: string) =>
    api<RequestDetail>('POST', `${request(id)}/delay`, { text, expectedAt }),
  close: (id: string, text?: string) =>
    api<RequestDetail>('POST', `${request(id)}/close`, text ? { text } : {}),
  message: (id: string, body: MessageBody) =>
    api<RequestDetail>('POST', `${request(id)}/messages`, body),
  attachmentUrl: (id: string, attachmentId: string) =>
    `${request(id)}/attachments/${encodeURIComponent(attachmentId)}`,
  statistics: (year: number) => api<Statistics>('GET', `${BASE}/statistics${query({ year })}`),
  statisticsUrl: (year: number, format: 'json' | 'csv') =>
    `${BASE}/statistics${format === 'csv' ? '.csv' : ''}${query({ year })}`,
};

const NOTIFICATIONS = '/api/v1/notifications';

export const notificationsApi = {
  list: (options: { unreadOnly?: boolean; limit?: number } = {}) =>
    api<NotificationList>(
      'GET',
      `${NOTIFICATIONS}${query({ unreadOnly: flag(options.unreadOnly), limit: options.limit })}`,
    ),
  read: (id: string) => api<void>('POST', `${NOTIFICATIONS}/${encodeURIComponent(id)}/read`, {}),
  readAll: () => api<void>('POST', `${NOTIFICATIONS}/read-all`, {}),
};

/** Whether an action is among those the signed-in user may do now. */
export function may(detail: Pick<RequestDetail, 'allowed'>, action: Action): boolean {
  return detail.allowed.includes(action);
}
