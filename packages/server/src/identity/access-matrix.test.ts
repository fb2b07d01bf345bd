import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, decide, type Actor } from '../kernel/policy/policy.js';
import { ROLES, type Role } from '../kernel/policy/roles.js';
import {
  bearer,
  createTestAgency,
  createTestNode,
  createTestUser,
  issueToken,
  type TestNode,
} from '../test-support/app.js';

/**
 * Walks every API route with every role and proves that the answer follows the
 * policy table: where the policy denies, the answer is 403 and nothing happened;
 * without credentials it is 401; where it allows, the request gets past the door.
 */
let node: TestNode;
let ids: Record<string, string>;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  node = await createTestNode();
  const db = node.database.db;
  const agency = await createTestAgency(db);
  for (const role of ROLES) {
    const user = await createTestUser(db, node.dataKey, { agencyId: agency.id, roles: [role] });
    tokens.set(role, await issueToken(node, user));
  }
  const target = await createTestUser(db, node.dataKey, {
    agencyId: agency.id,
    roles: ['officer'],
  });
  const tokenId = crypto.randomUUID();
  await db
    .insertInto('api_token')
    .values({
      id: tokenId,
      token_hash: 'f'.repeat(64),
      user_id: target.id,
      name: 'target',
      roles: ['officer'],
      created_by: target.id,
      created_at: new Date(),
      expires_at: new Date(Date.now() + 86_400_000),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  ids = {
    userId: target.id,
    agencyId: agency.id,
    tokenId,
    envelopeId: crypto.randomUUID(),
    nodeId: 'nl',
    id: crypto.randomUUID(),
    attachmentId: crypto.randomUUID(),
    memberId: crypto.randomUUID(),
    language: 'nl',
    number: '1',
  };
});
afterAll(async () => {
  await node.close();
});

function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`No id for :${name} in ${url}`);
    return id;
  });
}

function actorWith(role: Role): Actor {
  return {
    kind: 'token',
    userId: 'x',
    username: 'x',
    displayName: 'x',
    agencyId: 'x',
    country: 'BE',
    roles: [role],
    language: 'en',
    secondFactorSatisfied: true,
  };
}

describe('roles × routes', () => {
  it('covers every action of the policy with at least one route', () => {
    const declared = new Set(node.app.routes.map((r) => r.action));
    for (const action of Object.keys(ACTIONS)) expect(declared, action).toContain(action);
  });

  it('answers 401 on every non-public route without credentials', async () => {
    for (const route of node.app.routes) {
      if (route.action === 'public' || route.method === 'HEAD') continue;
      const response = await node.app.server.inject({
        method: route.method as 'GET',
        url: fill(route.url),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('lets each role through exactly where the policy allows it', async () => {
    const results: string[] = [];
    for (const route of node.app.routes) {
      if (route.action === 'public' || route.method === 'HEAD') continue;
      for (const role of ROLES) {
        const before = await node.database.db
          .selectFrom('audit_entry')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('outcome', '=', 'success')
          .executeTakeFirstOrThrow();
        const response = await node.app.server.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: bearer(tokens.get(role)!),
          ...(route.method !== 'GET' && { payload: {} }),
        });
        const allowed = decide(actorWith(role), route.action).allowed;
        const where = `${role} ${route.method} ${route.url} → ${response.statusCode}`;
        if (allowed) {
          expect([401, 403], where).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode, where).toBe(403);
          expect(response.json(), where).toMatchObject({ code: 'forbidden' });
          const after = await node.database.db
            .selectFrom('audit_entry')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('outcome', '=', 'success')
            .executeTakeFirstOrThrow();
          expect(Number(after.n), `${where} changed something`).toBe(Number(before.n));
        }
        results.push(where);
      }
    }
    expect(results.length).toBeGreaterThan(ROLES.length * 10);
  });
});
