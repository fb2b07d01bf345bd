import { Type, type Static } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import { AGENCY_KINDS } from '../kernel/policy/roles.js';

export const AgencyCode = Text(32, { pattern: '^[A-Z0-9][A-Z0-9-]{1,31}$' });
export const CountryCode = Text(2, { pattern: '^[A-Z]{2}$' });
export const AgencyKind = Type.Enum([...AGENCY_KINDS]);

export const Agency = Strict({
  id: Uuid(),
  code: AgencyCode,
  name: Text(200),
  country: CountryCode,
  kind: AgencyKind,
  isSpoc: Type.Boolean(),
  disabled: Type.Boolean(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type Agency = Static<typeof Agency>;

export const AgencyList = Strict({ items: Type.Array(Agency) });

export const CreateAgencyBody = Strict({
  code: AgencyCode,
  name: Text(200, { minLength: 1 }),
  country: CountryCode,
  kind: AgencyKind,
  isSpoc: Type.Optional(Type.Boolean()),
});
export type CreateAgencyBody = Static<typeof CreateAgencyBody>;

export const UpdateAgencyBody = Strict({
  name: Type.Optional(Text(200, { minLength: 1 })),
  kind: Type.Optional(AgencyKind),
  isSpoc: Type.Optional(Type.Boolean()),
  disabled: Type.Optional(Type.Boolean()),
});
export type UpdateAgencyBody = Static<typeof UpdateAgencyBody>;

export const AgencyParams = Strict({ agencyId: Uuid() });
