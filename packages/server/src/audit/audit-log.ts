import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Trx } from '../kernel/db/database.js';
import type { Actor } from '../kernel/policy/policy.js';
import { digestEntry, type EntryContent } from './chain.js';

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
 * Appends entries to the chain in one statement (see the audit_append function):
 * inside the caller's transaction, or on its own. Locking the chain head
 * serialises appenders across processes, so sequence numbers and links follow
 * commit order; the lock is held only until the transaction commits.
 */
export async function appendAuditEntries(
  db: Db | Trx,
  entries: PendingAuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const columns = {
    id: [] as string[],
    occurredAt: [] as Date[],
    actorUserId: [] as (string | null)[],
    actorUsername: [] as (string | null)[],
    actorAgencyId: [] as (string | null)[],
    actorCountry: [] as (string | null)[],
    action: [] as string[],
    objectType: [] as (string | null)[],
    objectId: [] as (string | null)[],
    outcome: [] as string[],
    clientAddress: [] as (string | null)[],
    requestId: [] as (string | null)[],
    purpose: [] as (string | null)[],
    details: [] as string[],
    digest: [] as string[],
  };
  for (const { id, occurredAt, context, event } of entries) {
    const content: EntryContent = {
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
    };
    for (const key of Object.keys(content) as (keyof EntryContent)[]) {
      const value = key === 'details' ? JSON.stringify(content.details) : content[key];
      (columns[key] as unknown[]).push(value);
    }
    columns.digest.push(digestEntry(content));
  }
  const c = columns;
  await sql`select audit_append(
    ${c.id}::uuid[], ${c.occurredAt}::timestamptz[], ${c.actorUserId}::uuid[], ${c.actorUsername}::text[],
    ${c.actorAgencyId}::uuid[], ${c.actorCountry}::text[], ${c.action}::text[], ${c.objectType}::text[],
    ${c.objectId}::text[], ${c.outcome}::text[], ${c.clientAddress}::text[], ${c.requestId}::text[],
    ${c.purpose}::text[], ${c.details}::jsonb[], ${c.digest}::text[])`.execute(db);
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
  return appendAuditEntries(db, [pendingEntry(context, event)]);
}
