import type { AuditEntryRow } from '../kernel/db/schema.js';
import type { AuditEntry } from './audit.schemas.js';

export function presentAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorAgencyId: row.actor_agency_id,
    actorCountry: row.actor_country,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome as AuditEntry['outcome'],
    clientAddress: row.client_address,
    requestId: row.request_id,
    purpose: row.purpose,
    details: row.details,
    hash: row.hash,
  };
}

export const CSV_COLUMNS = [
  'seq',
  'id',
  'occurredAt',
  'actorUserId',
  'actorUsername',
  'actorAgencyId',
  'actorCountry',
  'action',
  'objectType',
  'objectId',
  'outcome',
  'clientAddress',
  'requestId',
  'purpose',
  'details',
  'hash',
] as const;

export function auditEntryCsvRecord(entry: AuditEntry): string[] {
  return CSV_COLUMNS.map((column) => {
    const value = entry[column];
    if (value === null) return '';
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    // Spreadsheets run cells that start like a formula; a leading quote disarms them.
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  });
}
