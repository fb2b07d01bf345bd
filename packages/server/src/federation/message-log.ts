import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { linkHash, verifyChain, type ChainVerification } from '../audit/chain.js';
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

export type LogVerification = ChainVerification;

/**
 * Recomputes every message hash, digest and link of the message log: the
 * evidence holds only if every entry is as it was written, none is missing and
 * the chain reaches the recorded head.
 */
export async function verifyMessageLog(db: Db): Promise<LogVerification> {
  const head = await db
    .selectFrom('federation_log_head')
    .select(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return verifyChain({
    noun: 'log entry',
    head,
    page: (fromSeq, limit) =>
      db
        .selectFrom('federation_log')
        .selectAll()
        .where('seq', '>=', fromSeq)
        .orderBy('seq')
        .limit(limit)
        .execute(),
    holds: entryHolds,
    name: (row) => `${row.seq} (${row.kind} of envelope ${row.envelope_id})`,
  });
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
