import { generate } from 'otplib';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAgency,
  createTestNode,
  createTestUser,
  login,
  sessionFrom,
  sessionHeaders,
  type TestNode,
} from '../test-support/app.js';

let node: TestNode;
let agencyId: string;
beforeAll(async () => {
  node = await createTestNode({
    throttle: {
      maxFailuresPerAccount: 3,
      maxFailuresPerAddress: 50,
      windowMs: 60_000,
      lockoutMs: 60_000,
    },
  });
  agencyId = (await createTestAgency(node.database.db)).id;
});
afterAll(async () => {
  await node.close();
});

const inject = (options: InjectOptions) => node.inject(options);
const newUser = (
  roles: Parameters<typeof createTestUser>[2]['roles'],
  enrolSecondFactor?: boolean,
) =>
  createTestUser(node.database.db, node.dataKey, {
    agencyId,
    roles,
    ...(enrolSecondFactor !== undefined && { enrolSecondFactor }),
  });

describe('sign-in', () => {
  it('opens a session with an HttpOnly, SameSite=Strict cookie and shows who is signed in', async () => {
    const user = await newUser(['officer']);
    const response = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'senningen_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const session = sessionFrom(response);
    const me = await inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: user.username, roles: ['officer'] },
      secondFactorRequired: false,
      secondFactorSatisfied: true,
      csrfToken: session.csrfToken,
    });
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const user = await newUser(['officer']);
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: 'not-the-password' },
    });
    const unknown = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody.here', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('locks an account name after repeated failures, existing or not, and says nothing more', async () => {
    const user = await newUser(['officer']);
    for (const username of [user.username, 'ghost.user']) {
      for (let i = 0; i < 3; i++) {
        await inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username, password: 'wrong-password!' },
        });
      }
    }
    const locked = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'login_locked' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const ghost = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ghost.user', password: 'whatever-password' },
    });
    expect(ghost.statusCode).toBe(429);
    expect(ghost.json<{ detail: string }>().detail).toBe(locked.json<{ detail: string }>().detail);
  });

  it('locks a client address that tries many accounts', async () => {
    const strict = await createTestNode({
      throttle: {
        maxFailuresPerAccount: 100,
        maxFailuresPerAddress: 4,
        windowMs: 60_000,
        lockoutMs: 60_000,
      },
    });
    try {
      const agency = await createTestAgency(strict.database.db);
      const user = await createTestUser(strict.database.db, strict.dataKey, {
        agencyId: agency.id,
        roles: ['officer'],
      });
      for (let i = 0; i < 4; i++) {
        await strict.app.server.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: `guess.${i}`, password: 'wrong-password!' },
        });
      }
      const response = await strict.app.server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user.username, password: user.password },
      });
      expect(response.statusCode).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('refuses a disabled account like a wrong password', async () => {
    const user = await newUser(['officer']);
    await node.database.db
      .updateTable('app_user')
      .set({ disabled_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    const response = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(response.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
  });

  it('never writes a password or session token to the log', async () => {
    const user = await newUser(['officer']);
    const session = await login(node, user);
    await inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    const logs = node.logs.join('');
    expect(logs).not.toContain(user.password);
    expect(logs).not.toContain(session.cookie.split('=')[1]);
  });
});

describe('sessions', () => {
  it('refuses forged, revoked and expired session cookies', async () => {
    const forged = await inject({
      url: '/api/v1/me',
      headers: { cookie: 'senningen_session=sns_forged' },
    });
    expect(forged.json()).toMatchObject({ status: 401, code: 'unauthenticated' });

    const user = await newUser(['officer']);
    const session = await login(node, user);
    const logout = await inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: sessionHeaders(session),
    });
    expect(logout.statusCode).toBe(204);
    expect(
      (await inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode,
    ).toBe(401);

    const expiring = await login(node, user);
    await node.database.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    expect(
      (await inject({ url: '/api/v1/me', headers: { cookie: expiring.cookie } })).statusCode,
    ).toBe(401);

    const idle = await login(node, user);
    await node.database.db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await inject({ url: '/api/v1/me', headers: { cookie: idle.cookie } })).statusCode).toBe(
      401,
    );
  });

  it('requires the CSRF token for state changes made with the cookie', async () => {
    const user = await newUser(['officer']);
    const session = await login(node, user);
    const without = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: session.cookie },
      payload: { language: 'fr' },
    });
    expect(without.json()).toMatchObject({ status: 403, code: 'csrf_token_invalid' });
    const other = await login(node, await newUser(['officer']));
    const mismatched = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: session.cookie, 'x-csrf-token': other.csrfToken },
      payload: { language: 'fr' },
    });
    expect(mismatched.statusCode).toBe(403);
    const ok = await inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: sessionHeaders(session),
      payload: { language: 'fr' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { language: 'fr' } });
  });

  it('marks the cookie Secure and host-bound when served over HTTPS', async () => {
    const { buildApp } = await import('../app.js');
    const app = await buildApp({
      config: { logLevel: 'silent', publicUrl: 'https://be.senningen.example' },
      db: node.database.db,
      dataKey: node.dataKey,
      webDir: '/nonexistent',
    });
    try {
      const user = await newUser(['officer']);
      const response = await app.server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user.username, password: user.password },
      });
      const cookie = response.cookies.find((c) => c.name === '__Host-senningen_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    } finally {
      await app.close();
    }
  });

  it('ends other sessions when the password changes', async () => {
    const user = await newUser(['officer']);
    const first = await login(node, user);
    const second = await login(node, user);
    const tooShort = await inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: sessionHeaders(first),
      payload: { currentPassword: user.password, newPassword: 'short' },
    });
    expect(tooShort.json()).toMatchObject({ status: 400, code: 'password_too_short' });
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: sessionHeaders(first),
      payload: { currentPassword: 'not-my-password', newPassword: 'a much longer passphrase' },
    });
    expect(wrong.json()).toMatchObject({ status: 400, code: 'wrong_current_password' });
    const changed = await inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: sessionHeaders(first),
      payload: { currentPassword: user.password, newPassword: 'a much longer passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      (await inject({ url: '/api/v1/me', headers: { cookie: first.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await inject({ url: '/api/v1/me', headers: { cookie: second.cookie } })).statusCode,
    ).toBe(401);
    await login(node, { ...user, password: 'a much longer passphrase' });
  });
});

describe('second factor', () => {
  it('makes an administrator enrol before doing anything else, then demands the code at sign-in', async () => {
    const admin = await newUser(['admin'], false);
    const session = await login(node, admin);
    const me = await inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(me.json()).toMatchObject({ secondFactorRequired: true, secondFactorSatisfied: false });
    const blocked = await inject({ url: '/api/v1/users', headers: { cookie: session.cookie } });
    expect(blocked.json()).toMatchObject({ status: 403, code: 'second_factor_required' });

    const start = await inject({
      method: 'POST',
      url: '/api/v1/me/second-factor',
      headers: sessionHeaders(session),
    });
    expect(start.statusCode).toBe(200);
    const enrolment = start.json<{ secret: string; otpauthUri: string; qrSvg: string }>();
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Senningen:/);
    expect(enrolment.qrSvg).toContain('<svg');

    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/me/second-factor/confirm',
      headers: sessionHeaders(session),
      payload: {
        code: '000000' === (await generate({ secret: enrolment.secret })) ? '111111' : '000000',
      },
    });
    expect(wrong.json()).toMatchObject({ status: 400, code: 'invalid_second_factor' });

    const code = await generate({ secret: enrolment.secret });
    const confirm = await inject({
      method: 'POST',
      url: '/api/v1/me/second-factor/confirm',
      headers: sessionHeaders(session),
      payload: { code },
    });
    expect(confirm.json()).toMatchObject({
      secondFactorSatisfied: true,
      user: { secondFactorEnrolled: true },
    });
    expect(
      (await inject({ url: '/api/v1/users', headers: { cookie: session.cookie } })).statusCode,
    ).toBe(200);

    // The secret is stored sealed, not in clear.
    const row = await node.database.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret_sealed).not.toContain(enrolment.secret);

    const withoutCode = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: admin.username, password: admin.password },
    });
    expect(withoutCode.json()).toMatchObject({ status: 401, code: 'second_factor_missing' });
    // The code used to confirm cannot be replayed.
    const replay = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: admin.username, password: admin.password, totp: code },
    });
    expect(replay.json()).toMatchObject({ status: 401, code: 'invalid_second_factor' });
  });

  it('lets an administrator reset a second factor, which ends that user’s sessions', async () => {
    const admin = await newUser(['admin']);
    const dpo = await newUser(['dpo']);
    const adminSession = await login(node, admin);
    const dpoSession = await login(node, dpo);
    const reset = await inject({
      method: 'POST',
      url: `/api/v1/users/${dpo.id}/second-factor/reset`,
      headers: sessionHeaders(adminSession),
    });
    expect(reset.json()).toMatchObject({ secondFactorEnrolled: false });
    expect(
      (await inject({ url: '/api/v1/me', headers: { cookie: dpoSession.cookie } })).statusCode,
    ).toBe(401);
    const again = await login(node, { ...dpo, totpSecret: undefined });
    const me = await inject({ url: '/api/v1/me', headers: { cookie: again.cookie } });
    expect(me.json()).toMatchObject({ secondFactorSatisfied: false });
  });
});
