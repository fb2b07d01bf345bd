import type { Language, Role } from '../kernel/policy/roles.js';
import type { UserView } from './users.queries.js';
import type { User } from './users.schemas.js';

export function presentUser(row: UserView): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    agency: {
      id: row.agency_id,
      code: row.agency_code,
      name: row.agency_name,
      country: row.agency_country,
    },
    roles: row.roles as Role[],
    language: row.language as Language,
    secondFactorEnrolled: row.second_factor_enrolled,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
