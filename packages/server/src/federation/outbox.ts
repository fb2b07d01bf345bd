import { sql } from 'kysely';
import type { Trx } from '../kernel/db/database.js';
import { AppError, badRequest } from '../kernel/http/errors.js';
import { MAX_MESSAGE_BYTES, sealEnvelope } from './envelope.js';
import type { Federation } from './federation.js';
import { serialiseMessage } from './jws.js';
import { appendLogEntries } from './message-log.js';

export interface OutgoingEnvelope {
  recipient: string;
  type: string;
  /** The case, request or exchange the envelope belongs to; order is kept within it. */
  correlationId: string;
  payload: Record<string, unknown>;
}

/**
 * Puts envelopes in the outbox, inside the caller's transaction: they are
 * signed now, numbered within their correlation, logged as sent, and delivered
 * by the delivery worker once the transaction commits. Call
 * `DeliveryWorker.nudge()` after the commit to deliver at once.
 */
export async function enqueueEnvelopes(
  trx: Trx,
  federation: Federation,
  outgoing: OutgoingEnvelope[],
  now = new Date(),
): Promise<string[]> {
  const register = await federation.registers.current(now, trx);
  const key = await federation.keys.current(register, now);
  const self = federation.identity.nodeId;
  const ids: string[] = [];
  const logged = [];
  for (const item of outgoing) {
    if (item.recipient === self || register.node(item.recipient) === undefined) {
      throw badRequest(
        'unknown_peer',
        `${item.recipient} is not a peer in the federation register.`,
      );
    }
    const problem = federation.types.checkPayload(item.type, item.payload);
    if (problem !== null) throw badRequest('invalid_payload', `The ${item.type} ${problem}.`);

    const { last_sequence: sequence } = await trx
      .insertInto('federation_outbound_sequence')
      .values({ recipient: item.recipient, correlation_id: item.correlationId, last_sequence: 1 })
      .onConflict((oc) =>
        oc.columns(['recipient', 'correlation_id']).doUpdateSet((eb) => ({
          last_sequence: eb('federation_outbound_sequence.last_sequence', '+', 1),
        })),
      )
      .returning('last_sequence')
      .executeTakeFirstOrThrow();

    const sealed = await sealEnvelope({ ...item, sender: self, sequence }, key, now);
    const { envelope, message, hash } = sealed;
    const text = serialiseMessage(message);
    if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES) {
      throw new AppError(
        413,
        'payload_too_large',
        `The ${item.type} envelope is larger than the ${MAX_MESSAGE_BYTES} bytes a peer accepts.`,
      );
    }
    await trx
      .insertInto('federation_outbound')
      .values({
        envelope_id: envelope.id,
        recipient: envelope.recipient,
        type: envelope.type,
        correlation_id: envelope.correlationId,
        sequence,
        created_at: now,
        message: text,
        message_hash: hash,
        // due at once, by the database's clock, which the delivery worker reads
        next_attempt_at: sql<Date>`now()`,
      })
      .execute();
    ids.push(envelope.id);
    logged.push({
      loggedAt: now,
      direction: 'sent' as const,
      kind: 'envelope' as const,
      peer: envelope.recipient,
      envelopeId: envelope.id,
      message,
    });
  }
  await appendLogEntries(trx, logged);
  return ids;
}
