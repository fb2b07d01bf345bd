import { randomUUID } from 'node:crypto';
import type { AuditWriter } from '../audit/audit-writer.js';
import { appendAudit } from '../audit/audit-log.js';
import type { Db } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import { AppError, conflict, notFound } from '../kernel/http/errors.js';
import type { DeliveryWorker } from './delivery.js';
import { FederationRefusal } from './envelope.js';
import type { Federation } from './federation.js';
import {
  findOutbound,
  listInbound,
  listOutbound,
  peerStates,
  queueFigures,
  reviveDeadLetter,
} from './federation.queries.js';
import { presentInboxItem, presentOutboxItem } from './federation.presenter.js';
import type {
  FederationStatus,
  InboxItem,
  InboxQuery,
  OutboxItem,
  OutboxQuery,
} from './federation.schemas.js';
import { decodePayload, parseStoredMessage, readHeader } from './jws.js';
import { enqueueEnvelopes } from './outbox.js';
import type { Register } from './register.js';

export const notConfigured = () =>
  new AppError(
    503,
    'federation_not_configured',
    'This node has no federation identity yet: run `senningen node init` and load a register.',
  );

const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : null);

/** The node's view of the federation: itself, the register in force, and every peer. */
export async function federationStatus(
  db: Db,
  federation: Federation | null,
): Promise<FederationStatus> {
  if (!federation) {
    return { configured: false, node: null, register: null, registerProblem: null, peers: [] };
  }
  let register: Register | null = null;
  let problem: string | null = null;
  try {
    register = await federation.registers.current();
  } catch (error) {
    problem = error instanceof FederationRefusal ? error.message : String(error);
  }
  const [queues, states] = await Promise.all([queueFigures(db), peerStates(db)]);
  const self = federation.identity.nodeId;
  const peers = (register?.document.nodes ?? [])
    .filter((n) => n.id !== self)
    .map((n) => {
      const state = states.get(n.id);
      const queue = queues.get(n.id);
      const lastSuccess = state?.last_success_at ?? null;
      const lastFailure = state?.last_failure_at ?? null;
      return {
        nodeId: n.id,
        country: n.country,
        name: n.name,
        url: n.url,
        reachable:
          lastSuccess === null && lastFailure === null
            ? null
            : lastSuccess !== null && (lastFailure === null || lastSuccess >= lastFailure),
        lastContactAt: iso(state?.last_attempt_at),
        lastSuccessAt: iso(lastSuccess),
        lastError: state?.last_error ?? null,
        lastDeliveryAt: iso(state?.last_delivery_at),
        pending: queue?.pending ?? 0,
        dead: queue?.dead ?? 0,
        oldestUndeliveredAt: iso(queue?.oldest),
      };
    });
  return {
    configured: true,
    node: {
      nodeId: self,
      country: federation.identity.country,
      name: federation.identity.name,
      url: federation.identity.url,
    },
    register: register
      ? {
          version: register.version,
          issuedAt: register.issuedAt.toISOString(),
          expiresAt: register.expiresAt.toISOString(),
        }
      : null,
    registerProblem: problem,
    peers,
  };
}

export type FederationService = ReturnType<typeof createFederationService>;

/** The operations view for node administrators: status, outbox, dead letters, inbox, ping. */
export function createFederationService(deps: {
  db: Db;
  audit: AuditWriter;
  federation: Federation | null;
  delivery: DeliveryWorker | null;
}) {
  const { db, audit, federation, delivery } = deps;
  const configured = (): Federation => {
    if (!federation) throw notConfigured();
    return federation;
  };

  return {
    status: (): Promise<FederationStatus> => federationStatus(db, federation),

    async outbox(query: OutboxQuery): Promise<{ items: OutboxItem[]; nextBefore: string | null }> {
      const limit = query.limit ?? 50;
      const rows = await listOutbound(db, { ...query, limit });
      const items = rows.map(presentOutboxItem);
      return {
        items,
        nextBefore: rows.length === limit ? rows[rows.length - 1]!.envelope_id : null,
      };
    },

    /** One outgoing envelope as it was signed, with its receipt: a read that is audited. */
    async inspect(ctx: ActorContext, envelopeId: string) {
      const row = await findOutbound(db, envelopeId);
      if (!row) throw notFound();
      const message = parseStoredMessage(row.message);
      await audit.record(ctx, {
        action: 'federation.inspect',
        objectType: 'envelope',
        objectId: envelopeId,
        details: { recipient: row.recipient, type: row.type },
      });
      return {
        item: presentOutboxItem(row),
        header: readHeader(message),
        envelope: decodePayload(message),
        messageHash: row.message_hash,
        receipt: row.receipt === null ? null : decodePayload(parseStoredMessage(row.receipt)),
      };
    },

    async retry(ctx: ActorContext, envelopeId: string): Promise<OutboxItem> {
      const row = await db.transaction().execute(async (trx) => {
        const found = await findOutbound(trx, envelopeId);
        if (!found) throw notFound();
        if (!(await reviveDeadLetter(trx, envelopeId))) {
          throw conflict('not_dead_letter', 'Only a dead letter can be sent again.');
        }
        await appendAudit(trx, ctx, {
          action: 'federation.retry',
          objectType: 'envelope',
          objectId: envelopeId,
          details: { recipient: found.recipient, type: found.type, attempts: found.attempts },
        });
        return (await findOutbound(trx, envelopeId))!;
      });
      delivery?.nudge();
      return presentOutboxItem(row);
    },

    async inbox(query: InboxQuery): Promise<{ items: InboxItem[]; nextBefore: number | null }> {
      const limit = query.limit ?? 50;
      const rows = await listInbound(db, { ...query, limit });
      return {
        items: rows.map(presentInboxItem),
        nextBefore: rows.length === limit ? rows[rows.length - 1]!.position : null,
      };
    },

    /** Sends a ping to a peer: its signed receipt proves the path end to end. */
    async ping(ctx: ActorContext, nodeId: string, note: string | undefined) {
      const node = configured();
      const correlationId = randomUUID();
      const [envelopeId] = await db.transaction().execute(async (trx) => {
        const ids = await enqueueEnvelopes(trx, node, [
          {
            recipient: nodeId,
            type: 'ping',
            correlationId,
            payload: { sentBy: ctx.actor.username, ...(note !== undefined && { note }) },
          },
        ]);
        await appendAudit(trx, ctx, {
          action: 'federation.ping',
          objectType: 'envelope',
          objectId: ids[0]!,
          details: { recipient: nodeId },
        });
        return ids;
      });
      delivery?.nudge();
      return { envelopeId: envelopeId!, correlationId };
    },
  };
}
