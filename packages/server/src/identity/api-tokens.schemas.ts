import { Type, type Static } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import { RoleName, Roles, UserParams } from './users.schemas.js';

export const ApiToken = Strict({
  id: Uuid(),
  userId: Uuid(),
  name: Text(100),
  roles: Type.Array(RoleName),
  createdAt: Timestamp(),
  expiresAt: Timestamp(),
  lastUsedAt: Type.Union([Timestamp(), Type.Null()]),
  revoked: Type.Boolean(),
});
export type ApiToken = Static<typeof ApiToken>;

export const CreatedApiToken = Strict({
  token: Text(100, { description: 'The secret. It is shown this once and never again.' }),
  apiToken: ApiToken,
});

export const ApiTokenList = Strict({ items: Type.Array(ApiToken) });

export const CreateApiTokenBody = Strict({
  name: Text(100, { minLength: 1 }),
  roles: Roles,
  expiresInDays: Type.Integer({ minimum: 1, maximum: 366 }),
});
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>;

export const ApiTokenParams = Strict({ tokenId: Uuid() });
export { UserParams };
