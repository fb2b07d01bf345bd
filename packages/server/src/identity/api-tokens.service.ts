import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/audit-log.js';
import type { Db } from '../kernel/db/database.js';
import { hashToken, newSecretToken } from '../kernel/crypto/tokens.js';
import type { ActorContext } from '../kernel/http/context.js';
import { badRequest, notFound } from '../kernel/http/errors.js';
import { assertReach } from '../kernel/policy/guard.js';
import type { Role } from '../kernel/policy/roles.js';
import {
  findApiTokenWithOwner,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
} from './api-tokens.queries.js';
import type { ApiToken, CreateApiTokenBody } from './api-tokens.schemas.js';
import { findUserById } from './users.queries.js';

const DAY_MS = 86_400_000;

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  roles: string[];
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

function presentApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    roles: row.roles as Role[],
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revoked: row.revoked_at !== null,
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;

/** API tokens for machine clients: issued for a user, limited to some of its roles. */
export function createApiTokenService({ db }: { db: Db }) {
  async function userInReach(
    ctx: ActorContext,
    action: 'token.list' | 'token.create',
    userId: string,
  ) {
    const user = await findUserById(db, userId);
    if (!user) throw notFound('No such user.');
    assertReach(ctx, action, 'user', userId, {
      agencyId: user.agency_id,
      country: user.agency_country,
    });
    return user;
  }

  return {
    async list(ctx: ActorContext, userId: string): Promise<ApiToken[]> {
      await userInReach(ctx, 'token.list', userId);
      return (await listApiTokens(db, userId)).map(presentApiToken);
    },

    async create(
      ctx: ActorContext,
      userId: string,
      input: CreateApiTokenBody,
    ): Promise<{ token: string; apiToken: ApiToken }> {
      const user = await userInReach(ctx, 'token.create', userId);
      const notHeld = input.roles.filter((role) => !user.roles.includes(role));
      if (notHeld.length > 0) {
        throw badRequest(
          'role_not_held',
          `The user does not hold the role(s): ${notHeld.join(', ')}.`,
        );
      }
      const token = newSecretToken('snt');
      const now = new Date();
      const row = {
        id: uuidv7(),
        token_hash: hashToken(token),
        user_id: userId,
        name: input.name,
        roles: [...input.roles],
        created_by: ctx.actor.userId,
        created_at: now,
        expires_at: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      };
      await db.transaction().execute(async (trx) => {
        await insertApiToken(trx, row);
        await appendAudit(trx, ctx, {
          action: 'token.create',
          objectType: 'api_token',
          objectId: row.id,
          details: { userId, roles: row.roles.join(','), expiresInDays: input.expiresInDays },
        });
      });
      return { token, apiToken: presentApiToken({ ...row, last_used_at: null, revoked_at: null }) };
    },

    async revoke(ctx: ActorContext, tokenId: string): Promise<ApiToken> {
      const existing = await findApiTokenWithOwner(db, tokenId);
      if (!existing) throw notFound('No such token.');
      assertReach(ctx, 'token.revoke', 'api_token', tokenId, {
        agencyId: existing.agency_id,
        country: existing.country,
      });
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        await revokeApiToken(trx, tokenId, now);
        await appendAudit(trx, ctx, {
          action: 'token.revoke',
          objectType: 'api_token',
          objectId: tokenId,
        });
      });
      return presentApiToken({ ...existing, revoked_at: existing.revoked_at ?? now });
    },
  };
}
