import { Type, type Static } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import { LANGUAGES, ROLES } from '../kernel/policy/roles.js';
import { AgencyCode, CountryCode } from './agencies.schemas.js';
import { PASSWORD_MAX_LENGTH } from './passwords.js';

export const Username = Text(64, { pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' });
export const RoleName = Type.Enum([...ROLES]);
export const Roles = Type.Array(RoleName, {
  minItems: 1,
  maxItems: ROLES.length,
  uniqueItems: true,
});
export const Language = Type.Enum([...LANGUAGES]);
export const Password = Text(PASSWORD_MAX_LENGTH, { minLength: 1 });

export const AgencySummary = Strict({
  id: Uuid(),
  code: AgencyCode,
  name: Text(200),
  country: CountryCode,
});

export const User = Strict({
  id: Uuid(),
  username: Username,
  displayName: Text(200),
  agency: AgencySummary,
  roles: Type.Array(RoleName),
  language: Language,
  secondFactorEnrolled: Type.Boolean(),
  disabled: Type.Boolean(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type User = Static<typeof User>;

export const UserList = Strict({
  items: Type.Array(User),
  total: Type.Integer({ minimum: 0 }),
});

export const UserListQuery = Strict({
  agencyId: Type.Optional(Uuid()),
  q: Type.Optional(Text(100)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
export type UserListQuery = Static<typeof UserListQuery>;

export const CreateUserBody = Strict({
  username: Username,
  displayName: Text(200, { minLength: 1 }),
  agencyId: Uuid(),
  roles: Roles,
  language: Language,
  password: Password,
});
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Strict({
  displayName: Type.Optional(Text(200, { minLength: 1 })),
  roles: Type.Optional(Roles),
  language: Type.Optional(Language),
  disabled: Type.Optional(Type.Boolean()),
  password: Type.Optional(Password),
});
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserParams = Strict({ userId: Uuid() });
