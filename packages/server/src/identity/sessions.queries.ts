import type { DbOrTrx } from '../kernel/db/database.js';
import { precompile } from '../kernel/db/precompiled.js';
import { USER_VIEW, type UserView } from './users.queries.js';

export interface SessionRecord extends UserView {
  session_id: string;
  second_factor_verified: boolean;
  session_last_seen_at: Date;
}

// Every authenticated request runs this query, so it is compiled once.
const liveSessionQuery = precompile(['tokenHash', 'now'] as const, (qb, p) =>
  qb
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select(USER_VIEW)
    .select([
      's.id as session_id',
      's.second_factor_verified',
      's.last_seen_at as session_last_seen_at',
    ])
    .where('s.token_hash', '=', p.tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', p.now as unknown as Date)
    .where('u.disabled_at', 'is', null)
    .where('a.disabled_at', 'is', null),
);

/**
 * The live session with this token hash, with its user and agency, in one query:
 * everything a request needs to know about who is asking.
 */
export async function findLiveSession(
  db: DbOrTrx,
  tokenHash: string,
  now: Date,
): Promise<SessionRecord | undefined> {
  const { rows } = await db.executeQuery(liveSessionQuery({ tokenHash, now }));
  return rows[0];
}

export async function insertSession(
  db: DbOrTrx,
  row: {
    id: string;
    token_hash: string;
    user_id: string;
    second_factor_verified: boolean;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
  },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({ ...row, revoked_at: null })
    .execute();
}

export async function touchSession(db: DbOrTrx, id: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function markSessionSecondFactorVerified(db: DbOrTrx, id: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ second_factor_verified: true })
    .where('id', '=', id)
    .execute();
}

export async function revokeSession(db: DbOrTrx, id: string, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a user, except the one given (the actor's own, when it changes itself). */
export async function revokeUserSessions(
  db: DbOrTrx,
  userId: string,
  now: Date,
  exceptSessionId?: string,
): Promise<void> {
  let query = db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}
