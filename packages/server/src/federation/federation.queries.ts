import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../kernel/db/database.js';
import type {
  FederationInboundTable,
  FederationOutboundTable,
  FederationPeerStateTable,
  OutboundState,
} from '../kernel/db/schema.js';

export type OutboundRow = Selectable<FederationOutboundTable>;
export type InboundSummaryRow = Omit<
  Selectable<FederationInboundTable>,
  'message' | 'receipt' | 'message_hash'
>;

const OUTBOUND_SUMMARY = [
  'envelope_id',
  'recipient',
  'type',
  'correlation_id',
  'sequence',
  'created_at',
  'state',
  'attempts',
  'next_attempt_at',
  'last_attempt_at',
  'last_error',
  'delivered_at',
] as const;
export type OutboundSummaryRow = Pick<OutboundRow, (typeof OUTBOUND_SUMMARY)[number]>;

export function listOutbound(
  db: DbOrTrx,
  query: { state?: OutboundState; peer?: string; before?: string; limit: number },
): Promise<OutboundSummaryRow[]> {
  let q = db.selectFrom('federation_outbound').select(OUTBOUND_SUMMARY);
  if (query.state) q = q.where('state', '=', query.state);
  if (query.peer) q = q.where('recipient', '=', query.peer);
  if (query.before) q = q.where('envelope_id', '<', query.before);
  return q.orderBy('envelope_id', 'desc').limit(query.limit).execute();
}

export function findOutbound(db: DbOrTrx, envelopeId: string): Promise<OutboundRow | undefined> {
  return db
    .selectFrom('federation_outbound')
    .selectAll()
    .where('envelope_id', '=', envelopeId)
    .executeTakeFirst();
}

export function listInbound(
  db: DbOrTrx,
  query: { peer?: string; before?: number; limit: number },
): Promise<InboundSummaryRow[]> {
  let q = db
    .selectFrom('federation_inbound')
    .select([
      'envelope_id',
      'position',
      'sender',
      'type',
      'correlation_id',
      'sequence',
      'created_at',
      'received_at',
    ]);
  if (query.peer) q = q.where('sender', '=', query.peer);
  if (query.before) q = q.where('position', '<', query.before);
  return q.orderBy('position', 'desc').limit(query.limit).execute();
}

export interface QueueFigures {
  recipient: string;
  pending: number;
  dead: number;
  oldest: Date | null;
}

/** Per peer: envelopes waiting, dead letters and the oldest of them. */
export async function queueFigures(db: DbOrTrx): Promise<Map<string, QueueFigures>> {
  const rows = await db
    .selectFrom('federation_outbound')
    .select((eb) => [
      'recipient',
      eb.fn.countAll<number>().filterWhere('state', '=', 'pending').as('pending'),
      eb.fn.countAll<number>().filterWhere('state', '=', 'dead').as('dead'),
      eb.fn.min('created_at').as('oldest'),
    ])
    .where('state', '<>', 'delivered')
    .groupBy('recipient')
    .execute();
  return new Map(
    rows.map((r) => [
      r.recipient,
      {
        recipient: r.recipient,
        pending: Number(r.pending),
        dead: Number(r.dead),
        oldest: r.oldest === null ? null : new Date(r.oldest),
      },
    ]),
  );
}

export async function peerStates(
  db: DbOrTrx,
): Promise<Map<string, Selectable<FederationPeerStateTable>>> {
  const rows = await db.selectFrom('federation_peer_state').selectAll().execute();
  return new Map(rows.map((r) => [r.node_id, r]));
}

/** Sends a dead letter again: due now, with the dead-letter clock restarted. */
export async function reviveDeadLetter(db: DbOrTrx, envelopeId: string): Promise<boolean> {
  const result = await db
    .updateTable('federation_outbound')
    .set((eb) => ({
      state: 'pending',
      attempts: 0,
      next_attempt_at: eb.fn('now', []),
      retried_at: eb.fn('now', []),
      lease_until: null,
    }))
    .where('envelope_id', '=', envelopeId)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
