import { Type, type Static, type TSchema } from 'typebox';
import { DATA_SUBJECT_CATEGORIES, OFFENCE_CATEGORIES } from '../exchange/exchange.model.js';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';

/** One of a closed list of strings, typed as exactly those strings. */
const Enum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const REVIEW_DECISIONS = ['keep', 'erase'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Review tasks shown per page. */
export const REVIEW_PAGE_SIZE = 50;

// ---------------------------------------------------------------- parameters

export const IdParams = Strict({ id: Uuid() });

export const ReviewListQuery = Strict({
  state: Type.Optional(Enum(['open', 'decided'])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
});
export type ReviewListQuery = Static<typeof ReviewListQuery>;

// ---------------------------------------------------------------- review tasks

const AgencyRef = Strict({ code: Text(40), name: Text(200) });

export const ReviewTask = Strict({
  id: Uuid(),
  recordId: Uuid(),
  kind: Text(40),
  category: Nullable(Enum(DATA_SUBJECT_CATEGORIES)),
  /** The least needed to choose the record; null once it is erased. */
  label: Nullable(Text(300)),
  holderAgency: AgencyRef,
  dueAt: Timestamp(),
  /** Still open a month after it fell due. */
  overdue: Type.Boolean(),
  createdAt: Timestamp(),
  decidedAt: Nullable(Timestamp()),
  decision: Nullable(Enum(REVIEW_DECISIONS)),
  note: Nullable(Text(1000)),
});
export type ReviewTask = Static<typeof ReviewTask>;

export const ReviewTaskList = Strict({
  items: Type.Array(ReviewTask),
  total: Type.Integer(),
});
export type ReviewTaskList = Static<typeof ReviewTaskList>;

export const ReviewDecisionBody = Strict({
  decision: Enum(REVIEW_DECISIONS),
  /** Why the record is kept (or erased): the justification the law asks for. */
  note: Text(500, { minLength: 1 }),
});
export type ReviewDecisionBody = Static<typeof ReviewDecisionBody>;

// ---------------------------------------------------------------- retention rules

const Category = Nullable(Enum(DATA_SUBJECT_CATEGORIES));
/** The offence category of the exchange the record came with. */
const Purpose = Nullable(Enum(OFFENCE_CATEGORIES));
const ReviewMonths = Type.Integer({ minimum: 1, maximum: 120 });
const RetentionMonths = Type.Integer({ minimum: 1, maximum: 600 });

export const RetentionRule = Strict({
  id: Uuid(),
  category: Category,
  purpose: Nullable(Text(100)),
  reviewMonths: ReviewMonths,
  retentionMonths: RetentionMonths,
  updatedAt: Timestamp(),
});
export type RetentionRule = Static<typeof RetentionRule>;

export const RetentionRuleList = Strict({ items: Type.Array(RetentionRule) });
export type RetentionRuleList = Static<typeof RetentionRuleList>;

export const RetentionRuleInput = Strict({
  category: Category,
  purpose: Purpose,
  reviewMonths: ReviewMonths,
  retentionMonths: RetentionMonths,
});
export type RetentionRuleInput = Static<typeof RetentionRuleInput>;

export const RetentionRulesUpdate = Strict({
  rules: Type.Array(RetentionRuleInput, { minItems: 1, maxItems: 200 }),
});
export type RetentionRulesUpdate = Static<typeof RetentionRulesUpdate>;
