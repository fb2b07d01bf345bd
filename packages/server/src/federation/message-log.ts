import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { GENESIS_HASH, linkHash } from '../audit/chain.js';
import { canonicalJson } from '../kernel/crypto/canonical-json.js';
import type { Db, DbOrTrx } from '../kernel/db/database.js';
import type { FederationLogTable } from '../kernel/db/schema.js';
import { messageHash, parseStoredMessage, serialiseMessage, type SignedMessage } from './jws.js';

/** One envelope or receipt this node sent or received. */
export interface LogEntry {
  loggedAt: Date;
  direction: 'sent' | 'received';
  kind: 'envelope' | 'receipt';
  peer: string;
  envelopeId: string;
  message: SignedMessage;
}

/** SHA-256 over the canonical JSON of the entry's facts, the message by its hash. */
export function digestLogEntry(entry: {
  loggedAt: Date;
  direction: string;
  kind: string;
  peer: string;
  envelopeId: string;
  messageHash: string;
}): string {
  return createHash('sha256')
    .update(
      canonicalJson([
        entry.loggedAt.toISOString(),
        entry.direction,
        entry.kind,
        entry.peer,
        entry.envelopeId,
        entry.messageHash,
      ]),
      'utf8',
    )
    .digest('hex');
}

/**
 * Appends entries to the message log in the caller's transaction, in one
 * statement that locks the chain head (see federation_log_append). Call it last
 * in a transaction: the lock is held until commit.
 */
export async function appendLogEntries(db: DbOrTrx, entries: LogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const loggedAt: Date[] = [];
  const direction: string[] = [];
  const kind: string[] = [];
  const peer: string[] = [];
  const envelopeId: string[] = [];
  const message: string[] = [];
  const hashes: string[] = [];
  const digests: string[] = [];
  for (const entry of entries) {
    const hash = messageHash(entry.message);
    loggedAt.push(entry.loggedAt);
    direction.push(entry.direction);
    kind.push(entry.kind);
    peer.push(entry.peer);
    envelopeId.push(entry.envelopeId);
    message.push(serialiseMessage(entry.message));
    hashes.push(hash);
    digests.push(digestLogEntry({ ...entry, messageHash: hash }));
  }
  await sql`select federation_log_append(
    ${loggedAt}::timestamptz[], ${direction}::text[], ${kind}::text[], ${peer}::text[],
    ${envelopeId}::uuid[], ${message}::text[], ${hashes}::text[], ${digests}::text[])`.execute(db);
}

export type LogVerification =
  | { intact: true; entries: number; headHash: string }
  | {
      intact: false;
      entries: number;
      seq: number;
      problem: 'altered' | 'removed' | 'out-of-order' | 'truncated';
      message: string;
    };

const PAGE = 2000;

/**
 * Walks the message log and recomputes every message hash, digest and link:
 * the evidence holds only if every entry is as it was written, none is missing
 * and the chain reaches the recorded head.
 */
export async function verifyMessageLog(db: Db): Promise<LogVerification> {
  const head = await db
    .selectFrom('federation_log_head')
    .select(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  const broken = (
    seq: number,
    problem: 'altered' | 'removed' | 'out-of-order' | 'truncated',
    message: string,
  ): LogVerification => ({ intact: false, entries: count, seq, problem, message });

  for (;;) {
    const page = await db
      .selectFrom('federation_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return broken(
          expectedSeq,
          'removed',
          `log entry ${expectedSeq} is missing: it was removed`,
        );
      }
      if (!entryHolds(row)) {
        return broken(row.seq, 'altered', `log entry ${row.seq} (${row.envelope_id}) was altered`);
      }
      if (row.prev_hash !== prevHash) {
        return broken(
          row.seq,
          'out-of-order',
          `log entry ${row.seq} does not follow its predecessor: it was inserted or moved`,
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
      head.seq + 1,
      'out-of-order',
      `log entries from ${head.seq + 1} on lie beyond the recorded head: they were inserted`,
    );
  }
  if (head.seq !== count || head.hash !== prevHash) {
    return broken(
      count + 1,
      'truncated',
      `the log ends at entry ${count} but its head records entry ${head.seq}: entries from ${count + 1} on were removed`,
    );
  }
  return { intact: true, entries: count, headHash: prevHash };
}

function entryHolds(row: Selectable<FederationLogTable>): boolean {
  let hash: string;
  try {
    hash = messageHash(parseStoredMessage(row.message));
  } catch {
    return false;
  }
  const digest = digestLogEntry({
    loggedAt: row.logged_at,
    direction: row.direction,
    kind: row.kind,
    peer: row.peer,
    envelopeId: row.envelope_id,
    messageHash: hash,
  });
  return (
    hash === row.message_hash &&
    digest === row.digest &&
    linkHash(row.prev_hash, digest) === row.hash
  );
}
