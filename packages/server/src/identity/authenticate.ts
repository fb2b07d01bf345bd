import type { Db } from '../kernel/db/database.js';
import { hashToken } from '../kernel/crypto/tokens.js';
import type { Actor } from '../kernel/policy/policy.js';
import { isRole, requiresSecondFactor } from '../kernel/policy/roles.js';
import { findLiveSession, touchSession } from './sessions.queries.js';
import { findLiveApiToken, touchApiToken } from './api-tokens.queries.js';
import type { UserView } from './users.queries.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The actor behind a request, and the user record it was resolved from. */
export interface Authenticated {
  actor: Actor;
  user: UserView;
}

export type Authenticator = ReturnType<typeof createAuthenticator>;

/** Resolves the actor behind a session cookie or an API token; null when neither is valid. */
export function createAuthenticator({ db }: { db: Db }) {
  return {
    async fromSessionToken(token: string): Promise<Authenticated | null> {
      const now = new Date();
      const session = await findLiveSession(db, hashToken(token), now);
      if (!session) return null;
      const idleMs = now.getTime() - session.session_last_seen_at.getTime();
      if (idleMs > SESSION_IDLE_MS) return null;
      if (idleMs > TOUCH_INTERVAL_MS) await touchSession(db, session.session_id, now);
      const roles = session.roles.filter(isRole);
      return {
        user: session,
        actor: {
          kind: 'session',
          userId: session.id,
          username: session.username,
          displayName: session.display_name,
          agencyId: session.agency_id,
          country: session.agency_country,
          roles,
          language: session.language,
          secondFactorSatisfied: session.second_factor_verified || !requiresSecondFactor(roles),
          sessionId: session.session_id,
        },
      };
    },

    async fromApiToken(token: string): Promise<Authenticated | null> {
      const now = new Date();
      const record = await findLiveApiToken(db, hashToken(token), now);
      if (!record) return null;
      const lastUsed = record.token_last_used_at;
      if (lastUsed === null || now.getTime() - lastUsed.getTime() > TOUCH_INTERVAL_MS) {
        await touchApiToken(db, record.token_id, now);
      }
      // A token carries the roles it was given, as long as its user still has them.
      const roles = record.token_roles.filter((r) => record.roles.includes(r)).filter(isRole);
      return {
        user: record,
        actor: {
          kind: 'token',
          userId: record.id,
          username: record.username,
          displayName: record.display_name,
          agencyId: record.agency_id,
          country: record.agency_country,
          roles,
          language: record.language,
          secondFactorSatisfied: true,
          tokenId: record.token_id,
        },
      };
    },
  };
}
