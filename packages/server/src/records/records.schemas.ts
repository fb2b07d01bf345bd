import { Type, type Static, type TSchema } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import {
  DATA_SUBJECT_CATEGORIES,
  HANDLING_CODES,
  OFFENCE_CATEGORIES,
  REQUEST_LANGUAGES,
  STATEMENT_KINDS,
  SUBJECT_KINDS,
} from '../exchange/exchange.model.js';
import { Subject } from '../exchange/exchange.schemas.js';

const Enum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const NodeId = Text(40, { pattern: '^[a-z0-9][a-z0-9-]{0,39}$' });
const Agency = Strict({ code: Text(40), name: Text(200) });

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

export const RecordParams = Strict({ id: Uuid() });
export const PermissionParams = Strict({ id: Uuid() });

export const RecordSearchQuery = Strict({
  q: Text(100, { minLength: 2 }),
  kind: Type.Optional(Enum(SUBJECT_KINDS)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
});
export type RecordSearchQuery = Static<typeof RecordSearchQuery>;

/** The least a list shows to choose a record (LED art. 4(1)(c)). */
export const RecordSummary = Strict({
  id: Uuid(),
  kind: Enum(SUBJECT_KINDS),
  label: Nullable(Text(300)),
  birthYear: Nullable(Type.Integer()),
  category: Nullable(Enum(DATA_SUBJECT_CATEGORIES)),
  holderAgency: Agency,
  inContext: Type.Boolean(),
  restricted: Type.Boolean(),
  erased: Type.Boolean(),
});
export type RecordSummary = Static<typeof RecordSummary>;
export const RecordList = Strict({
  items: Type.Array(RecordSummary),
  total: Type.Integer(),
});

export const ReasonList = Strict({
  items: Type.Array(
    Strict({
      code: Text(60),
      labels: Strict({ nl: Text(200), fr: Text(200), de: Text(200), en: Text(200) }),
    }),
  ),
});

const NoticeRecipient = Strict({
  node: NodeId,
  viaNode: Nullable(NodeId),
  sentAt: Timestamp(),
  dueAt: Timestamp(),
  confirmedAt: Nullable(Timestamp()),
  overdue: Type.Boolean(),
});

export const Notice = Strict({
  id: Uuid(),
  kind: Enum(NOTICE_KINDS),
  originNode: NodeId,
  fromNode: Nullable(NodeId),
  issuedAt: Timestamp(),
  issuedBy: Nullable(Text(200)),
  reason: Text(1000),
  recipients: Type.Array(NoticeRecipient),
});

export const Permission = Strict({
  id: Uuid(),
  recordId: Uuid(),
  side: Enum(['asking', 'answering']),
  askingNode: NodeId,
  answeringNode: NodeId,
  recipientNode: NodeId,
  reason: Text(1000),
  askedAt: Timestamp(),
  askedBy: Text(400),
  state: Enum(['pending', 'granted', 'refused']),
  answeredAt: Nullable(Timestamp()),
  answeredBy: Nullable(Text(400)),
  answerNote: Nullable(Text(1000)),
});
export type Permission = Static<typeof Permission>;
export const PermissionList = Strict({ items: Type.Array(Permission) });

export const RecordDetail = Strict({
  id: Uuid(),
  kind: Enum(SUBJECT_KINDS),
  subject: Subject,
  category: Nullable(Enum(DATA_SUBJECT_CATEGORIES)),
  statement: Nullable(Enum(STATEMENT_KINDS)),
  originNode: Nullable(NodeId),
  sourceNode: Nullable(NodeId),
  holderAgency: Agency,
  handlingCode: Nullable(Enum(HANDLING_CODES)),
  heldSince: Timestamp(),
  reviewAt: Timestamp(),
  expiresAt: Timestamp(),
  lastReviewedAt: Nullable(Timestamp()),
  restricted: Nullable(Strict({ at: Timestamp(), reason: Text(1000) })),
  inaccurate: Nullable(Strict({ at: Timestamp(), note: Text(1000) })),
  rectifiedAt: Nullable(Timestamp()),
  erased: Nullable(Strict({ at: Timestamp(), reason: Text(1000) })),
  /** The request through which the reader sees it; null when read for a stated reason. */
  context: Nullable(Strict({ requestId: Uuid(), reference: Text(40) })),
  occurrences: Type.Array(
    Strict({
      requestId: Uuid(),
      reference: Text(40),
      side: Enum(['requester', 'requested']),
      kind: Enum(['request', 'spontaneous']),
    }),
  ),
  disclosures: Type.Array(
    Strict({
      id: Uuid(),
      recipientNode: NodeId,
      recipientCountry: Nullable(Text(2)),
      recipientAgency: Nullable(Text(200)),
      reference: Text(40),
      disclosedAt: Timestamp(),
      handlingCode: Nullable(Enum(HANDLING_CODES)),
      fields: Type.Array(Text(60)),
    }),
  ),
  notices: Type.Array(Notice),
  permissions: Type.Array(Permission),
  allowed: Type.Array(Enum(RECORD_ACTIONS)),
});
export type RecordDetail = Static<typeof RecordDetail>;

export const ConsultBody = Strict({
  reason: Text(60, { minLength: 1 }),
  /** In the reader's words: what they need the record for. */
  note: Text(500, { minLength: 10 }),
});
export type ConsultBody = Static<typeof ConsultBody>;

export const ReasonBody = Strict({ reason: Text(1000, { minLength: 5 }) });
export const NoteBody = Strict({ note: Text(1000, { minLength: 5 }) });

export const RectifyBody = Strict({ subject: Subject, reason: Text(1000, { minLength: 5 }) });
export type RectifyBody = Static<typeof RectifyBody>;

/** Passing a record on to another node: a spontaneous provision that carries it. */
export const ForwardBody = Strict({
  node: NodeId,
  purpose: Text(4000, { minLength: 1 }),
  facts: Text(8000, { minLength: 1 }),
  language: Enum(REQUEST_LANGUAGES),
  /** By default the purpose the record was held for. */
  offenceCategory: Type.Optional(Enum(OFFENCE_CATEGORIES)),
  /** By default the code the record arrived under (H0 for a record made here). */
  handlingCode: Type.Optional(Enum(HANDLING_CODES)),
  handlingNote: Type.Optional(Text(1000)),
});
export type ForwardBody = Static<typeof ForwardBody>;
export const Forwarded = Strict({ requestId: Uuid(), reference: Text(40) });

export const AskPermissionBody = Strict({ node: NodeId, reason: Text(1000, { minLength: 5 }) });
export const AnswerPermissionBody = Strict({
  granted: Type.Boolean(),
  note: Type.Optional(Text(1000)),
});
