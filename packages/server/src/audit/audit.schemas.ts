import { Type, type Static } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';

const Outcome = Type.Enum(['success', 'denied', 'failure']);

export const AuditEntry = Strict({
  seq: Type.Integer(),
  id: Uuid(),
  occurredAt: Timestamp(),
  actorUserId: Type.Union([Uuid(), Type.Null()]),
  actorUsername: Type.Union([Text(64), Type.Null()]),
  actorAgencyId: Type.Union([Uuid(), Type.Null()]),
  actorCountry: Type.Union([Text(2), Type.Null()]),
  action: Text(100),
  objectType: Type.Union([Text(100), Type.Null()]),
  objectId: Type.Union([Text(200), Type.Null()]),
  outcome: Outcome,
  clientAddress: Type.Union([Text(100), Type.Null()]),
  requestId: Type.Union([Text(100), Type.Null()]),
  purpose: Type.Union([Text(2000), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  hash: Text(64),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditFilter = Strict({
  actor: Type.Optional(Text(64, { description: 'username of the actor' })),
  action: Type.Optional(Text(100)),
  objectType: Type.Optional(Text(100)),
  objectId: Type.Optional(Text(200)),
  outcome: Type.Optional(Outcome),
  from: Type.Optional(Timestamp()),
  to: Type.Optional(Timestamp()),
});
export type AuditFilter = Static<typeof AuditFilter>;

export const AuditSearchQuery = Strict({
  ...AuditFilter.properties,
  before: Type.Optional(
    Type.Integer({ minimum: 1, description: 'show entries older than this seq' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type AuditSearchQuery = Static<typeof AuditSearchQuery>;

export const AuditExportQuery = Strict({
  ...AuditFilter.properties,
  format: Type.Enum(['csv', 'jsonl']),
});
export type AuditExportQuery = Static<typeof AuditExportQuery>;

export const AuditPage = Strict({
  items: Type.Array(AuditEntry),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
