import type { AgencyRow } from '../kernel/db/schema.js';
import type { AgencyKind } from '../kernel/policy/roles.js';
import type { Agency } from './agencies.schemas.js';

export function presentAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    country: row.country,
    kind: row.kind as AgencyKind,
    isSpoc: row.is_spoc,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
