import { v7 as uuidv7 } from 'uuid';
import { appendAudit, type AuditContext } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { Db } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import { conflict, forbidden, isUniqueViolation, notFound } from '../kernel/http/errors.js';
import { assertReach } from '../kernel/policy/guard.js';
import { canReach, reachFilter } from '../kernel/policy/policy.js';
import { findAgencyById } from './agencies.queries.js';
import { hashPassword } from './passwords.js';
import { revokeUserSessions } from './sessions.queries.js';
import { presentUser } from './users.presenter.js';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  updateUser,
} from './users.queries.js';
import type { CreateUserBody, UpdateUserBody, User, UserListQuery } from './users.schemas.js';

export type UserService = ReturnType<typeof createUserService>;

export function createUserService({ db, audit }: { db: Db; audit: AuditWriter }) {
  async function loadInReach(
    ctx: ActorContext,
    action: 'user.read' | 'user.update' | 'user.reset-second-factor',
    id: string,
  ) {
    const row = await findUserById(db, id);
    if (!row) throw notFound('No such user.');
    assertReach(ctx, action, 'user', id, {
      agencyId: row.agency_id,
      country: row.agency_country,
      userId: row.id,
    });
    return row;
  }

  return {
    async list(ctx: ActorContext, query: UserListQuery): Promise<{ items: User[]; total: number }> {
      const reach = reachFilter(ctx.actor, 'user.list');
      if (reach === null) throw forbidden();
      // Asking for another agency than the one in reach finds nothing, as if it were empty.
      const outsideReach =
        query.agencyId !== undefined &&
        reach.agencyId !== undefined &&
        reach.agencyId !== query.agencyId;
      const { rows, total } = outsideReach
        ? { rows: [], total: 0 }
        : await listUsers(db, {
            ...reach,
            ...(query.agencyId !== undefined && { agencyId: query.agencyId }),
            ...(query.q !== undefined && { search: query.q }),
            limit: query.limit ?? 50,
            offset: query.offset ?? 0,
          });
      await audit.record(ctx, {
        action: 'user.list',
        objectType: 'user',
        details: { returned: rows.length, ...(query.q !== undefined && { search: query.q }) },
      });
      return { items: rows.map(presentUser), total };
    },

    async get(ctx: ActorContext, id: string): Promise<User> {
      const row = await loadInReach(ctx, 'user.read', id);
      await audit.record(ctx, { action: 'user.read', objectType: 'user', objectId: id });
      return presentUser(row);
    },

    async create(ctx: ActorContext, input: CreateUserBody): Promise<User> {
      const agency = await findAgencyById(db, input.agencyId);
      if (
        !agency ||
        !canReach(ctx.actor, 'user.create', { agencyId: agency.id, country: agency.country })
      ) {
        throw notFound('No such agency.');
      }
      if (agency.disabled_at !== null) {
        throw conflict('agency_disabled', 'Users cannot be added to a disabled agency.');
      }
      return createUserRecord(db, ctx, input, agency.code);
    },

    async update(ctx: ActorContext, id: string, input: UpdateUserBody): Promise<User> {
      const current = await loadInReach(ctx, 'user.update', id);
      const isSelf = id === ctx.actor.userId;
      if (isSelf && (input.disabled === true || (input.roles && !input.roles.includes('admin')))) {
        throw conflict(
          'cannot_change_own_access',
          'You cannot disable your own account or remove your own administrator role.',
        );
      }
      const passwordHash =
        input.password !== undefined ? await hashPassword(input.password) : undefined;
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, id, {
          ...(input.displayName !== undefined && { display_name: input.displayName }),
          ...(input.roles !== undefined && { roles: [...input.roles] }),
          ...(input.language !== undefined && { language: input.language }),
          ...(input.disabled !== undefined && {
            disabled_at: input.disabled ? (current.disabled_at ?? now) : null,
          }),
          ...(passwordHash !== undefined && { password_hash: passwordHash }),
          updated_at: now,
        });
        // A disabled account, a new password or new roles end the sessions that exist.
        if (input.disabled === true || passwordHash !== undefined || input.roles !== undefined) {
          await revokeUserSessions(trx, id, now, isSelf ? ctx.actor.sessionId : undefined);
        }
        await appendAudit(trx, ctx, {
          action: 'user.update',
          objectType: 'user',
          objectId: id,
          details: {
            changed: Object.keys(input).sort().join(','),
            ...(input.roles !== undefined && { roles: input.roles.join(',') }),
            ...(input.disabled !== undefined && { disabled: input.disabled }),
          },
        });
      });
      const updated = await findUserById(db, id);
      if (!updated) throw notFound('No such user.');
      return presentUser(updated);
    },

    async resetSecondFactor(ctx: ActorContext, id: string): Promise<User> {
      await loadInReach(ctx, 'user.reset-second-factor', id);
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, id, {
          totp_secret_sealed: null,
          totp_pending_secret_sealed: null,
          totp_enrolled_at: null,
          totp_last_time_step: null,
          updated_at: now,
        });
        await revokeUserSessions(
          trx,
          id,
          now,
          id === ctx.actor.userId ? ctx.actor.sessionId : undefined,
        );
        await appendAudit(trx, ctx, {
          action: 'user.reset-second-factor',
          objectType: 'user',
          objectId: id,
        });
      });
      const updated = await findUserById(db, id);
      if (!updated) throw notFound('No such user.');
      return presentUser(updated);
    },
  };
}

/**
 * Creates a user and its audit entry in one transaction. The caller has already
 * decided that it may: the API through the policy, the CLI as operator.
 */
export async function createUserRecord(
  db: Db,
  context: AuditContext,
  input: CreateUserBody,
  agencyCode: string,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const id = uuidv7();
  try {
    await db.transaction().execute(async (trx) => {
      if (await findUserByUsername(trx, input.username)) throw usernameTaken();
      await insertUser(trx, {
        id,
        username: input.username,
        display_name: input.displayName,
        agency_id: input.agencyId,
        roles: [...input.roles],
        language: input.language,
        password_hash: passwordHash,
        totp_secret_sealed: null,
        totp_pending_secret_sealed: null,
        totp_enrolled_at: null,
        totp_last_time_step: null,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      });
      await appendAudit(trx, context, {
        action: 'user.create',
        objectType: 'user',
        objectId: id,
        details: { username: input.username, agency: agencyCode, roles: input.roles.join(',') },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw usernameTaken();
    throw error;
  }
  const created = await findUserById(db, id);
  if (!created) throw new Error('The new user could not be read back');
  return presentUser(created);
}

const usernameTaken = () => conflict('username_taken', 'This username is already in use.');
