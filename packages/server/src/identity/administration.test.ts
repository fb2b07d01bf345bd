import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestAgency,
  createTestNode,
  createTestUser,
  issueToken,
  login,
  sessionHeaders,
  type Session,
  type TestNode,
  type TestUser,
} from '../test-support/app.js';

let node: TestNode;
let admin: TestUser;
let session: Session;
let agencyId: string;
beforeAll(async () => {
  node = await createTestNode();
  agencyId = (await createTestAgency(node.database.db, { country: 'BE' })).id;
  admin = await createTestUser(node.database.db, node.dataKey, { agencyId, roles: ['admin'] });
  session = await login(node, admin);
});
afterAll(async () => {
  await node.close();
});

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  node.app.server.inject({
    method,
    url,
    headers: sessionHeaders(session),
    ...(payload !== undefined && { payload: payload as object }),
  });

const auditFor = (objectId: string) =>
  node.database.db
    .selectFrom('audit_entry')
    .selectAll()
    .where('object_id', '=', objectId)
    .orderBy('seq')
    .execute();

describe('agencies', () => {
  it('creates an agency with its audit entry, and refuses a duplicate code', async () => {
    const created = await api('POST', '/api/v1/agencies', {
      code: 'BE-LPZ-GENT',
      name: 'Politiezone Gent',
      country: 'BE',
      kind: 'police',
    });
    expect(created.statusCode).toBe(201);
    const agency = created.json<{ id: string }>();
    expect(agency).toMatchObject({ code: 'BE-LPZ-GENT', isSpoc: false, disabled: false });
    const entries = await auditFor(agency.id);
    expect(entries).toMatchObject([
      {
        action: 'agency.create',
        outcome: 'success',
        actor_user_id: admin.id,
        object_type: 'agency',
      },
    ]);
    const again = await api('POST', '/api/v1/agencies', {
      code: 'be-lpz-gent'.toUpperCase(),
      name: 'Another',
      country: 'BE',
      kind: 'police',
    });
    expect(again.json()).toMatchObject({ status: 409, code: 'agency_code_taken' });
  });

  it('keeps one SPOC per country and agencies of other countries out of reach', async () => {
    const first = await api('POST', '/api/v1/agencies', {
      code: 'BE-SPOC-1',
      name: 'SPOC',
      country: 'BE',
      kind: 'police',
      isSpoc: true,
    });
    expect(first.statusCode).toBe(201);
    const second = await api('POST', '/api/v1/agencies', {
      code: 'BE-SPOC-2',
      name: 'SPOC 2',
      country: 'BE',
      kind: 'police',
      isSpoc: true,
    });
    expect(second.json()).toMatchObject({ status: 409, code: 'spoc_already_designated' });
    const foreign = await api('POST', '/api/v1/agencies', {
      code: 'NL-X',
      name: 'Politie',
      country: 'NL',
      kind: 'police',
    });
    expect(foreign.json()).toMatchObject({ status: 403, code: 'outside_reach' });

    const nlAgency = await createTestAgency(node.database.db, { country: 'NL' });
    const update = await api('PATCH', `/api/v1/agencies/${nlAgency.id}`, { name: 'Renamed' });
    expect(update.json()).toMatchObject({ status: 404, code: 'not_found' });
    // The refusal is in the audit log; the agency is unchanged.
    const denied = await node.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('object_id', '=', nlAgency.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(1);
    expect((await api('GET', `/api/v1/agencies/${nlAgency.id}`)).json()).toMatchObject({
      name: nlAgency.name,
    });
  });

  it('disables an agency, which ends the sign-in of its users', async () => {
    const agency = await createTestAgency(node.database.db);
    const user = await createTestUser(node.database.db, node.dataKey, {
      agencyId: agency.id,
      roles: ['officer'],
    });
    const userSession = await login(node, user);
    const disabled = await api('PATCH', `/api/v1/agencies/${agency.id}`, { disabled: true });
    expect(disabled.json()).toMatchObject({ disabled: true });
    const me = await node.app.server.inject({
      url: '/api/v1/me',
      headers: { cookie: userSession.cookie },
    });
    expect(me.statusCode).toBe(401);
    const own = await api('PATCH', `/api/v1/agencies/${agencyId}`, { disabled: true });
    expect(own.json()).toMatchObject({ status: 409, code: 'cannot_disable_own_agency' });
  });
});

describe('users', () => {
  it('stores markup and SQL metacharacters verbatim', async () => {
    const displayName = `<script>alert('x')</script> O'Brien"; drop table app_user; --`;
    const created = await api('POST', '/api/v1/users', {
      username: 'obrien.test',
      displayName,
      agencyId,
      roles: ['officer', 'analyst'],
      language: 'nl',
      password: 'correct horse battery',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json<{ id: string; displayName: string }>();
    expect(user.displayName).toBe(displayName);
    expect((await api('GET', `/api/v1/users/${user.id}`)).json()).toMatchObject({ displayName });
    const search = await api('GET', `/api/v1/users?q=${encodeURIComponent("O'Brien")}`);
    expect(search.json()).toMatchObject({ total: 1, items: [{ id: user.id }] });
    const wildcard = await api('GET', `/api/v1/users?q=${encodeURIComponent('%')}`);
    expect(wildcard.json()).toMatchObject({ total: 0 });
  });

  it('refuses a short password, a taken username and an unknown role', async () => {
    const base = {
      displayName: 'Test',
      agencyId,
      roles: ['officer'],
      language: 'en',
      password: 'long enough password',
    };
    const short = await api('POST', '/api/v1/users', {
      ...base,
      username: 'short.pw',
      password: 'short',
    });
    expect(short.json()).toMatchObject({ status: 400, code: 'password_too_short' });
    expect(
      (await api('POST', '/api/v1/users', { ...base, username: 'taken.name' })).statusCode,
    ).toBe(201);
    const taken = await api('POST', '/api/v1/users', { ...base, username: 'taken.name' });
    expect(taken.json()).toMatchObject({ status: 409, code: 'username_taken' });
    const role = await api('POST', '/api/v1/users', {
      ...base,
      username: 'bad.role',
      roles: ['superuser'],
    });
    expect(role.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    const count = await node.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('username', 'in', ['short.pw', 'bad.role'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('disables and re-enables a user, ending the sessions', async () => {
    const user = await createTestUser(node.database.db, node.dataKey, {
      agencyId,
      roles: ['officer'],
    });
    const userSession = await login(node, user);
    expect(
      (await api('PATCH', `/api/v1/users/${user.id}`, { disabled: true })).json(),
    ).toMatchObject({ disabled: true });
    expect(
      (await node.app.server.inject({ url: '/api/v1/me', headers: { cookie: userSession.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await api('PATCH', `/api/v1/users/${user.id}`, { disabled: false })).json(),
    ).toMatchObject({ disabled: false });
    await login(node, user);
    const self = await api('PATCH', `/api/v1/users/${admin.id}`, { disabled: true });
    expect(self.json()).toMatchObject({ status: 409, code: 'cannot_change_own_access' });
  });

  it('hides users of another country (admin) or another agency (supervisor) behind a 404', async () => {
    const nl = await createTestAgency(node.database.db, { country: 'NL' });
    const nlUser = await createTestUser(node.database.db, node.dataKey, {
      agencyId: nl.id,
      roles: ['officer'],
    });
    expect((await api('GET', `/api/v1/users/${nlUser.id}`)).statusCode).toBe(404);
    expect(
      (await api('PATCH', `/api/v1/users/${nlUser.id}`, { displayName: 'x' })).statusCode,
    ).toBe(404);
    const listed = await api('GET', `/api/v1/users?agencyId=${nl.id}`);
    expect(listed.json()).toMatchObject({ total: 0, items: [] });
    const createThere = await api('POST', '/api/v1/users', {
      username: 'sneaky.one',
      displayName: 'x',
      agencyId: nl.id,
      roles: ['officer'],
      language: 'nl',
      password: 'long enough password',
    });
    expect(createThere.statusCode).toBe(404);

    const other = await createTestAgency(node.database.db);
    const supervisor = await createTestUser(node.database.db, node.dataKey, {
      agencyId: other.id,
      roles: ['supervisor'],
    });
    const token = await issueToken(node, supervisor);
    const hidden = await node.app.server.inject({
      url: `/api/v1/users/${admin.id}`,
      headers: bearer(token),
    });
    expect(hidden.statusCode).toBe(404);
    const own = await node.app.server.inject({ url: '/api/v1/users', headers: bearer(token) });
    expect(own.json<{ items: { id: string }[] }>().items.map((u) => u.id)).toEqual([supervisor.id]);
  });

  it('audits every consultation of a user record', async () => {
    const user = await createTestUser(node.database.db, node.dataKey, {
      agencyId,
      roles: ['officer'],
    });
    await api('GET', `/api/v1/users/${user.id}`);
    const entries = await auditFor(user.id);
    expect(entries.map((e) => e.action)).toEqual(['user.create', 'user.read']);
    expect(entries[1]).toMatchObject({ actor_user_id: admin.id, client_address: '127.0.0.1' });
  });
});

describe('API tokens', () => {
  it('issues a token once, lets it act with its roles, and revokes it', async () => {
    const machine = await createTestUser(node.database.db, node.dataKey, {
      agencyId,
      roles: ['supervisor', 'officer'],
    });
    const tooMuch = await api('POST', `/api/v1/users/${machine.id}/tokens`, {
      name: 'sync',
      roles: ['admin'],
      expiresInDays: 30,
    });
    expect(tooMuch.json()).toMatchObject({ status: 400, code: 'role_not_held' });
    const issued = await api('POST', `/api/v1/users/${machine.id}/tokens`, {
      name: 'sync',
      roles: ['supervisor'],
      expiresInDays: 30,
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const { token, apiToken } = issued.json<{ token: string; apiToken: { id: string } }>();
    expect(token).toMatch(/^snt_/);
    const stored = await node.database.db
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', apiToken.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4));

    const listed = await api('GET', `/api/v1/users/${machine.id}/tokens`);
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect(
      (await node.app.server.inject({ url: '/api/v1/users', headers: bearer(token) })).statusCode,
    ).toBe(200);

    const revoked = await api('POST', `/api/v1/tokens/${apiToken.id}/revoke`);
    expect(revoked.json()).toMatchObject({ revoked: true });
    expect(
      (await node.app.server.inject({ url: '/api/v1/users', headers: bearer(token) })).statusCode,
    ).toBe(401);
  });
});
