import { Type, type Static, type TSchema } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import { ANOMALY_KINDS } from './anomalies.js';

const Enum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const AgencyRef = Strict({ code: Text(40), name: Text(200) });
const NodeId = Text(40);
const Labels = Strict({
  nl: Type.Optional(Text(200)),
  fr: Type.Optional(Text(200)),
  de: Type.Optional(Text(200)),
  en: Type.Optional(Text(200)),
});
const Page = Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }));

export const OverdueReview = Strict({
  taskId: Uuid(),
  recordId: Uuid(),
  kind: Text(40),
  category: Nullable(Text(40)),
  holderAgency: AgencyRef,
  dueAt: Timestamp(),
});
export const OverdueReviewList = Strict({ items: Type.Array(OverdueReview) });

export const UnconfirmedNotice = Strict({
  noticeId: Uuid(),
  recordId: Uuid(),
  /** The notice's kind: rectification, erasure, restriction, restriction_lifted. */
  kind: Text(40),
  issuedAt: Timestamp(),
  /** The node that must confirm, and the node it was sent through (null: sent directly). */
  node: NodeId,
  viaNode: Nullable(NodeId),
  sentAt: Timestamp(),
  dueAt: Timestamp(),
  overdue: Type.Boolean(),
});
export const UnconfirmedNoticeList = Strict({ items: Type.Array(UnconfirmedNotice) });

export const RestrictedRecord = Strict({
  recordId: Uuid(),
  kind: Text(40),
  /** The least needed to tell records apart (a person's name, a plate, a shortened number). */
  label: Text(300),
  holderAgency: AgencyRef,
  restrictedAt: Timestamp(),
  reason: Nullable(Text(2000)),
});
export const RestrictedRecordList = Strict({ items: Type.Array(RestrictedRecord) });

export const DisclosureQuery = Strict({
  recordId: Type.Optional(Uuid()),
  /** The recipient node. */
  node: Type.Optional(NodeId),
  from: Type.Optional(Timestamp()),
  to: Type.Optional(Timestamp()),
  page: Page,
});
export type DisclosureQuery = Static<typeof DisclosureQuery>;

export const Disclosure = Strict({
  id: Uuid(),
  recordId: Uuid(),
  kind: Text(40),
  recipientNode: NodeId,
  recipientCountry: Nullable(Text(2)),
  recipientAgency: Nullable(Text(200)),
  reference: Text(40),
  disclosedAt: Timestamp(),
  handlingCode: Nullable(Text(2)),
  fields: Type.Array(Text(60), { maxItems: 100 }),
});
export type Disclosure = Static<typeof Disclosure>;
export const DisclosurePage = Strict({
  items: Type.Array(Disclosure),
  total: Type.Integer({ minimum: 0 }),
});

export const ConsultationQuery = Strict({
  username: Type.Optional(Text(64)),
  recordId: Type.Optional(Uuid()),
  from: Type.Optional(Timestamp()),
  to: Type.Optional(Timestamp()),
  page: Page,
});
export type ConsultationQuery = Static<typeof ConsultationQuery>;

export const Consultation = Strict({
  seq: Type.Integer(),
  at: Timestamp(),
  username: Nullable(Text(64)),
  agency: Nullable(AgencyRef),
  recordId: Text(200),
  kind: Text(40),
  context: Enum(['request', 'reason']),
  purpose: Nullable(Text(2000)),
});
export type Consultation = Static<typeof Consultation>;
export const ConsultationPage = Strict({
  items: Type.Array(Consultation),
  total: Type.Integer({ minimum: 0 }),
});

export const AnomalyQuery = Strict({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })),
});
export type AnomalyQuery = Static<typeof AnomalyQuery>;

export const AnomalyItem = Strict({
  kind: Enum(ANOMALY_KINDS),
  userId: Uuid(),
  username: Text(64),
  agency: Nullable(AgencyRef),
  count: Type.Integer({ minimum: 0 }),
  peerMedian: Nullable(Type.Number()),
  evidence: Type.Array(
    Strict({
      seq: Type.Integer(),
      at: Timestamp(),
      recordId: Text(200),
      purpose: Nullable(Text(2000)),
    }),
    { maxItems: 20 },
  ),
});
export const AnomalyList = Strict({
  from: Timestamp(),
  to: Timestamp(),
  items: Type.Array(AnomalyItem),
});

export const ProcessingRecord = Strict({
  generatedAt: Timestamp(),
  controller: Strict({
    /** The node's id in the federation; null while it has not joined one. */
    node: Nullable(NodeId),
    country: Text(2),
    name: Nullable(Text(200)),
    agencies: Type.Array(Strict({ code: Text(40), name: Text(200), kind: Text(40) })),
  }),
  dpos: Type.Array(Text(200)),
  /** The purposes records are held for: the offence categories of the exchanges. */
  purposes: Type.Array(Text(60)),
  dataSubjectCategories: Type.Array(Text(40)),
  personalDataCategories: Type.Array(
    Strict({ kind: Text(40), fields: Type.Array(Text(60), { maxItems: 50 }) }),
  ),
  recipients: Type.Array(Strict({ node: NodeId, country: Text(2), name: Text(200) })),
  retention: Type.Array(
    Strict({
      category: Nullable(Text(40)),
      purpose: Nullable(Text(60)),
      reviewMonths: Type.Integer(),
      retentionMonths: Type.Integer(),
    }),
  ),
  /** The reasons an actor may state to read a record outside any request of theirs. */
  consultationReasons: Type.Array(
    Strict({ code: Text(60), labels: Labels, active: Type.Boolean() }),
  ),
  securityMeasures: Type.Array(Text(300)),
});
export type ProcessingRecord = Static<typeof ProcessingRecord>;
