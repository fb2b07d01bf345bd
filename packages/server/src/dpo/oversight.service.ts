import type { AuditWriter } from '../audit/audit-writer.js';
import type { Federation } from '../federation/federation.js';
import type { Db } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import { forbidden } from '../kernel/http/errors.js';
import { reachFilter } from '../kernel/policy/policy.js';
import { REVIEW_DECISION_DAYS } from '../records/retention.presenter.js';
import { findAnomalies } from './anomalies.js';
import {
  presentAnomaly,
  presentConsultation,
  presentDisclosure,
  presentOverdueReview,
  presentRestrictedRecord,
  presentUnconfirmedNotice,
  toConsultationEntry,
} from './oversight.presenter.js';
import {
  consultationsBetween,
  latestDetails,
  listOverdueReviews,
  listRestrictedRecords,
  listUnconfirmedNotices,
  searchConsultations,
  searchDisclosures,
  type Scope,
} from './oversight.queries.js';
import type { AnomalyQuery, ConsultationQuery, DisclosureQuery } from './oversight.schemas.js';
import { buildProcessingRecord } from './processing-record.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type OversightService = ReturnType<typeof createOversightService>;

/**
 * The DPO's view over the whole node (dpo.oversee reaches the country): work that
 * is overdue, what left the node, who read what, and patterns worth a look. Every
 * answer that shows personal data, or who read it, is itself audited.
 */
export function createOversightService(deps: {
  db: Db;
  audit: AuditWriter;
  federation: Federation | null;
  clock?: () => Date;
}) {
  const { db, audit, federation } = deps;
  const clock = deps.clock ?? (() => new Date());

  /** Oversight is defined for a whole country (or the whole node), never for less. */
  function scopeOf(ctx: ActorContext): Scope {
    const reach = reachFilter(ctx.actor, 'dpo.oversee');
    if (reach === null || reach.agencyId !== undefined || reach.userId !== undefined) {
      throw forbidden();
    }
    return reach.country !== undefined ? { country: reach.country } : null;
  }

  /** The filter as given, for the audit entry (never more than the DPO typed). */
  function given(filter: Record<string, unknown>): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(filter)) {
      if (typeof value === 'string' || typeof value === 'number') out[key] = value;
    }
    return out;
  }

  return {
    async overdueReviews(ctx: ActorContext) {
      // Overdue as the review list counts it: undecided for the decision days after due.
      const dueBefore = new Date(clock().getTime() - REVIEW_DECISION_DAYS * DAY_MS);
      const rows = await listOverdueReviews(db, scopeOf(ctx), dueBefore);
      await audit.record(ctx, {
        action: 'dpo.overdue-reviews',
        objectType: 'review_task',
        details: { returned: rows.length },
      });
      return { items: rows.map(presentOverdueReview) };
    },

    async unconfirmedNotices(ctx: ActorContext) {
      const now = clock();
      const rows = await listUnconfirmedNotices(db, scopeOf(ctx));
      await audit.record(ctx, {
        action: 'dpo.unconfirmed-notices',
        objectType: 'record_notice',
        details: { returned: rows.length },
      });
      return { items: rows.map((row) => presentUnconfirmedNotice(row, now)) };
    },

    async restrictedRecords(ctx: ActorContext) {
      const rows = await listRestrictedRecords(db, scopeOf(ctx));
      const details = await latestDetails(
        db,
        rows.map((r) => r.id),
      );
      // The labels name people: the list is a consultation of each of them.
      await audit.record(ctx, {
        action: 'dpo.restricted-records',
        objectType: 'personal_record',
        details: { returned: rows.length },
      });
      return {
        items: rows.map((row) => presentRestrictedRecord(row, details.get(row.id) ?? {})),
      };
    },

    async disclosures(ctx: ActorContext, query: DisclosureQuery) {
      const { page = 1, ...filter } = query;
      const { rows, total } = await searchDisclosures(
        db,
        scopeOf(ctx),
        {
          ...(filter.recordId !== undefined && { recordId: filter.recordId }),
          ...(filter.node !== undefined && { node: filter.node }),
          ...(filter.from !== undefined && { from: new Date(filter.from) }),
          ...(filter.to !== undefined && { to: new Date(filter.to) }),
        },
        page,
      );
      await audit.record(ctx, {
        action: 'dpo.search-disclosures',
        objectType: 'record_disclosure',
        ...(filter.recordId !== undefined && { objectId: filter.recordId }),
        details: { ...given(query), returned: rows.length, total },
      });
      return { items: rows.map(presentDisclosure), total };
    },

    async consultations(ctx: ActorContext, query: ConsultationQuery) {
      const { page = 1, ...filter } = query;
      const { rows, total } = await searchConsultations(
        db,
        scopeOf(ctx),
        {
          ...(filter.username !== undefined && { username: filter.username }),
          ...(filter.recordId !== undefined && { recordId: filter.recordId }),
          ...(filter.from !== undefined && { from: new Date(filter.from) }),
          ...(filter.to !== undefined && { to: new Date(filter.to) }),
        },
        page,
      );
      await audit.record(ctx, {
        action: 'dpo.search-consultations',
        objectType: 'audit_entry',
        ...(filter.recordId !== undefined && { objectId: filter.recordId }),
        details: { ...given(query), returned: rows.length, total },
      });
      return { items: rows.map(presentConsultation), total };
    },

    async anomalies(ctx: ActorContext, query: AnomalyQuery) {
      const days = query.days ?? 30;
      const to = clock();
      const from = new Date(to.getTime() - days * DAY_MS);
      const rows = await consultationsBetween(db, scopeOf(ctx), from, to);
      const found = findAnomalies(rows.map(toConsultationEntry));
      await audit.record(ctx, {
        action: 'dpo.anomalies',
        objectType: 'audit_entry',
        details: { days, examined: rows.length, returned: found.length },
      });
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        items: found.map(presentAnomaly),
      };
    },

    processingRecord(ctx: ActorContext) {
      return buildProcessingRecord(db, {
        federation,
        scope: scopeOf(ctx),
        country: ctx.actor.country,
        now: clock(),
      });
    },
  };
}
