import { v7 as uuidv7 } from 'uuid';
import type { Db, Trx } from '../kernel/db/database.js';
import type { Actor } from '../kernel/policy/policy.js';
import { hashEntry } from './chain.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** What happened. */
export interface AuditEvent {
  action: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
  /** The stated purpose, where the law requires one (consultations of personal data). */
  purpose?: string;
  /** Further facts, never secrets. */
  details?: Record<string, string | number | boolean | null>;
}

/** Who did it, from where, in which request. */
export interface AuditContext {
  actor: Pick<Actor, 'userId' | 'username' | 'agencyId' | 'country'> | null;
  clientAddress: string | null;
  requestId: string | null;
}

export interface PendingAuditEntry {
  id: string;
  occurredAt: Date;
  context: AuditContext;
  event: AuditEvent;
}

export function pendingEntry(context: AuditContext, event: AuditEvent): PendingAuditEntry {
  return { id: uuidv7(), occurredAt: new Date(), context, event };
}

/**
 * Appends entries to the chain inside the caller's transaction. Locking the chain
 * head serialises appenders across processes, so sequence numbers and links follow
 * commit order; the lock is held only until the caller commits.
 */
export async function appendAuditEntries(trx: Trx, entries: PendingAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const head = await trx
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .forUpdate()
    .executeTakeFirstOrThrow();

  let seq = head.seq;
  let prevHash = head.hash;
  const rows = entries.map(({ id, occurredAt, context, event }) => {
    seq += 1;
    const fields = {
      seq,
      id,
      occurredAt,
      actorUserId: context.actor?.userId ?? null,
      actorUsername: context.actor?.username ?? null,
      actorAgencyId: context.actor?.agencyId ?? null,
      actorCountry: context.actor?.country ?? null,
      action: event.action,
      objectType: event.objectType ?? null,
      objectId: event.objectId ?? null,
      outcome: event.outcome ?? 'success',
      clientAddress: context.clientAddress,
      requestId: context.requestId,
      purpose: event.purpose ?? null,
      details: event.details ?? {},
      prevHash,
    };
    const hash = hashEntry(fields);
    prevHash = hash;
    return {
      seq,
      id,
      occurred_at: occurredAt,
      actor_user_id: fields.actorUserId,
      actor_username: fields.actorUsername,
      actor_agency_id: fields.actorAgencyId,
      actor_country: fields.actorCountry,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      outcome: fields.outcome,
      client_address: fields.clientAddress,
      request_id: fields.requestId,
      purpose: fields.purpose,
      details: JSON.stringify(fields.details),
      prev_hash: fields.prevHash,
      hash,
    };
  });

  await trx.insertInto('audit_entry').values(rows).execute();
  await trx.updateTable('audit_chain_head').set({ seq, hash: prevHash }).execute();
}

/** Appends one entry in the caller's transaction: the audit record of a state change. */
export function appendAudit(trx: Trx, context: AuditContext, event: AuditEvent): Promise<void> {
  return appendAuditEntries(trx, [pendingEntry(context, event)]);
}

/** Appends one entry in a transaction of its own, for an action that changes nothing else. */
export function appendAuditInOwnTransaction(
  db: Db,
  context: AuditContext,
  event: AuditEvent,
): Promise<void> {
  return db.transaction().execute((trx) => appendAudit(trx, context, event));
}
