import { Type, type Static } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import { MAX_MESSAGE_BYTES } from './envelope.js';
import { NODE_ID_PATTERN } from './register.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** A signed message (envelope or receipt) in the flattened JWS JSON serialisation. */
export const SignedMessageBody = Strict({
  protected: Text(1000, { minLength: 1, pattern: '^[A-Za-z0-9_-]+$' }),
  payload: Text(Math.ceil((MAX_MESSAGE_BYTES * 4) / 3), {
    minLength: 1,
    pattern: '^[A-Za-z0-9_-]+$',
  }),
  signature: Text(200, { minLength: 1, pattern: '^[A-Za-z0-9_-]+$' }),
});

export const NodeInfo = Strict({
  nodeId: Text(40),
  country: Text(2),
  name: Text(200),
  protocolVersion: Type.Integer(),
  registerVersion: Nullable(Type.Integer()),
});

const OutboxState = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('dead'),
]);

export const PeerStatus = Strict({
  nodeId: Text(40),
  country: Text(2),
  name: Text(200),
  url: Text(500),
  reachable: Nullable(Type.Boolean()),
  lastContactAt: Nullable(Timestamp()),
  lastSuccessAt: Nullable(Timestamp()),
  lastError: Nullable(Text(1000)),
  lastDeliveryAt: Nullable(Timestamp()),
  pending: Type.Integer(),
  dead: Type.Integer(),
  oldestUndeliveredAt: Nullable(Timestamp()),
});
export type PeerStatus = Static<typeof PeerStatus>;

export const FederationStatus = Strict({
  configured: Type.Boolean(),
  node: Nullable(Strict({ nodeId: Text(40), country: Text(2), name: Text(200), url: Text(500) })),
  register: Nullable(
    Strict({
      version: Type.Integer(),
      issuedAt: Timestamp(),
      expiresAt: Timestamp(),
    }),
  ),
  /** Why no register is in force, when none is. */
  registerProblem: Nullable(Text(500)),
  peers: Type.Array(PeerStatus),
});
export type FederationStatus = Static<typeof FederationStatus>;

export const OutboxItem = Strict({
  envelopeId: Uuid(),
  recipient: Text(40),
  type: Text(64),
  correlationId: Uuid(),
  sequence: Type.Integer(),
  createdAt: Timestamp(),
  state: OutboxState,
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Timestamp()),
  lastAttemptAt: Nullable(Timestamp()),
  lastError: Nullable(Text(1000)),
  deliveredAt: Nullable(Timestamp()),
});
export type OutboxItem = Static<typeof OutboxItem>;

export const OutboxQuery = Strict({
  state: Type.Optional(OutboxState),
  peer: Type.Optional(Text(40, { pattern: NODE_ID_PATTERN })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  before: Type.Optional(Uuid()),
});
export type OutboxQuery = Static<typeof OutboxQuery>;

export const OutboxPage = Strict({ items: Type.Array(OutboxItem), nextBefore: Nullable(Uuid()) });

/** Any JSON: a decoded envelope or receipt, shown to the operator as it was signed. */
const Decoded = Type.Unknown();

export const OutboxDetail = Strict({
  item: OutboxItem,
  header: Decoded,
  envelope: Decoded,
  messageHash: Text(64),
  receipt: Decoded,
});

export const InboxItem = Strict({
  envelopeId: Uuid(),
  position: Type.Integer(),
  sender: Text(40),
  type: Text(64),
  correlationId: Uuid(),
  sequence: Type.Integer(),
  createdAt: Timestamp(),
  receivedAt: Timestamp(),
});
export type InboxItem = Static<typeof InboxItem>;

export const InboxQuery = Strict({
  peer: Type.Optional(Text(40, { pattern: NODE_ID_PATTERN })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type InboxQuery = Static<typeof InboxQuery>;

export const InboxPage = Strict({
  items: Type.Array(InboxItem),
  nextBefore: Nullable(Type.Integer()),
});

export const EnvelopeParams = Strict({ envelopeId: Uuid() });
export const PeerParams = Strict({ nodeId: Text(40, { pattern: NODE_ID_PATTERN }) });

export const PingBody = Strict({ note: Type.Optional(Text(200)) });
export const PingResult = Strict({ envelopeId: Uuid(), correlationId: Uuid() });
