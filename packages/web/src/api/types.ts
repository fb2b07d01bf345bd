export const ROLES = [
  'officer',
  'spoc',
  'analyst',
  'supervisor',
  'dpo',
  'admin',
  'editor',
] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const AGENCY_KINDS = [
  'police',
  'justice',
  'administrative',
  'border_immigration',
  'customs',
  'inspection',
  'victim_support',
  'secretariat',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

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
