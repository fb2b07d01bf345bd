import type { Db, Trx } from '../kernel/db/database.js';
import { isUniqueViolation } from '../kernel/http/errors.js';
import { FederationRefusal, openEnvelope, signReceipt, type Envelope } from './envelope.js';
import type { Federation } from './federation.js';
import { parseStoredMessage, serialiseMessage, type SignedMessage } from './jws.js';
import type { SigningKey } from './keys.js';
import { appendLogEntries, type LogEntry } from './message-log.js';
import { PROTOCOL_VERSION } from './register.js';

export interface Acceptance {
  /** True when this envelope was accepted before: nothing was done again. */
  duplicate: boolean;
  envelope: Envelope;
  receipt: SignedMessage;
}

interface Arrival {
  envelope: Envelope;
  hash: string;
  message: SignedMessage;
  key: SigningKey;
  now: Date;
}

interface Waiting extends Arrival {
  resolve(acceptance: Acceptance): void;
  reject(error: unknown): void;
}

type Outcome = Acceptance | FederationRefusal;

/**
 * Receives signed envelopes from peers. Each is verified on its own as it
 * arrives (see openEnvelope); the envelopes verified while a transaction is
 * being written are then accepted together in the next one (group commit, as
 * for audit entries): one lock on the message log and one commit serve many
 * requests. Within the transaction, envelope by envelope in arrival order: a
 * duplicate is answered with its original receipt; one that is not the next of
 * its correlation is refused, to be sent again later; otherwise its type's
 * handler applies it and the envelope and the receipt are stored and logged.
 * An answer is sent only once its transaction has committed. Should a batch
 * fail, its envelopes are taken again one by one, so that none can sink another.
 */
export class Inbox {
  private waiting: Waiting[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly federation: Federation,
    private readonly maxBatch = 64,
  ) {}

  async receive(message: SignedMessage, now = new Date()): Promise<Acceptance> {
    const { federation } = this;
    const register = await federation.registers.current(now);
    const { envelope, hash } = await openEnvelope(message, {
      register,
      self: federation.identity.nodeId,
      now,
      types: federation.types,
    });
    const key = await federation.keys.current(register, now);
    return new Promise<Acceptance>((resolve, reject) => {
      this.waiting.push({ envelope, hash, message, key, now, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the requests verified in this turn of the event loop join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const outcomes = await this.db
          .transaction()
          .execute((trx) => acceptArrivals(trx, this.federation, batch));
        batch.forEach((item, i) => settle(item, outcomes[i]!));
      } catch {
        for (const item of batch) {
          try {
            settle(item, await this.acceptAlone(item));
          } catch (error) {
            item.reject(error);
          }
        }
      }
    }
    this.draining = null;
  }

  private async acceptAlone(item: Arrival): Promise<Outcome> {
    try {
      return (
        await this.db.transaction().execute((trx) => acceptArrivals(trx, this.federation, [item]))
      )[0]!;
    } catch (error) {
      // The same envelope, delivered twice at the same moment: one transaction won.
      if (!isUniqueViolation(error)) throw error;
      const [outcome] = await acceptArrivals(this.db, this.federation, [item], { readOnly: true });
      return outcome!;
    }
  }
}

function settle(item: Waiting, outcome: Outcome): void {
  if (outcome instanceof FederationRefusal) item.reject(outcome);
  else item.resolve(outcome);
}

const sequenceTaken = (envelope: Envelope) =>
  new FederationRefusal(
    409,
    'sequence_taken',
    `Another envelope already holds place ${envelope.sequence} in correlation ${envelope.correlationId}.`,
  );

/**
 * Decides and applies a batch of verified envelopes in the caller's
 * transaction; returns each one's outcome, in order. `readOnly` only looks up
 * envelopes accepted before (after losing a race), changing nothing.
 */
async function acceptArrivals(
  trx: Trx | Db,
  federation: Federation,
  arrivals: Arrival[],
  options: { readOnly?: boolean } = {},
): Promise<Outcome[]> {
  const ids = [...new Set(arrivals.map((a) => a.envelope.id))];
  const earlier = new Map(
    (
      await trx
        .selectFrom('federation_inbound')
        .select(['envelope_id', 'message_hash', 'receipt'])
        .where('envelope_id', 'in', ids)
        .execute()
    ).map((row) => [row.envelope_id, row]),
  );

  const correlationKey = (e: Envelope) => `${e.sender} ${e.correlationId}`;
  const next = new Map<string, number>();
  const fresh = arrivals.filter((a) => !earlier.has(a.envelope.id));
  if (fresh.length > 0) {
    const rows = await trx
      .selectFrom('federation_inbound')
      .select(['sender', 'correlation_id', (eb) => eb.fn.max('sequence').as('last')])
      .where((eb) =>
        eb.or(
          fresh.map(({ envelope }) =>
            eb.and([
              eb('sender', '=', envelope.sender),
              eb('correlation_id', '=', envelope.correlationId),
            ]),
          ),
        ),
      )
      .groupBy(['sender', 'correlation_id'])
      .execute();
    for (const row of rows) next.set(`${row.sender} ${row.correlation_id}`, row.last + 1);
  }

  const outcomes: (Outcome | { accept: Arrival } | { sameAs: number })[] = [];
  const acceptedAt = new Map<string, number>();
  for (const arrival of arrivals) {
    const { envelope, hash } = arrival;
    const stored = earlier.get(envelope.id);
    const inBatch = acceptedAt.get(envelope.id);
    if (stored || inBatch !== undefined) {
      const sameContent = stored
        ? stored.message_hash === hash
        : (outcomes[inBatch!] as { accept: Arrival }).accept.hash === hash;
      if (!sameContent) {
        outcomes.push(
          new FederationRefusal(
            409,
            'envelope_conflict',
            `Envelope ${envelope.id} was accepted before with other content.`,
          ),
        );
      } else if (stored) {
        outcomes.push({ duplicate: true, envelope, receipt: parseStoredMessage(stored.receipt) });
      } else {
        outcomes.push({ sameAs: inBatch! });
      }
      continue;
    }
    if (options.readOnly) {
      outcomes.push(sequenceTaken(envelope));
      continue;
    }
    const expected = next.get(correlationKey(envelope)) ?? 1;
    if (envelope.sequence > expected) {
      outcomes.push(
        new FederationRefusal(
          409,
          'out_of_order',
          `Envelope ${envelope.sequence} of correlation ${envelope.correlationId} came before ${expected}; send that first.`,
        ),
      );
    } else if (envelope.sequence < expected) {
      outcomes.push(sequenceTaken(envelope));
    } else {
      next.set(correlationKey(envelope), expected + 1);
      acceptedAt.set(envelope.id, outcomes.length);
      outcomes.push({ accept: arrival });
    }
  }

  const accepted = outcomes.flatMap((o) => ('accept' in o ? [o.accept] : []));
  if (accepted.length > 0) {
    const self = federation.identity.nodeId;
    const receipts = await Promise.all(
      accepted.map(({ envelope, hash, key, now }) =>
        signReceipt(
          {
            envelopeId: envelope.id,
            envelopeHash: hash,
            envelopeSender: envelope.sender,
            receivedBy: self,
            acceptedAt: now.toISOString(),
            protocolVersion: PROTOCOL_VERSION,
          },
          key,
        ),
      ),
    );
    await trx
      .insertInto('federation_inbound')
      .values(
        accepted.map(({ envelope, hash, message, now }, i) => ({
          envelope_id: envelope.id,
          sender: envelope.sender,
          type: envelope.type,
          correlation_id: envelope.correlationId,
          sequence: envelope.sequence,
          created_at: new Date(envelope.createdAt),
          received_at: now,
          message: serialiseMessage(message),
          message_hash: hash,
          receipt: serialiseMessage(receipts[i]!),
        })),
      )
      .execute();
    for (const { envelope, now } of accepted) {
      await federation.types
        .handler(envelope.type)
        .handle(trx as Trx, envelope, { receivedAt: now });
    }
    const entries: LogEntry[] = accepted.flatMap(({ envelope, message, now }, i) => [
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
        message: receipts[i]!,
      },
    ]);
    await appendLogEntries(trx, entries);
    let i = 0;
    for (const [index, outcome] of outcomes.entries()) {
      if ('accept' in outcome) {
        outcomes[index] = {
          duplicate: false,
          envelope: outcome.accept.envelope,
          receipt: receipts[i]!,
        };
        i += 1;
      }
    }
  }
  return outcomes.map((outcome) => {
    if ('sameAs' in outcome) {
      const first = outcomes[outcome.sameAs] as Acceptance;
      return { ...first, duplicate: true };
    }
    return outcome as Outcome;
  });
}
