import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that its hash covers (all of them but the hash). */
export interface ChainedFields {
  seq: number;
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
  prevHash: string;
}

/**
 * SHA-256 over a canonical serialisation: a JSON array of the fields in a fixed
 * order, with object keys sorted, so that the hash survives a round trip through
 * jsonb (which reorders keys).
 */
export function hashEntry(fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.seq,
    fields.id,
    fields.occurredAt.toISOString(),
    fields.actorUserId,
    fields.actorUsername,
    fields.actorAgencyId,
    fields.actorCountry,
    fields.action,
    fields.objectType,
    fields.objectId,
    fields.outcome,
    fields.clientAddress,
    fields.requestId,
    fields.purpose,
    sortKeys(fields.details),
    fields.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
