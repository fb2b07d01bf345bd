import type { Db } from '../kernel/db/database.js';
import { digestEntry, linkHash, verifyChain, type ChainVerification } from './chain.js';

export type AuditVerification = ChainVerification;

/** Recomputes the audit log's hash chain (see verifyChain). */
export async function verifyAuditLog(db: Db): Promise<AuditVerification> {
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return verifyChain({
    noun: 'audit entry',
    head,
    page: (fromSeq, limit) =>
      db
        .selectFrom('audit_entry')
        .selectAll()
        .where('seq', '>=', fromSeq)
        .orderBy('seq')
        .limit(limit)
        .execute(),
    holds(row) {
      const digest = digestEntry({
        id: row.id,
        occurredAt: row.occurred_at,
        actorUserId: row.actor_user_id,
        actorUsername: row.actor_username,
        actorAgencyId: row.actor_agency_id,
        actorCountry: row.actor_country,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        outcome: row.outcome,
        clientAddress: row.client_address,
        requestId: row.request_id,
        purpose: row.purpose,
        details: row.details,
      });
      return digest === row.digest && linkHash(row.prev_hash, row.digest) === row.hash;
    },
    name: (row) => `${row.seq} (${row.id})`,
  });
}
