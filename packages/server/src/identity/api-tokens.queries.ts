import type { DbOrTrx } from '../kernel/db/database.js';
import { USER_VIEW } from './users.queries.js';

export function findLiveApiToken(db: DbOrTrx, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select(USER_VIEW)
    .select(['t.id as token_id', 't.roles as token_roles', 't.last_used_at as token_last_used_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .where('a.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiToken(db: DbOrTrx, id: string, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}

export function listApiTokens(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('api_token')
    .select([
      'id',
      'user_id',
      'name',
      'roles',
      'created_at',
      'expires_at',
      'last_used_at',
      'revoked_at',
    ])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findApiTokenWithOwner(db: DbOrTrx, id: string) {
  return db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select([
      't.id',
      't.user_id',
      't.name',
      't.roles',
      't.created_at',
      't.expires_at',
      't.last_used_at',
      't.revoked_at',
      'u.agency_id',
      'a.country',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function insertApiToken(
  db: DbOrTrx,
  row: {
    id: string;
    token_hash: string;
    user_id: string;
    name: string;
    roles: string[];
    created_by: string;
    created_at: Date;
    expires_at: Date;
  },
): Promise<void> {
  await db
    .insertInto('api_token')
    .values({ ...row, last_used_at: null, revoked_at: null })
    .execute();
}

export async function revokeApiToken(db: DbOrTrx, id: string, now: Date): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
