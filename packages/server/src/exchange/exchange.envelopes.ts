import { Type, type Static, type TSchema } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import {
  ACCESSIBILITY,
  ATTACHMENT_TYPES,
  REFUSAL_GROUNDS,
  REQUEST_KINDS,
  REQUEST_STATES,
} from './exchange.model.js';
import { Item, RequestContent, type Subject } from './exchange.schemas.js';

/** One of a closed list of strings, typed as exactly those strings. */
const Enum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const CountryCode = Text(2, { pattern: '^[A-Z]{2}$' });

/**
 * What happens on a request, as the other side hears of it. The requesting
 * side sends `clarified`, `closed` and `message`; the requested side sends the
 * rest. An event from the wrong side is refused.
 */
export const EVENT_KINDS = [
  'sent',
  'received',
  'assigned',
  'accessibility',
  'clarification_requested',
  'clarified',
  'resumed',
  'partially_answered',
  'answered',
  'refused',
  'delayed',
  'closed',
  'message',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** `sent` travels only as `exchange.request`, never as an event of its own. */
export const REQUESTER_EVENTS: readonly EventKind[] = ['clarified', 'closed', 'message'];
export const REQUESTED_EVENTS: readonly EventKind[] = [
  'received',
  'assigned',
  'accessibility',
  'clarification_requested',
  'resumed',
  'partially_answered',
  'answered',
  'refused',
  'delayed',
  'closed',
  'message',
];

const WireItem = Strict({ ...Item.properties, id: Uuid() });
const WireAttachment = Strict({
  id: Uuid(),
  name: Text(200, { minLength: 1 }),
  mediaType: Enum(ATTACHMENT_TYPES),
  content: Text(300_000, { pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
});

export const WireEvent = Strict({
  id: Uuid(),
  kind: Enum(EVENT_KINDS),
  occurredAt: Timestamp(),
  actor: Nullable(Text(200)),
  agency: Nullable(Text(200)),
  stateAfter: Nullable(Enum(REQUEST_STATES)),
  text: Nullable(Text(20000)),
  refusalGround: Nullable(Enum(REFUSAL_GROUNDS)),
  accessibility: Nullable(Enum(ACCESSIBILITY)),
  /** The requested side's deadline after the event; null while paused or when none runs. */
  dueAt: Nullable(Timestamp()),
  deadlineClass: Nullable(Enum(['urgent_direct', 'urgent_indirect', 'standard'])),
  expectedAt: Nullable(Timestamp()),
  items: Type.Array(WireItem, { maxItems: 50 }),
  attachments: Type.Array(WireAttachment, { maxItems: 5 }),
});
export type WireEvent = Static<typeof WireEvent>;

/**
 * For records that did not start on the sending node: the node that first held
 * each, by record id (a record passed on keeps its origin).
 */
const Origins = Type.Optional(
  Type.Record(Type.String({ format: 'uuid' }), Text(40, { pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }), {
    maxProperties: 100,
  }),
);

/** `exchange.request`: a request, or information supplied without one, from the requesting node. */
export const RequestPayload = Strict({
  request: Strict({
    id: Uuid(),
    reference: Text(40, { pattern: '^[A-Z]{2}-[0-9]{4}-[0-9]{5,}$' }),
    kind: Enum(REQUEST_KINDS),
    requestingCountry: CountryCode,
    requestingAgency: Strict({ code: Text(40), name: Text(200) }),
    officer: Text(200),
    /** Whether the requesting agency's own SPOC has a copy (art. 4(1)). */
    spocCopied: Type.Boolean(),
    content: RequestContent,
  }),
  event: WireEvent,
  origins: Origins,
});
export type RequestPayload = Static<typeof RequestPayload>;

/** `exchange.event`: one step of a request already known to both nodes. */
export const EventPayload = Strict({
  requestId: Uuid(),
  event: WireEvent,
  origins: Origins,
});
export type EventPayload = Static<typeof EventPayload>;

export type WireSubject = Subject;
