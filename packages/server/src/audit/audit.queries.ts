import type { DbOrTrx } from '../kernel/db/database.js';
import type { AuditEntryRow } from '../kernel/db/schema.js';

export interface AuditQuery {
  agencyId?: string;
  actorUsername?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  afterSeq?: number;
  /** Newest first (the default, for reading) or oldest first (for export). */
  order?: 'desc' | 'asc';
  limit: number;
}

/** Paged by sequence number, so that a page is stable while entries are added. */
export function searchAuditEntries(db: DbOrTrx, q: AuditQuery): Promise<AuditEntryRow[]> {
  let query = db.selectFrom('audit_entry').selectAll();
  if (q.agencyId !== undefined) query = query.where('actor_agency_id', '=', q.agencyId);
  if (q.actorUsername !== undefined) query = query.where('actor_username', '=', q.actorUsername);
  if (q.action !== undefined) query = query.where('action', '=', q.action);
  if (q.objectType !== undefined) query = query.where('object_type', '=', q.objectType);
  if (q.objectId !== undefined) query = query.where('object_id', '=', q.objectId);
  if (q.outcome !== undefined) query = query.where('outcome', '=', q.outcome);
  if (q.from !== undefined) query = query.where('occurred_at', '>=', q.from);
  if (q.to !== undefined) query = query.where('occurred_at', '<', q.to);
  if (q.beforeSeq !== undefined) query = query.where('seq', '<', q.beforeSeq);
  if (q.afterSeq !== undefined) query = query.where('seq', '>', q.afterSeq);
  return query
    .orderBy('seq', q.order ?? 'desc')
    .limit(q.limit)
    .execute();
}
