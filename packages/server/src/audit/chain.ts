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
