import type { DbOrTrx } from '../kernel/db/database.js';
import type { RetentionRuleTable } from '../kernel/db/schema.js';
import type { Selectable } from 'kysely';

export type RetentionRule = Selectable<RetentionRuleTable>;

/**
 * The rule that applies to a record: the most specific of the node's rules
 * (category and purpose, then category, then purpose, then the default).
 */
export function ruleFor(
  rules: readonly RetentionRule[],
  record: { category: string | null; purpose: string | null },
): RetentionRule {
  const score = (rule: RetentionRule) =>
    (rule.category === null || rule.category === record.category) &&
    (rule.purpose === null || rule.purpose === record.purpose)
      ? (rule.category !== null ? 2 : 0) + (rule.purpose !== null ? 1 : 0)
      : -1;
  let best: RetentionRule | undefined;
  for (const rule of rules) {
    if (score(rule) >= 0 && (best === undefined || score(rule) > score(best))) best = rule;
  }
  if (!best) throw new Error('The node has no default retention rule.');
  return best;
}

export function listRetentionRules(db: DbOrTrx): Promise<RetentionRule[]> {
  return db
    .selectFrom('retention_rule')
    .selectAll()
    .orderBy('category', (ob) => ob.nullsFirst())
    .orderBy('purpose', (ob) => ob.nullsFirst())
    .execute();
}

/** `months` calendar months after `from` (the last day of a shorter month when needed). */
export function addMonths(from: Date, months: number): Date {
  const result = new Date(from.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const last = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}

/**
 * When a record is reviewed and when it is erased: the review a rule's months
 * after the exchange closed (or after the record arrived, while it is open), and
 * erasure the rule's retention after arrival. A review never falls after erasure.
 */
export function schedule(
  rule: Pick<RetentionRule, 'review_months' | 'retention_months'>,
  heldSince: Date,
  closedAt: Date | null,
): { reviewAt: Date; expiresAt: Date } {
  const expiresAt = addMonths(heldSince, rule.retention_months);
  const reviewAt = addMonths(closedAt ?? heldSince, rule.review_months);
  return { reviewAt: reviewAt < expiresAt ? reviewAt : expiresAt, expiresAt };
}
