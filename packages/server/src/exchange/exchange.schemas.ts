import { Type, type Static, type TSchema } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import {
  ACCESSIBILITY,
  ATTACHMENT_TYPES,
  DATA_SUBJECT_CATEGORIES,
  HANDLING_CODES,
  INFORMATION_ACCURACY,
  OFFENCE_CATEGORIES,
  REFUSAL_GROUNDS,
  REQUEST_KINDS,
  REQUEST_LANGUAGES,
  REQUEST_STATES,
  SOURCE_RELIABILITY,
  SPOC_COPY_EXCEPTIONS,
  STATEMENT_KINDS,
  URGENCY_GROUNDS,
} from './exchange.model.js';

/** One of a closed list of strings, typed as exactly those strings. */
const Enum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const CountryCode = Text(2, { pattern: '^[A-Z]{2}$' });
const Short = (max = 200) => Text(max);
const Long = (max = 8000) => Text(max);

// ---------------------------------------------------------------- subjects

const IdentityDocument = Strict({
  type: Enum(['passport', 'identity_card', 'residence_permit', 'driving_licence', 'other']),
  number: Short(60),
  issuingCountry: Type.Optional(CountryCode),
});

/** What a subject says about its person, vehicle, … The fields depend on its kind. */
const subjectCommon = {
  id: Type.Optional(Uuid()),
  /** The data-subject category (LED art. 6); required for all but organisations. */
  category: Type.Optional(Enum(DATA_SUBJECT_CATEGORIES)),
  /** A fact, or a personal assessment (LED art. 7(1)). */
  statement: Type.Optional(Enum(STATEMENT_KINDS)),
  /** Art. 4 of Directive 2023/977: how this subject is linked to the purpose. */
  link: Type.Optional(Long(2000)),
  /**
   * In answers only: the record is restricted and this reader may not see it, or
   * it is erased; nothing but its id, kind (and category, when erased) is shown.
   * Refused in what a client sends.
   */
  restricted: Type.Optional(Type.Literal(true)),
  erased: Type.Optional(Type.Literal(true)),
};

export const PersonSubject = Strict({
  kind: Type.Literal('person'),
  ...subjectCommon,
  surname: Type.Optional(Short(100)),
  /** Particles kept apart (van, de, van der …), so that matching can ignore them. */
  surnamePrefix: Type.Optional(Short(30)),
  givenNames: Type.Optional(Short(150)),
  aliases: Type.Optional(Type.Array(Short(150), { maxItems: 20 })),
  birthDate: Type.Optional(Type.String({ format: 'date', maxLength: 10 })),
  birthPlace: Type.Optional(Short(100)),
  nationalities: Type.Optional(Type.Array(CountryCode, { maxItems: 5, uniqueItems: true })),
  documents: Type.Optional(Type.Array(IdentityDocument, { maxItems: 10 })),
});

export const VehicleSubject = Strict({
  kind: Type.Literal('vehicle'),
  ...subjectCommon,
  plate: Type.Optional(Short(20)),
  plateCountry: Type.Optional(CountryCode),
  vin: Type.Optional(Text(17, { pattern: '^[A-HJ-NPR-Z0-9]{11,17}$' })),
  make: Type.Optional(Short(60)),
  model: Type.Optional(Short(60)),
  colour: Type.Optional(Short(40)),
});

export const OrganisationSubject = Strict({
  kind: Type.Literal('organisation'),
  ...subjectCommon,
  name: Type.Optional(Short(200)),
  registrationNumber: Type.Optional(Short(60)),
  country: Type.Optional(CountryCode),
});

export const PhoneSubject = Strict({
  kind: Type.Literal('phone'),
  ...subjectCommon,
  number: Type.Optional(Text(30, { pattern: '^\\+?[0-9 ()./-]{3,30}$' })),
});

export const EmailSubject = Strict({
  kind: Type.Literal('email'),
  ...subjectCommon,
  address: Type.Optional(Text(254, { pattern: '^[^\\s@]+@[^\\s@]+$' })),
});

export const AddressSubject = Strict({
  kind: Type.Literal('address'),
  ...subjectCommon,
  street: Type.Optional(Short(150)),
  houseNumber: Type.Optional(Short(20)),
  postalCode: Type.Optional(Short(20)),
  city: Type.Optional(Short(100)),
  country: Type.Optional(CountryCode),
});

export const BankAccountSubject = Strict({
  kind: Type.Literal('bank_account'),
  ...subjectCommon,
  iban: Type.Optional(Text(34, { pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$' })),
  bic: Type.Optional(Text(11, { pattern: '^[A-Z0-9]{8}([A-Z0-9]{3})?$' })),
  holder: Type.Optional(Short(200)),
});

export const Subject = Type.Union([
  PersonSubject,
  VehicleSubject,
  OrganisationSubject,
  PhoneSubject,
  EmailSubject,
  AddressSubject,
  BankAccountSubject,
]);
export type Subject = Static<typeof Subject>;
const Subjects = Type.Array(Subject, { maxItems: 50 });

// ---------------------------------------------------------------- items supplied

/** A piece of information supplied, with the handling code and evaluation it travels with. */
export const Item = Strict({
  id: Type.Optional(Uuid()),
  body: Text(20000, { minLength: 1 }),
  handlingCode: Enum(HANDLING_CODES),
  /** The restriction in words; required with H3. */
  handlingNote: Type.Optional(Long(1000)),
  sourceReliability: Enum(SOURCE_RELIABILITY),
  informationAccuracy: Enum(INFORMATION_ACCURACY),
  subjects: Type.Optional(Subjects),
});
export type Item = Static<typeof Item>;
const Items = Type.Array(Item, { minItems: 1, maxItems: 50 });

// ---------------------------------------------------------------- attachments

export const AttachmentUpload = Strict({
  name: Text(200, { minLength: 1, pattern: '^[^/\\\\\\u0000-\\u001f]+$' }),
  mediaType: Enum(ATTACHMENT_TYPES),
  /** The file, base64-encoded. */
  content: Text(300_000, { minLength: 1, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
});
export type AttachmentUpload = Static<typeof AttachmentUpload>;

export const Attachment = Strict({
  id: Uuid(),
  name: Text(200),
  mediaType: Text(100),
  size: Type.Integer(),
  sha256: Text(64),
});

// ---------------------------------------------------------------- requests

/** What the officer writes. A draft may be incomplete; sending checks art. 4. */
export const RequestContent = Strict({
  /** The peer node of the requested country. */
  requestedNode: Type.Optional(Text(40, { pattern: '^[a-z0-9][a-z0-9-]{0,39}$' })),
  /** An agency of the requested country designated under national law, instead of its SPOC. */
  designatedAgencyCode: Type.Optional(Short(40)),
  purpose: Type.Optional(Long(4000)),
  facts: Type.Optional(Long(8000)),
  /** Why the information is believed to be held in the requested country. */
  reasonsHeld: Type.Optional(Long(4000)),
  offenceCategory: Type.Optional(Enum(OFFENCE_CATEGORIES)),
  offenceDescription: Type.Optional(Long(1000)),
  urgent: Type.Optional(Type.Boolean()),
  urgencyGround: Type.Optional(Enum(URGENCY_GROUNDS)),
  urgencyJustification: Type.Optional(Long(2000)),
  language: Type.Optional(Enum(REQUEST_LANGUAGES)),
  /** Why a designated agency does not copy its own SPOC; absent means it does. */
  spocCopyException: Type.Optional(Enum(SPOC_COPY_EXCEPTIONS)),
  subjects: Type.Optional(Subjects),
});
export type RequestContent = Static<typeof RequestContent>;

/** Information supplied without a request (art. 7): sent at once. */
export const ProvisionBody = Strict({
  requestedNode: Text(40, { pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }),
  designatedAgencyCode: Type.Optional(Short(40)),
  purpose: Long(4000),
  facts: Long(8000),
  offenceCategory: Enum(OFFENCE_CATEGORIES),
  offenceDescription: Type.Optional(Long(1000)),
  language: Enum(REQUEST_LANGUAGES),
  spocCopyException: Type.Optional(Enum(SPOC_COPY_EXCEPTIONS)),
  subjects: Type.Optional(Subjects),
  items: Items,
});
export type ProvisionBody = Static<typeof ProvisionBody>;

const Party = Strict({
  node: Text(40),
  country: CountryCode,
  agencyCode: Nullable(Short(40)),
  agencyName: Nullable(Short(200)),
});

const Deadline = Strict({
  /** urgent_direct (8 h), urgent_indirect (3 days), standard (7 days). */
  class: Enum(['urgent_direct', 'urgent_indirect', 'standard']),
  dueAt: Nullable(Timestamp()),
  /** From when handlers are warned that the deadline comes near (EXCHANGE_WARN_BEFORE). */
  warnAt: Nullable(Timestamp()),
  /** True while the clock stands still, waiting for a clarification. */
  paused: Type.Boolean(),
  overdue: Type.Boolean(),
});

export const RequestSummary = Strict({
  id: Uuid(),
  reference: Text(40),
  kind: Enum(REQUEST_KINDS),
  /** outgoing: this node asked; incoming: this node is asked. */
  direction: Enum(['outgoing', 'incoming']),
  state: Enum(REQUEST_STATES),
  urgent: Type.Boolean(),
  offenceCategory: Nullable(Enum(OFFENCE_CATEGORIES)),
  requesting: Party,
  requested: Party,
  /** How many subjects, never who: lists show no personal data. */
  subjectCount: Type.Integer(),
  assignee: Nullable(Strict({ id: Uuid(), displayName: Text(200) })),
  deadline: Nullable(Deadline),
  createdAt: Timestamp(),
  sentAt: Nullable(Timestamp()),
  receivedAt: Nullable(Timestamp()),
  updatedAt: Timestamp(),
});
export type RequestSummary = Static<typeof RequestSummary>;

export const RequestList = Strict({
  items: Type.Array(RequestSummary),
  total: Type.Integer({ minimum: 0 }),
});

export const RequestListQuery = Strict({
  direction: Type.Optional(Enum(['outgoing', 'incoming'])),
  state: Type.Optional(Enum(REQUEST_STATES)),
  /** open: the requested side still owes an answer. */
  open: Type.Optional(Type.Boolean()),
  urgent: Type.Optional(Type.Boolean()),
  /** soon: the warning time has come; overdue: the deadline has passed. */
  due: Type.Optional(Enum(['soon', 'overdue'])),
  assignedToMe: Type.Optional(Type.Boolean()),
  /** A country on the other side. */
  country: Type.Optional(CountryCode),
  /** Part of a reference. */
  reference: Type.Optional(Text(40)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
export type RequestListQuery = Static<typeof RequestListQuery>;

export const StoredItem = Strict({
  id: Uuid(),
  body: Text(20000),
  handlingCode: Enum(HANDLING_CODES),
  handlingNote: Nullable(Long(1000)),
  sourceReliability: Enum(SOURCE_RELIABILITY),
  informationAccuracy: Enum(INFORMATION_ACCURACY),
  subjects: Type.Array(Subject),
});

export const TimelineEvent = Strict({
  id: Uuid(),
  kind: Text(40),
  /** Which side acted. */
  side: Enum(['requester', 'requested']),
  occurredAt: Timestamp(),
  actor: Nullable(Short(200)),
  agency: Nullable(Short(200)),
  country: CountryCode,
  stateAfter: Nullable(Enum(REQUEST_STATES)),
  text: Nullable(Text(20000)),
  refusalGround: Nullable(Enum(REFUSAL_GROUNDS)),
  accessibility: Nullable(Enum(ACCESSIBILITY)),
  dueAt: Nullable(Timestamp()),
  expectedAt: Nullable(Timestamp()),
  items: Type.Array(StoredItem),
  attachments: Type.Array(Attachment),
});

export const RequestDetail = Strict({
  ...RequestSummary.properties,
  officer: Nullable(Short(200)),
  content: RequestContent,
  spocCopy: Nullable(Strict({ agencyCode: Short(40), agencyName: Short(200) })),
  accessibility: Nullable(Enum(ACCESSIBILITY)),
  refusalGround: Nullable(Enum(REFUSAL_GROUNDS)),
  judicialDelay: Type.Boolean(),
  /** What the signed-in user may do now (the names of the actions below). */
  allowed: Type.Array(Text(40)),
  timeline: Type.Array(TimelineEvent),
});
export type RequestDetail = Static<typeof RequestDetail>;

export const RequestParams = Strict({ id: Uuid() });
export const AttachmentParams = Strict({ id: Uuid(), attachmentId: Uuid() });

export const AccessibilityBody = Strict({ accessibility: Enum(ACCESSIBILITY) });
export const AssignBody = Strict({ userId: Uuid() });
export const AnswerBody = Strict({
  /** True when more is to come (partially answered). */
  partial: Type.Boolean(),
  text: Type.Optional(Long(8000)),
  items: Items,
  attachments: Type.Optional(Type.Array(AttachmentUpload, { maxItems: 5 })),
});
export type AnswerBody = Static<typeof AnswerBody>;
export const ClarificationBody = Strict({ text: Text(8000, { minLength: 1 }) });
export const RefuseBody = Strict({
  ground: Enum(REFUSAL_GROUNDS),
  text: Text(8000, { minLength: 1 }),
});
export const DelayBody = Strict({
  /** Why a judicial authorisation is needed, and where it stands. */
  text: Text(8000, { minLength: 1 }),
  /** When the answer is now expected. */
  expectedAt: Timestamp(),
});
export const CloseBody = Strict({ text: Type.Optional(Long(2000)) });
export const MessageBody = Strict({
  text: Text(8000, { minLength: 1 }),
  attachments: Type.Optional(Type.Array(AttachmentUpload, { maxItems: 5 })),
});
export type MessageBody = Static<typeof MessageBody>;

export const Peer = Strict({ nodeId: Text(40), country: CountryCode, name: Text(200) });
export const PeerList = Strict({ items: Type.Array(Peer) });

export const Handler = Strict({
  id: Uuid(),
  displayName: Text(200),
  agencyCode: Short(40),
  agencyName: Short(200),
});
export const HandlerList = Strict({ items: Type.Array(Handler) });

// ---------------------------------------------------------------- statistics (art. 18)

export const StatisticsQuery = Strict({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
});

const CountryCount = Strict({ country: CountryCode, count: Type.Integer() });

export const Statistics = Strict({
  year: Type.Integer(),
  country: CountryCode,
  /** Requests sent, by requested country. */
  sent: Strict({ total: Type.Integer(), byCountry: Type.Array(CountryCount) }),
  /** Requests received and answered, urgent and not, by requesting country. */
  received: Type.Array(
    Strict({
      country: CountryCode,
      urgentReceived: Type.Integer(),
      urgentAnswered: Type.Integer(),
      otherReceived: Type.Integer(),
      otherAnswered: Type.Integer(),
    }),
  ),
  /** Refusals by requesting country and ground. */
  refusals: Type.Array(
    Strict({ country: CountryCode, ground: Enum(REFUSAL_GROUNDS), count: Type.Integer() }),
  ),
  /** Deadlines exceeded because a judicial authorisation was needed (art. 5(2)). */
  judicialDelayExceeded: Type.Integer(),
  /** Information supplied on the node's own initiative (art. 7), by recipient country. */
  spontaneous: Strict({ total: Type.Integer(), byCountry: Type.Array(CountryCount) }),
});
export type Statistics = Static<typeof Statistics>;

// ---------------------------------------------------------------- notifications

export const Notification = Strict({
  id: Uuid(),
  kind: Enum([
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
    // Personal-data records: a review has come; another node asks to pass an H2 item on.
    'record_review',
    'permission_requested',
  ]),
  requestId: Nullable(Uuid()),
  reference: Nullable(Text(40)),
  createdAt: Timestamp(),
  readAt: Nullable(Timestamp()),
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Strict({
  items: Type.Array(Notification),
  unread: Type.Integer(),
});
export const NotificationQuery = Strict({
  unreadOnly: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const NotificationParams = Strict({ id: Uuid() });
