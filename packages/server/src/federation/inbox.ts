import type { Db, Trx } from '../kernel/db/database.js';
import { isUniqueViolation } from '../kernel/http/errors.js';
import { FederationRefusal, openEnvelope, signReceipt, type Envelope } from './envelope.js';
import type { Federation } from './federation.js';
import { parseStoredMessage, serialiseMessage, type SignedMessage } from './jws.js';
import { appendLogEntries } from './message-log.js';
import { PROTOCOL_VERSION } from './register.js';

export interface Acceptance {
  /** True when this envelope was accepted before: nothing was done again. */
  duplicate: boolean;
  envelope: Envelope;
  receipt: SignedMessage;
}

/**
 * Receives a signed envelope from a peer. It is verified before anything else
 * (see openEnvelope); then, in one transaction: a duplicate is answered with
 * its original receipt; an envelope that is not the next of its correlation is
 * refused, to be sent again later; otherwise its type's handler applies it, and
 * the envelope and the receipt are stored and logged together.
 */
export async function receiveEnvelope(
  db: Db,
  federation: Federation,
  message: SignedMessage,
  now = new Date(),
): Promise<Acceptance> {
  const register = await federation.registers.current(now);
  const { envelope, hash } = await openEnvelope(message, {
    register,
    self: federation.identity.nodeId,
    now,
    types: federation.types,
  });
  const key = await federation.keys.current(register, now);

  try {
    return await db.transaction().execute(async (trx) => {
      const earlier = await findAccepted(trx, envelope, hash);
      if (earlier) return earlier;

      const last = await trx
        .selectFrom('federation_inbound')
        .select((eb) => eb.fn.max('sequence').as('last'))
        .where('sender', '=', envelope.sender)
        .where('correlation_id', '=', envelope.correlationId)
        .executeTakeFirst();
      const expected = (last?.last ?? 0) + 1;
      if (envelope.sequence > expected) {
        throw new FederationRefusal(
          409,
          'out_of_order',
          `Envelope ${envelope.sequence} of correlation ${envelope.correlationId} came before ${expected}; send that first.`,
        );
      }
      if (envelope.sequence < expected) {
        throw new FederationRefusal(
          409,
          'sequence_taken',
          `Another envelope already holds place ${envelope.sequence} in correlation ${envelope.correlationId}.`,
        );
      }

      const receipt = await signReceipt(
        {
          envelopeId: envelope.id,
          envelopeHash: hash,
          envelopeSender: envelope.sender,
          receivedBy: federation.identity.nodeId,
          acceptedAt: now.toISOString(),
          protocolVersion: PROTOCOL_VERSION,
        },
        key,
      );
      await trx
        .insertInto('federation_inbound')
        .values({
          envelope_id: envelope.id,
          sender: envelope.sender,
          type: envelope.type,
          correlation_id: envelope.correlationId,
          sequence: envelope.sequence,
          created_at: new Date(envelope.createdAt),
          received_at: now,
          message: serialiseMessage(message),
          message_hash: hash,
          receipt: serialiseMessage(receipt),
        })
        .execute();
      await federation.types.handler(envelope.type).handle(trx, envelope);
      await appendLogEntries(trx, [
        {
          loggedAt: now,
          direction: 'received',
          kind: 'envelope',
          peer: envelope.sender,
          envelopeId: envelope.id,
          message,
        },
        {
          loggedAt: now,
          direction: 'sent',
          kind: 'receipt',
          peer: envelope.sender,
          envelopeId: envelope.id,
          message: receipt,
        },
      ]);
      return { duplicate: false, envelope, receipt };
    });
  } catch (error) {
    // The same envelope, delivered twice at the same moment: one transaction won.
    if (!isUniqueViolation(error)) throw error;
    const earlier = await findAccepted(db, envelope, hash);
    if (earlier) return earlier;
    throw new FederationRefusal(
      409,
      'sequence_taken',
      `Another envelope already holds place ${envelope.sequence} in correlation ${envelope.correlationId}.`,
    );
  }
}

async function findAccepted(
  db: Db | Trx,
  envelope: Envelope,
  hash: string,
): Promise<Acceptance | null> {
  const row = await db
    .selectFrom('federation_inbound')
    .select(['message_hash', 'receipt'])
    .where('envelope_id', '=', envelope.id)
    .executeTakeFirst();
  if (!row) return null;
  if (row.message_hash !== hash) {
    throw new FederationRefusal(
      409,
      'envelope_conflict',
      `Envelope ${envelope.id} was accepted before with other content.`,
    );
  }
  return { duplicate: true, envelope, receipt: parseStoredMessage(row.receipt) };
}
