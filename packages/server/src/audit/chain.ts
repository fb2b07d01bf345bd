import { createHash } from 'node:crypto';
import { sortKeys } from '../kernel/crypto/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The content of an audit entry: everything but its place in the chain. */
export interface EntryContent {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  actorAgencyId: string | null;
  actorCountry: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  clientAddress: string | null;
  requestId: string | null;
  purpose: string | null;
  details: Record<string, unknown>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * SHA-256 over a canonical serialisation of the content: a JSON array of the
 * fields in a fixed order, with object keys sorted, so that the digest survives
 * a round trip through jsonb (which reorders keys).
 */
export function digestEntry(content: EntryContent): string {
  return sha256(
    JSON.stringify([
      content.id,
      content.occurredAt.toISOString(),
      content.actorUserId,
      content.actorUsername,
      content.actorAgencyId,
      content.actorCountry,
      content.action,
      content.objectType,
      content.objectId,
      content.outcome,
      content.clientAddress,
      content.requestId,
      content.purpose,
      sortKeys(content.details),
    ]),
  );
}

/** The link: each entry's hash covers its predecessor's hash and its own digest. */
export function linkHash(prevHash: string, digest: string): string {
  return sha256(prevHash + digest);
}

export type ChainProblem = 'altered' | 'removed' | 'out-of-order' | 'truncated';

export type ChainVerification =
  | { intact: true; entries: number; headHash: string }
  | {
      intact: false;
      entries: number;
      /** The sequence number of the first entry found wrong. */
      seq: number;
      problem: ChainProblem;
      message: string;
    };

interface ChainRow {
  seq: number;
  prev_hash: string;
  hash: string;
}

const PAGE = 2000;

/**
 * Walks a hash chain in sequence order and recomputes every link. The first
 * entry whose content no longer matches its hash was altered; a gap in the
 * sequence is a removed entry; an entry whose predecessor link is wrong was
 * inserted or moved; a chain that stops short of the recorded head was cut.
 */
export async function verifyChain<Row extends ChainRow>(chain: {
  /** What an entry is called in messages, e.g. "audit entry". */
  noun: string;
  head: { seq: number; hash: string };
  /** Up to `limit` entries from sequence number `fromSeq` on, in order. */
  page(fromSeq: number, limit: number): Promise<Row[]>;
  /** Whether the entry's content still yields its digest and its hash. */
  holds(row: Row): boolean;
  /** How to name an entry, e.g. "3 (its id)". */
  name(row: Row): string;
}): Promise<ChainVerification> {
  const { noun, head } = chain;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  const broken = (seq: number, problem: ChainProblem, message: string): ChainVerification => ({
    intact: false,
    entries: count,
    seq,
    problem,
    message,
  });
  for (;;) {
    const page = await chain.page(expectedSeq, PAGE);
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return broken(expectedSeq, 'removed', `${noun} ${expectedSeq} is missing: it was removed`);
      }
      if (!chain.holds(row)) {
        return broken(row.seq, 'altered', `${noun} ${chain.name(row)} was altered`);
      }
      if (row.prev_hash !== prevHash) {
        return broken(
          row.seq,
          'out-of-order',
          `${noun} ${chain.name(row)} does not follow its predecessor: it was inserted or moved`,
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
      `entries from ${head.seq + 1} on lie beyond the recorded head of the chain: they were inserted`,
    );
  }
  if (head.seq !== count || head.hash !== prevHash) {
    return broken(
      count + 1,
      'truncated',
      `the chain ends at entry ${count} but its head records entry ${head.seq}: entries from ${count + 1} on were removed`,
    );
  }
  return { intact: true, entries: count, headHash: prevHash };
}
