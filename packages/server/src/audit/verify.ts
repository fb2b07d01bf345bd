import type { Db } from '../kernel/db/database.js';
import type { AuditEntryRow } from '../kernel/db/schema.js';
import { GENESIS_HASH, digestEntry, linkHash } from './chain.js';

export type AuditVerification =
  | { intact: true; entries: number; headHash: string }
  | {
      intact: false;
      entries: number;
      /** The sequence number of the first entry found wrong. */
      seq: number;
      problem: 'altered' | 'removed' | 'out-of-order' | 'truncated';
      message: string;
    };

const PAGE = 2000;

/**
 * Walks the whole chain in sequence order and recomputes every link. The first
 * entry whose content no longer matches its hash was altered; a gap in the
 * sequence is a removed entry; an entry whose predecessor link is wrong was
 * inserted or moved; a chain that stops short of the recorded head was cut.
 */
export async function verifyAuditLog(db: Db): Promise<AuditVerification> {
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .executeTakeFirstOrThrow();

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const page: AuditEntryRow[] = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return broken(
          count,
          expectedSeq,
          'removed',
          `audit entry ${expectedSeq} is missing: it was removed`,
        );
      }
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
      if (digest !== row.digest || linkHash(row.prev_hash, row.digest) !== row.hash) {
        return broken(count, row.seq, 'altered', `audit entry ${row.seq} (${row.id}) was altered`);
      }
      if (row.prev_hash !== prevHash) {
        return broken(
          count,
          row.seq,
          'out-of-order',
          `audit entry ${row.seq} (${row.id}) does not follow its predecessor: it was inserted or moved`,
        );
      }
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < PAGE) break;
  }

  if (count > head.seq) {
    return broken(
      count,
      head.seq + 1,
      'out-of-order',
      `audit entries from ${head.seq + 1} on lie beyond the recorded head of the chain: they were inserted`,
    );
  }
  if (head.seq !== count || head.hash !== prevHash) {
    return broken(
      count,
      count + 1,
      'truncated',
      `the chain ends at entry ${count} but its head records entry ${head.seq}: entries from ${count + 1} on were removed`,
    );
  }
  return { intact: true, entries: count, headHash: prevHash };
}

function broken(
  entries: number,
  seq: number,
  problem: 'altered' | 'removed' | 'out-of-order' | 'truncated',
  message: string,
): AuditVerification {
  return { intact: false, entries, seq, problem, message };
}
