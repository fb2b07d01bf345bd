import { createTestUser, issueToken, type TestUser } from './app.js';
import type { MemberNode } from './federation.js';

/** A user of a federation member node, with an API token, calling its HTTP API. */
export interface MemberActor {
  node: MemberNode;
  user: TestUser;
  token: string;
}

export async function memberActor(
  node: MemberNode,
  agencyId: string,
  roles: TestUser['roles'],
): Promise<MemberActor> {
  const user = await createTestUser(node.database.db, node.dataKey, { agencyId, roles });
  const token = await issueToken(
    {
      app: node.app!,
      database: node.database,
      dataKey: node.dataKey,
      logs: node.logs,
      inject: () => Promise.reject(new Error('unused')),
      close: async () => {},
    },
    user,
  );
  return { node, user, token };
}

/** Calls the node's API as the actor; the body is parsed when it is JSON. */
export async function call<T>(
  who: MemberActor,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${who.node.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${who.token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    body: (type.includes('json') ? JSON.parse(text) : text) as T,
  };
}

/** Like `call`, failing on any answer that is not a success. */
export async function ok<T>(who: MemberActor, method: string, path: string, body?: unknown) {
  const result = await call<T>(who, method, path, body);
  if (result.status >= 300) {
    throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.body;
}
