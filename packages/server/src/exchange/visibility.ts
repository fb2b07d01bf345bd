import type { Actor } from '../kernel/policy/policy.js';

/**
 * Who sees a request on this node (need to know): its owner agency, the agency
 * copied (the national SPOC), and the user it is assigned to. Seeing a request is
 * the context in which its subjects may be read.
 */
export const seesRequest = (
  actor: Pick<Actor, 'agencyId' | 'userId'>,
  row: { owner_agency_id: string; copy_agency_id: string | null; assignee_id: string | null },
) =>
  actor.agencyId === row.owner_agency_id ||
  actor.agencyId === row.copy_agency_id ||
  actor.userId === row.assignee_id;
