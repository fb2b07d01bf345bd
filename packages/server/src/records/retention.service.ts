import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { Db, Trx } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import { conflict, forbidden, notFound, unprocessable } from '../kernel/http/errors.js';
import { assertReach } from '../kernel/policy/guard.js';
import { reachFilter } from '../kernel/policy/policy.js';
import { findRecord } from './records.queries.js';
import { addMonths, listRetentionRules, ruleFor } from './retention-policy.js';
import { recordLabel } from './labels.js';
import { presentRule, presentTask } from './retention.presenter.js';
import * as q from './retention.queries.js';
import {
  REVIEW_PAGE_SIZE,
  type RetentionRuleList,
  type RetentionRulesUpdate,
  type ReviewDecisionBody,
  type ReviewListQuery,
  type ReviewTask,
  type ReviewTaskList,
} from './retention.schemas.js';

/**
 * Erases a record inside the caller's transaction, with its audit entry and the
 * notices to the nodes it went to (the records core provides it).
 */
export type EraseRecord = (
  trx: Trx,
  ctx: ActorContext,
  recordId: string,
  reason: string,
  now: Date,
) => Promise<void>;

const REVIEW = 'record.review';

export type RetentionService = ReturnType<typeof createRetentionService>;

/**
 * What the holder agency does when a record's review falls due (keep it until
 * the next review, or erase it), and the node's retention rules.
 */
export function createRetentionService(deps: {
  db: Db;
  audit: AuditWriter;
  erase: EraseRecord;
  clock?: () => Date;
}) {
  const { db, audit, erase } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function labelsOf(rows: readonly q.TaskRow[]): Promise<Map<string, string | null>> {
    const live = rows.filter((row) => row.erased_at === null);
    const details = await q.latestDetails(
      db,
      live.map((row) => row.record_id),
    );
    return new Map(
      live.map((row) => [row.record_id, recordLabel(row.kind, details.get(row.record_id) ?? {})]),
    );
  }

  async function listRules(): Promise<RetentionRuleList> {
    return { items: (await listRetentionRules(db)).map(presentRule) };
  }

  async function present(row: q.TaskRow): Promise<ReviewTask> {
    const labels = await labelsOf([row]);
    return presentTask(row, labels.get(row.record_id) ?? null, clock());
  }

  return {
    /** The review tasks of the actor's agency (the DPO: of the country). */
    async listReviews(ctx: ActorContext, query: ReviewListQuery): Promise<ReviewTaskList> {
      const scope = reachFilter(ctx.actor, REVIEW);
      if (scope === null) throw forbidden();
      const state = query.state ?? 'open';
      const page = query.page ?? 1;
      const { rows, total } = await q.listTasks(db, {
        scope,
        state,
        limit: REVIEW_PAGE_SIZE,
        offset: (page - 1) * REVIEW_PAGE_SIZE,
      });
      const labels = await labelsOf(rows);
      const now = clock();
      // The labels name people: that they were shown, and to whom, is on record.
      await audit.record(ctx, {
        action: 'record.review-list',
        objectType: 'review_task',
        details: { state, page, shown: rows.length },
      });
      return {
        items: rows.map((row) => presentTask(row, labels.get(row.record_id) ?? null, now)),
        total,
      };
    },

    /**
     * Keep: the record stays until its next review (never later than its erasure).
     * Erase: through the records core, which also tells the nodes it went to.
     */
    async decideReview(
      ctx: ActorContext,
      taskId: string,
      body: ReviewDecisionBody,
    ): Promise<ReviewTask> {
      const task = await q.findTask(db, taskId);
      if (!task) throw notFound();
      assertReach(ctx, REVIEW, 'review_task', taskId, {
        agencyId: task.agency_id,
        country: task.agency_country,
      });
      const now = clock();
      await db.transaction().execute(async (trx) => {
        if (!(await q.lockOpenTask(trx, taskId))) {
          throw conflict('review_decided', 'This review has been decided already.');
        }
        const record = await findRecord(trx, task.record_id, { lock: true });
        if (!record || record.erased_at !== null) {
          throw conflict('review_decided', 'The record has been erased already.');
        }
        let nextReviewAt: Date | null = null;
        if (body.decision === 'keep') {
          const rule = ruleFor(await listRetentionRules(trx), record);
          const next = addMonths(now, rule.review_months);
          nextReviewAt = next < record.expires_at ? next : record.expires_at;
          await q.markReviewed(trx, record.id, { now, nextReviewAt });
        } else {
          await erase(trx, ctx, record.id, body.note, now);
        }
        // After erasure, which closes the record's open reviews in its own words.
        await q.decideTask(trx, taskId, { ...body, decidedBy: ctx.actor.userId, now });
        await appendAudit(trx, ctx, {
          action: 'record.review',
          objectType: `record.${record.kind}`,
          objectId: record.id,
          details: {
            task: taskId,
            decision: body.decision,
            category: record.category,
            nextReviewAt: nextReviewAt?.toISOString() ?? null,
          },
        });
      });
      const decided = await q.findTask(db, taskId);
      if (!decided) throw notFound();
      return present(decided);
    },

    listRules,

    /**
     * Replaces the node's rules. A rule that stays (same category and purpose)
     * keeps its id, and its date when nothing changed. Records already held keep
     * their schedule: the rules apply to records held from now on.
     */
    async replaceRules(ctx: ActorContext, body: RetentionRulesUpdate): Promise<RetentionRuleList> {
      const key = (rule: { category: string | null; purpose: string | null }) =>
        `${rule.category ?? ''}|${rule.purpose ?? ''}`;
      const seen = new Set<string>();
      for (const rule of body.rules) {
        if (seen.has(key(rule))) {
          throw unprocessable(
            'duplicate_rule',
            'Two rules are for the same category and purpose.',
            { category: rule.category, purpose: rule.purpose },
          );
        }
        seen.add(key(rule));
        if (rule.reviewMonths > rule.retentionMonths) {
          throw unprocessable(
            'review_after_retention',
            'A review cannot fall after the erasure: reviewMonths must not exceed retentionMonths.',
            { category: rule.category, purpose: rule.purpose },
          );
        }
      }
      if (!seen.has(key({ category: null, purpose: null }))) {
        throw unprocessable(
          'default_rule_required',
          'The rules must include a default rule (no category and no purpose).',
        );
      }
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const current = new Map((await listRetentionRules(trx)).map((r) => [key(r), r]));
        const rules = body.rules.map((rule) => {
          const before = current.get(key(rule));
          const unchanged =
            before !== undefined &&
            before.review_months === rule.reviewMonths &&
            before.retention_months === rule.retentionMonths;
          return {
            id: before?.id ?? uuidv7(),
            category: rule.category,
            purpose: rule.purpose,
            review_months: rule.reviewMonths,
            retention_months: rule.retentionMonths,
            updated_at: unchanged ? before.updated_at : now,
          };
        });
        await q.replaceRetentionRules(trx, rules);
        await appendAudit(trx, ctx, {
          action: 'retention.update',
          objectType: 'retention_rule',
          details: {
            rules: rules.length,
            removed: [...current.keys()].filter((k) => !seen.has(k)).length,
          },
        });
      });
      return listRules();
    },
  };
}
