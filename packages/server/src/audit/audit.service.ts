import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import { forbidden } from '../kernel/http/errors.js';
import { reachFilter, type Action } from '../kernel/policy/policy.js';
import type { AuditWriter } from './audit-writer.js';
import { CSV_COLUMNS, auditEntryCsvRecord, presentAuditEntry } from './audit.presenter.js';
import { searchAuditEntries, type AuditQuery } from './audit.queries.js';
import type {
  AuditEntry,
  AuditExportQuery,
  AuditFilter,
  AuditSearchQuery,
} from './audit.schemas.js';

const EXPORT_PAGE = 1000;

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ db, audit }: { db: Db; audit: AuditWriter }) {
  function scopedQuery(
    ctx: ActorContext,
    action: Action,
    filter: AuditFilter,
  ): Omit<AuditQuery, 'limit'> {
    const reach = reachFilter(ctx.actor, action);
    if (reach === null) throw forbidden();
    return {
      ...(reach.agencyId !== undefined && { agencyId: reach.agencyId }),
      ...(filter.actor !== undefined && { actorUsername: filter.actor }),
      ...(filter.action !== undefined && { action: filter.action }),
      ...(filter.objectType !== undefined && { objectType: filter.objectType }),
      ...(filter.objectId !== undefined && { objectId: filter.objectId }),
      ...(filter.outcome !== undefined && { outcome: filter.outcome }),
      ...(filter.from !== undefined && { from: new Date(filter.from) }),
      ...(filter.to !== undefined && { to: new Date(filter.to) }),
    };
  }

  function describeFilter(filter: AuditFilter): Record<string, string> {
    return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  }

  return {
    async search(
      ctx: ActorContext,
      query: AuditSearchQuery,
    ): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
      const { before, limit = 100, ...filter } = query;
      const rows = await searchAuditEntries(db, {
        ...scopedQuery(ctx, 'audit.search', filter),
        ...(before !== undefined && { beforeSeq: before }),
        limit,
      });
      // Reading the log is itself a consultation of personal data.
      await audit.record(ctx, {
        action: 'audit.search',
        objectType: 'audit_entry',
        details: { ...describeFilter(filter), returned: rows.length },
      });
      const last = rows.at(-1);
      return {
        items: rows.map(presentAuditEntry),
        nextBefore: rows.length === limit && last ? last.seq : null,
      };
    },

    /** The matching entries, oldest first, as a stream of CSV or JSON Lines. */
    async export(ctx: ActorContext, query: AuditExportQuery): Promise<Readable> {
      const { format, ...filter } = query;
      const base = scopedQuery(ctx, 'audit.export', filter);
      await audit.record(ctx, {
        action: 'audit.export',
        objectType: 'audit_entry',
        details: { ...describeFilter(filter), format },
      });
      async function* lines() {
        if (format === 'csv') yield stringify([[...CSV_COLUMNS]]);
        let afterSeq = 0;
        for (;;) {
          const rows = await searchAuditEntries(db, {
            ...base,
            afterSeq,
            order: 'asc',
            limit: EXPORT_PAGE,
          });
          for (const row of rows) {
            const entry = presentAuditEntry(row);
            yield format === 'csv'
              ? stringify([auditEntryCsvRecord(entry)])
              : `${JSON.stringify(entry)}\n`;
          }
          if (rows.length < EXPORT_PAGE) return;
          afterSeq = rows.at(-1)!.seq;
        }
      }
      return Readable.from(lines());
    },
  };
}
