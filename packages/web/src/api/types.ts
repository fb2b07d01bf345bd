// The closed lists come from the server, so that the two never disagree.
export {
  AGENCY_KINDS,
  LANGUAGES,
  ROLES,
  type AgencyKind,
  type Language,
  type Role,
} from '@senningen/server/roles';
import type { Language, Role, AgencyKind } from '@senningen/server/roles';

export interface Agency {
  id: string;
  code: string;
  name: string;
  country: string;
  kind: AgencyKind;
  isSpoc: boolean;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  agency: { id: string; code: string; name: string; country: string };
  roles: Role[];
  language: Language;
  secondFactorEnrolled: boolean;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Me {
  user: User;
  secondFactorRequired: boolean;
  secondFactorSatisfied: boolean;
  csrfToken?: string;
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export const OUTCOMES = ['success', 'denied', 'failure'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface AuditEntry {
  seq: number;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorAgencyId: string | null;
  actorCountry: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: Outcome;
  clientAddress: string | null;
  requestId: string | null;
  purpose: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export interface FederationNode {
  nodeId: string;
  country: string;
  name: string;
  url: string;
}

export interface PeerStatus extends FederationNode {
  /** null: not yet contacted. */
  reachable: boolean | null;
  lastContactAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastDeliveryAt: string | null;
  pending: number;
  dead: number;
  oldestUndeliveredAt: string | null;
}

export interface FederationStatus {
  configured: boolean;
  node: FederationNode | null;
  register: { version: number; issuedAt: string; expiresAt: string } | null;
  /** Why no register is in force, when none is. */
  registerProblem: string | null;
  peers: PeerStatus[];
}

export const OUTBOX_STATES = ['pending', 'dead', 'delivered'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxItem {
  envelopeId: string;
  recipient: string;
  type: string;
  correlationId: string;
  sequence: number;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

/** A receipt as the receiving node signed it. */
export interface Receipt {
  envelopeId: string;
  envelopeHash: string;
  envelopeSender: string;
  receivedBy: string;
  acceptedAt: string;
  protocolVersion: number;
}

/** One outgoing envelope as it was signed, with its receipt once delivered. */
export interface OutboxDetail {
  item: OutboxItem;
  header: unknown;
  envelope: unknown;
  messageHash: string;
  receipt: Receipt | null;
}

export interface InboxItem {
  envelopeId: string;
  position: number;
  sender: string;
  type: string;
  correlationId: string;
  sequence: number;
  createdAt: string;
  receivedAt: string;
}
