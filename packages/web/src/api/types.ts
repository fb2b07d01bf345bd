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
