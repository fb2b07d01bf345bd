import type { RetentionRule as RuleRow } from './retention-policy.js';
import type { TaskRow } from './retention.queries.js';
import type { RetentionRule, ReviewTask } from './retention.schemas.js';

/** The days a holder agency has to decide a review before it counts as overdue. */
export const REVIEW_DECISION_DAYS = 30;

const DAY_MS = 86_400_000;

export const isReviewOverdue = (task: { due_at: Date; decided_at: Date | null }, now: Date) =>
  task.decided_at === null && now.getTime() - task.due_at.getTime() > REVIEW_DECISION_DAYS * DAY_MS;

export function presentTask(row: TaskRow, label: string | null, now: Date): ReviewTask {
  return {
    id: row.id,
    recordId: row.record_id,
    kind: row.kind,
    category: row.category as ReviewTask['category'],
    label: row.erased_at === null ? label : null,
    holderAgency: { code: row.agency_code, name: row.agency_name },
    dueAt: row.due_at.toISOString(),
    overdue: isReviewOverdue(row, now),
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decision: row.decision,
    note: row.note,
  };
}

export function presentRule(row: RuleRow): RetentionRule {
  return {
    id: row.id,
    category: row.category as RetentionRule['category'],
    purpose: row.purpose,
    reviewMonths: row.review_months,
    retentionMonths: row.retention_months,
    updatedAt: row.updated_at.toISOString(),
  };
}
