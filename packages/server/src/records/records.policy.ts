import type { Actor } from '../kernel/policy/policy.js';
import { decide } from '../kernel/policy/policy.js';

/**
 * A restricted record (LED art. 16(3)) is shown only to those who answer for it:
 * the SPOCs of the agency that holds it, and the data protection officer.
 */
export function seesRestricted(actor: Actor, record: { holder_agency_id: string }): boolean {
  if (actor.roles.includes('dpo') && decide(actor, 'dpo.oversee').allowed) return true;
  return actor.roles.includes('spoc') && actor.agencyId === record.holder_agency_id;
}
