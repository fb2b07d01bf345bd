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

/** Roles that may not act before a second factor is enrolled and verified. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'dpo', 'spoc'];

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

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function requiresSecondFactor(roles: readonly string[]): boolean {
  return roles.some((role) => (SECOND_FACTOR_ROLES as readonly string[]).includes(role));
}
