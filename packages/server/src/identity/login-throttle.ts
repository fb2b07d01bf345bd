import { sql } from 'kysely';
import type { DbOrTrx } from '../kernel/db/database.js';

export interface ThrottleLimits {
  /** Failures that lock an account name. */
  maxFailuresPerAccount: number;
  /** Failures that lock a client address (many accounts tried from one place). */
  maxFailuresPerAddress: number;
  windowMs: number;
  lockoutMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
};

// Keys are the account name as typed (existing or not, so that a lockout says
// nothing about existence) and the client address.
export const accountKey = (username: string) => `account:${username.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** Seconds until the later of the locks on these keys ends, or 0 when none holds. */
export async function secondsLocked(db: DbOrTrx, keys: string[], now: Date): Promise<number> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .execute();
  const until = Math.max(0, ...rows.map((r) => r.locked_until?.getTime() ?? 0));
  return until === 0 ? 0 : Math.ceil((until - now.getTime()) / 1000);
}

/** Counts a failure against a key; locks it once its limit is reached within the window. */
export async function recordFailure(
  db: DbOrTrx,
  key: string,
  maxFailures: number,
  limits: ThrottleLimits,
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - limits.windowMs);
  const lockedUntil = new Date(now.getTime() + limits.lockoutMs);
  await db
    .insertInto('login_throttle')
    .values({
      key,
      failures: 1,
      window_started_at: now,
      locked_until: maxFailures <= 1 ? lockedUntil : null,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when login_throttle.window_started_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql`case when login_throttle.window_started_at < ${windowStart} then ${now} else login_throttle.window_started_at end`,
        locked_until: sql`case
          when (case when login_throttle.window_started_at < ${windowStart} then 1 else login_throttle.failures + 1 end) >= ${maxFailures}
          then ${lockedUntil}::timestamptz else login_throttle.locked_until end`,
      }),
    )
    .execute();
}

export async function clearFailures(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
