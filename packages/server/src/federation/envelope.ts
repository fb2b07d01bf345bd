import { Type, type Static, type TSchema } from 'typebox';
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../kernel/db/database.js';
import { AppError } from '../kernel/http/errors.js';
import { Strict, Text, Timestamp } from '../kernel/http/schema-types.js';
import { compileChecker, type Checked } from '../kernel/validation.js';
import {
  MESSAGE_TYPES,
  messageHash,
  readHeader,
  signMessage,
  verifyMessage,
  type SignedMessage,
} from './jws.js';
import type { SigningKey } from './keys.js';
import { NODE_ID_PATTERN, PROTOCOL_VERSION, keyValidAt, type Register } from './register.js';

/** The largest signed envelope a node accepts, in bytes of its JSON form. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** How far ahead of the receiver's clock a sender's clock may run. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const UUID_V7 = '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const NodeId = () => Text(40, { pattern: NODE_ID_PATTERN });

export const EnvelopeSchema = Strict({
  id: Text(36, { pattern: UUID_V7 }),
  type: Text(64, { pattern: '^[a-z][a-z0-9.-]{0,63}$' }),
  sender: NodeId(),
  recipient: NodeId(),
  createdAt: Timestamp(),
  correlationId: Text(36, { pattern: UUID }),
  sequence: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  protocolVersion: Type.Integer({ minimum: 1 }),
  payload: Type.Object({}, { additionalProperties: true }),
});
export type Envelope = Static<typeof EnvelopeSchema>;

export const ReceiptSchema = Strict({
  envelopeId: Text(36, { pattern: UUID_V7 }),
  envelopeHash: Text(64, { pattern: '^[0-9a-f]{64}$' }),
  envelopeSender: NodeId(),
  receivedBy: NodeId(),
  acceptedAt: Timestamp(),
  protocolVersion: Type.Integer({ minimum: 1 }),
});
export type Receipt = Static<typeof ReceiptSchema>;

const checkEnvelope = compileChecker(EnvelopeSchema);
const checkReceipt = compileChecker(ReceiptSchema);

/** A refusal of a message from a peer: problem+json with a stable code, no effect. */
export class FederationRefusal extends AppError {
  constructor(status: number, code: string, message: string) {
    super(status, code, message);
    this.name = 'FederationRefusal';
  }
}

/** What a capability declares for each envelope type it sends or receives. */
export interface EnvelopeType<S extends TSchema = TSchema> {
  /** The schema of the payload; a payload that does not match is refused. */
  payload: S;
  /**
   * Applies an accepted envelope, inside the transaction that records it. A
   * FederationRefusal thrown here refuses the envelope with its code; anything
   * else is a failure the sender retries.
   */
  handle(
    trx: Trx,
    envelope: Envelope & { payload: Static<S> },
    arrival?: { receivedAt: Date },
  ): Promise<void>;
}

/** The closed list of envelope types a node understands. */
export class EnvelopeTypes {
  private readonly types = new Map<
    string,
    { type: EnvelopeType; check: (value: unknown) => Checked<unknown> }
  >();

  define<S extends TSchema>(name: string, type: EnvelopeType<S>): this {
    if (this.types.has(name)) throw new Error(`envelope type ${name} is defined twice`);
    this.types.set(name, {
      type: type,
      check: compileChecker(type.payload),
    });
    return this;
  }

  has(name: string): boolean {
    return this.types.has(name);
  }

  names(): string[] {
    return [...this.types.keys()].sort();
  }

  /** Checks a payload for its type; null when it is valid, otherwise what is wrong. */
  checkPayload(name: string, payload: unknown): string | null {
    const entry = this.types.get(name);
    if (!entry) return `unknown envelope type "${name}"`;
    const checked = entry.check(payload);
    return checked.ok ? null : `payload ${checked.error}`;
  }

  handler(name: string): EnvelopeType {
    const entry = this.types.get(name);
    if (!entry) throw new Error(`unknown envelope type ${name}`);
    return entry.type;
  }
}

export interface NewEnvelope {
  type: string;
  sender: string;
  recipient: string;
  correlationId: string;
  sequence: number;
  payload: Record<string, unknown>;
}

export async function sealEnvelope(
  draft: NewEnvelope,
  key: SigningKey,
  now: Date,
): Promise<{ envelope: Envelope; message: SignedMessage; hash: string }> {
  const envelope: Envelope = {
    id: uuidv7({ msecs: now.getTime() }),
    type: draft.type,
    sender: draft.sender,
    recipient: draft.recipient,
    createdAt: now.toISOString(),
    correlationId: draft.correlationId,
    sequence: draft.sequence,
    protocolVersion: PROTOCOL_VERSION,
    payload: draft.payload,
  };
  const message = await signMessage(MESSAGE_TYPES.envelope, envelope, key);
  return { envelope, message, hash: messageHash(message) };
}

const refuse = (status: number, code: string, message: string) =>
  new FederationRefusal(status, code, message);

/**
 * Verifies a received envelope, in the order the protocol prescribes: a known
 * key of a registered node, a valid signature, a well-formed envelope from
 * that node, the protocol version, addressed to this node, a key valid when
 * it was signed, a known type and a valid payload. Throws a FederationRefusal.
 */
export async function openEnvelope(
  message: SignedMessage,
  context: { register: Register; self: string; now: Date; types: EnvelopeTypes },
): Promise<{ envelope: Envelope; hash: string }> {
  const { register, self, now, types } = context;
  const header = readHeader(message);
  if (!header || header.typ !== MESSAGE_TYPES.envelope) {
    throw refuse(400, 'malformed_envelope', 'The protected header is not that of an envelope.');
  }
  const key = register.key(header.kid);
  if (!key) {
    throw refuse(
      403,
      'unknown_sender',
      `The signing key ${header.kid} belongs to no node in register version ${register.version}.`,
    );
  }
  const content = await verifyMessage(message, key.key);
  if (content === null) {
    throw refuse(401, 'invalid_signature', 'The envelope signature is not valid.');
  }
  const checked = checkEnvelope(content);
  if (!checked.ok) {
    throw refuse(400, 'malformed_envelope', `The envelope is not well formed: ${checked.error}.`);
  }
  const envelope = checked.value;
  if (envelope.sender !== key.nodeId) {
    throw refuse(
      403,
      'sender_mismatch',
      `The envelope claims to come from ${envelope.sender} but is signed with a key of ${key.nodeId}.`,
    );
  }
  if (envelope.protocolVersion !== PROTOCOL_VERSION) {
    throw refuse(
      400,
      'unsupported_protocol',
      `Protocol version ${envelope.protocolVersion} is not spoken here (this node speaks ${PROTOCOL_VERSION}).`,
    );
  }
  if (envelope.recipient !== self) {
    throw refuse(
      421,
      'wrong_recipient',
      `The envelope is addressed to ${envelope.recipient}, and this node is ${self}.`,
    );
  }
  const createdAt = new Date(envelope.createdAt);
  if (createdAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw refuse(400, 'clock_skew', 'The envelope was created in the future; check the clocks.');
  }
  if (!keyValidAt(key, createdAt)) {
    throw refuse(
      403,
      'key_not_valid',
      `The key ${key.kid} of ${key.nodeId} was not valid when the envelope was signed.`,
    );
  }
  if (!types.has(envelope.type)) {
    throw refuse(
      400,
      'unknown_envelope_type',
      `Unknown envelope type "${envelope.type}"; this node accepts ${types.names().join(', ')}.`,
    );
  }
  const problem = types.checkPayload(envelope.type, envelope.payload);
  if (problem !== null) {
    throw refuse(400, 'invalid_payload', `The ${envelope.type} ${problem}.`);
  }
  return { envelope, hash: messageHash(message) };
}

export async function signReceipt(receipt: Receipt, key: SigningKey): Promise<SignedMessage> {
  return signMessage(MESSAGE_TYPES.receipt, receipt, key);
}

/**
 * Verifies a peer's receipt for an envelope this node sent: signed by a key of
 * the recipient valid when it was issued, naming this envelope and its hash.
 * Returns null and the reason when it does not hold.
 */
export async function openReceipt(
  message: SignedMessage,
  expected: {
    register: Register;
    envelopeId: string;
    envelopeHash: string;
    peer: string;
    self: string;
  },
): Promise<Checked<Receipt>> {
  const header = readHeader(message);
  if (!header || header.typ !== MESSAGE_TYPES.receipt) {
    return { ok: false, error: 'the receipt header is not that of a receipt' };
  }
  const key = expected.register.key(header.kid);
  if (!key || key.nodeId !== expected.peer) {
    return {
      ok: false,
      error: `the receipt is signed with ${header.kid}, not a key of ${expected.peer}`,
    };
  }
  const content = await verifyMessage(message, key.key);
  if (content === null) return { ok: false, error: 'the receipt signature is not valid' };
  const checked = checkReceipt(content);
  if (!checked.ok) return { ok: false, error: `the receipt is not well formed: ${checked.error}` };
  const receipt = checked.value;
  if (
    receipt.envelopeId !== expected.envelopeId ||
    receipt.envelopeHash !== expected.envelopeHash ||
    receipt.receivedBy !== expected.peer ||
    receipt.envelopeSender !== expected.self ||
    receipt.protocolVersion !== PROTOCOL_VERSION
  ) {
    return { ok: false, error: 'the receipt is for another envelope' };
  }
  if (!keyValidAt(key, new Date(receipt.acceptedAt))) {
    return { ok: false, error: `the key ${key.kid} was not valid when the receipt was signed` };
  }
  return { ok: true, value: receipt };
}
