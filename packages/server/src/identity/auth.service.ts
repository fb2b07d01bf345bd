import { v7 as uuidv7 } from 'uuid';
import { appendAudit, type AuditContext } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { Db } from '../kernel/db/database.js';
import type { SecretBox } from '../kernel/crypto/secret-box.js';
import { hashToken, hmac, newSecretToken } from '../kernel/crypto/tokens.js';
import type { ActorContext } from '../kernel/http/context.js';
import {
  AppError,
  badRequest,
  conflict,
  notFound,
  tooManyRequests,
} from '../kernel/http/errors.js';
import { requiresSecondFactor } from '../kernel/policy/roles.js';
import { SESSION_MAX_MS } from './authenticate.js';
import {
  DEFAULT_THROTTLE,
  accountKey,
  addressKey,
  clearFailures,
  recordFailure,
  secondsLocked,
  type ThrottleLimits,
} from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { checkCode, startEnrolment, type Enrolment } from './second-factor.js';
import {
  insertSession,
  markSessionSecondFactorVerified,
  revokeSession,
  revokeUserSessions,
} from './sessions.queries.js';
import { presentUser } from './users.presenter.js';
import { findUserById, findUserByUsername, updateUser, type UserView } from './users.queries.js';
import type { User } from './users.schemas.js';

export interface MeView {
  user: User;
  secondFactorRequired: boolean;
  secondFactorSatisfied: boolean;
  csrfToken?: string;
}

export interface LoginResult {
  sessionToken: string;
  expiresAt: Date;
  me: MeView;
}

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'The username or password is incorrect.');

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService({
  db,
  audit,
  secretBox,
  csrfKey,
  throttle = DEFAULT_THROTTLE,
}: {
  db: Db;
  audit: AuditWriter;
  secretBox: SecretBox;
  /** Key from which each session's CSRF token is derived. */
  csrfKey: Buffer;
  throttle?: ThrottleLimits;
}) {
  const csrfTokenFor = (sessionToken: string) => hmac(csrfKey, 'csrf', sessionToken);

  async function loadMe(ctx: ActorContext): Promise<MeView> {
    const row = await findUserById(db, ctx.actor.userId);
    if (!row) throw notFound();
    return {
      user: presentUser(row),
      secondFactorRequired: requiresSecondFactor(row.roles),
      secondFactorSatisfied: ctx.actor.secondFactorSatisfied,
    };
  }

  async function fail(
    context: AuditContext,
    username: string,
    userId: string | undefined,
    reason: string,
  ) {
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      await recordFailure(trx, accountKey(username), throttle.maxFailuresPerAccount, throttle, now);
      if (context.clientAddress) {
        await recordFailure(
          trx,
          addressKey(context.clientAddress),
          throttle.maxFailuresPerAddress,
          throttle,
          now,
        );
      }
      await appendAudit(trx, context, {
        action: 'auth.login',
        outcome: 'failure',
        ...(userId !== undefined && { objectType: 'user', objectId: userId }),
        details: { reason },
      });
    });
  }

  return {
    csrfTokenFor,

    /** Checks a CSRF token sent with a state change against the session's cookie. */
    csrfTokenMatches(sessionToken: string, sent: string | undefined): boolean {
      return (
        sent !== undefined &&
        sent.length < 200 &&
        hashToken(sent) === hashToken(csrfTokenFor(sessionToken))
      );
    },

    async login(
      context: AuditContext,
      input: { username: string; password: string; totp?: string | undefined },
    ): Promise<LoginResult> {
      const keys = [accountKey(input.username)];
      if (context.clientAddress) keys.push(addressKey(context.clientAddress));
      const lockedFor = await secondsLocked(db, keys, new Date());
      if (lockedFor > 0) {
        await audit.record(context, {
          action: 'auth.login',
          outcome: 'denied',
          details: { reason: 'locked' },
        });
        throw tooManyRequests(
          'login_locked',
          'Too many failed sign-ins. Wait before trying again.',
          lockedFor,
        );
      }

      const user = await findUserByUsername(db, input.username);
      const usable =
        user !== undefined && user.disabled_at === null && user.agency_disabled_at === null;
      const passwordOk = await verifyPassword(
        usable ? user.password_hash : undefined,
        input.password,
      );
      if (!usable || !passwordOk) {
        await fail(context, input.username, user?.id, usable ? 'password' : 'account');
        throw invalidCredentials();
      }

      const enrolled = user.totp_secret_sealed !== null;
      let timeStep: number | undefined;
      if (enrolled) {
        if (input.totp === undefined) {
          throw new AppError(
            401,
            'second_factor_missing',
            'Enter the code from your authenticator app.',
          );
        }
        timeStep = await checkCode(
          secretBox.open(user.totp_secret_sealed!),
          input.totp,
          user.totp_last_time_step,
        );
        if (timeStep === undefined) {
          await fail(context, input.username, user.id, 'second_factor');
          throw new AppError(401, 'invalid_second_factor', 'The authentication code is not valid.');
        }
      }

      const sessionToken = newSecretToken('sns');
      const now = new Date();
      const expiresAt = new Date(now.getTime() + SESSION_MAX_MS);
      const sessionId = uuidv7();
      const actorContext: ActorContext = {
        ...context,
        actor: {
          kind: 'session',
          userId: user.id,
          username: user.username,
          displayName: user.display_name,
          agencyId: user.agency_id,
          country: user.agency_country,
          roles: user.roles as ActorContext['actor']['roles'],
          language: user.language,
          secondFactorSatisfied: enrolled || !requiresSecondFactor(user.roles),
          sessionId,
        },
      };
      await db.transaction().execute(async (trx) => {
        await clearFailures(trx, accountKey(input.username));
        if (timeStep !== undefined) {
          await updateUser(trx, user.id, { totp_last_time_step: timeStep });
        }
        await insertSession(trx, {
          id: sessionId,
          token_hash: hashToken(sessionToken),
          user_id: user.id,
          second_factor_verified: enrolled,
          created_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
        });
        await appendAudit(trx, actorContext, {
          action: 'auth.login',
          objectType: 'user',
          objectId: user.id,
          details: { secondFactor: enrolled },
        });
      });
      return {
        sessionToken,
        expiresAt,
        me: {
          user: presentUser(user),
          secondFactorRequired: requiresSecondFactor(user.roles),
          secondFactorSatisfied: actorContext.actor.secondFactorSatisfied,
          csrfToken: csrfTokenFor(sessionToken),
        },
      };
    },

    async logout(ctx: ActorContext): Promise<void> {
      const sessionId = ctx.actor.sessionId;
      if (sessionId === undefined) {
        throw badRequest('not_a_session', 'Only a signed-in session can be signed out.');
      }
      await db.transaction().execute(async (trx) => {
        await revokeSession(trx, sessionId, new Date());
        await appendAudit(trx, ctx, {
          action: 'auth.logout',
          objectType: 'session',
          objectId: sessionId,
        });
      });
    },

    /** The signed-in user, from the record loaded with the session; the read is audited. */
    async me(ctx: ActorContext, user: UserView, sessionToken?: string): Promise<MeView> {
      await audit.record(ctx, { action: 'self.read', objectType: 'user', objectId: user.id });
      return {
        user: presentUser(user),
        secondFactorRequired: requiresSecondFactor(user.roles),
        secondFactorSatisfied: ctx.actor.secondFactorSatisfied,
        ...(sessionToken !== undefined && { csrfToken: csrfTokenFor(sessionToken) }),
      };
    },

    async updateMe(
      ctx: ActorContext,
      input: { displayName?: string | undefined; language?: string | undefined },
    ): Promise<MeView> {
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, ctx.actor.userId, {
          ...(input.displayName !== undefined && { display_name: input.displayName }),
          ...(input.language !== undefined && { language: input.language }),
          updated_at: new Date(),
        });
        await appendAudit(trx, ctx, {
          action: 'self.update',
          objectType: 'user',
          objectId: ctx.actor.userId,
          details: { changed: Object.keys(input).sort().join(',') },
        });
      });
      return loadMe(ctx);
    },

    async changePassword(
      ctx: ActorContext,
      input: { currentPassword: string; newPassword: string },
    ): Promise<void> {
      const user = await findUserById(db, ctx.actor.userId);
      if (!user) throw notFound();
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        await audit.record(ctx, {
          action: 'self.change-password',
          objectType: 'user',
          objectId: user.id,
          outcome: 'failure',
        });
        throw new AppError(400, 'wrong_current_password', 'The current password is not correct.');
      }
      const passwordHash = await hashPassword(input.newPassword);
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: now });
        await revokeUserSessions(trx, user.id, now, ctx.actor.sessionId);
        await appendAudit(trx, ctx, {
          action: 'self.change-password',
          objectType: 'user',
          objectId: user.id,
        });
      });
    },

    async startSecondFactorEnrolment(ctx: ActorContext): Promise<Enrolment> {
      const user = await findUserById(db, ctx.actor.userId);
      if (!user) throw notFound();
      if (user.totp_secret_sealed !== null) {
        throw conflict(
          'second_factor_already_enrolled',
          'A second factor is already enrolled. An administrator can reset it.',
        );
      }
      const enrolment = await startEnrolment(`${user.username} (${user.agency_code})`);
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, {
          totp_pending_secret_sealed: secretBox.seal(enrolment.secret),
          updated_at: new Date(),
        });
        await appendAudit(trx, ctx, {
          action: 'self.enrol-second-factor',
          objectType: 'user',
          objectId: user.id,
          details: { step: 'start' },
        });
      });
      return enrolment;
    },

    async confirmSecondFactorEnrolment(ctx: ActorContext, code: string): Promise<MeView> {
      const user = await findUserById(db, ctx.actor.userId);
      if (!user) throw notFound();
      if (user.totp_pending_secret_sealed === null) {
        throw conflict('no_enrolment_started', 'Start the enrolment first.');
      }
      const timeStep = await checkCode(secretBox.open(user.totp_pending_secret_sealed), code, null);
      if (timeStep === undefined) {
        await audit.record(ctx, {
          action: 'self.enrol-second-factor',
          objectType: 'user',
          objectId: user.id,
          outcome: 'failure',
          details: { step: 'confirm' },
        });
        throw badRequest('invalid_second_factor', 'The authentication code is not valid.');
      }
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, {
          totp_secret_sealed: user.totp_pending_secret_sealed,
          totp_pending_secret_sealed: null,
          totp_enrolled_at: now,
          totp_last_time_step: timeStep,
          updated_at: now,
        });
        if (ctx.actor.sessionId !== undefined) {
          await markSessionSecondFactorVerified(trx, ctx.actor.sessionId);
        }
        await appendAudit(trx, ctx, {
          action: 'self.enrol-second-factor',
          objectType: 'user',
          objectId: user.id,
          details: { step: 'confirm' },
        });
      });
      return loadMe({ ...ctx, actor: { ...ctx.actor, secondFactorSatisfied: true } });
    },
  };
}
