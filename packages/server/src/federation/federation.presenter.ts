import type { InboundSummaryRow, OutboundSummaryRow } from './federation.queries.js';
import type { InboxItem, OutboxItem } from './federation.schemas.js';

const iso = (date: Date | null) => (date === null ? null : new Date(date).toISOString());

export function presentOutboxItem(row: OutboundSummaryRow): OutboxItem {
  return {
    envelopeId: row.envelope_id,
    recipient: row.recipient,
    type: row.type,
    correlationId: row.correlation_id,
    sequence: row.sequence,
    createdAt: row.created_at.toISOString(),
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? iso(row.next_attempt_at) : null,
    lastAttemptAt: iso(row.last_attempt_at),
    lastError: row.last_error,
    deliveredAt: iso(row.delivered_at),
  };
}

export function presentInboxItem(row: InboundSummaryRow): InboxItem {
  return {
    envelopeId: row.envelope_id,
    position: row.position,
    sender: row.sender,
    type: row.type,
    correlationId: row.correlation_id,
    sequence: row.sequence,
    createdAt: row.created_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
  };
}
