import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { buildApp, type App, type AppDependencies } from '../app.js';
import { createSecretBox } from '../kernel/crypto/secret-box.js';
import { hashToken, newSecretToken } from '../kernel/crypto/tokens.js';
import type { DatabaseHandle } from '../kernel/db/database.js';
import type { ThrottleLimits } from '../identity/login-throttle.js';
import { createTestDatabase } from './database.js';
import { createTestAgency, createTestUser, type TestUser } from './factories.js';

export interface TestNode {
  app: App;
  database: DatabaseHandle;
  dataKey: Buffer;
  /** Lines the node logged, to prove what is (not) in the logs. */
  logs: string[];
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestNode(
  options: { throttle?: ThrottleLimits; records?: AppDependencies['records'] } = {},
): Promise<TestNode> {
  const database = await createTestDatabase();
  const dataKey = randomBytes(32);
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const app = await buildApp({
    config: { logLevel: 'info', publicUrl: 'http://127.0.0.1:8080' },
    db: database.db,
    dataKey,
    webDir: '/nonexistent',
    logStream,
    ...(options.throttle && { throttle: options.throttle }),
    ...(options.records && { records: options.records }),
  });
  return {
    app,
    database,
    dataKey,
    logs,
    inject: (injectOptions) => app.server.inject(injectOptions),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the API as a real browser would; computes the TOTP code when enrolled. */
export async function login(node: TestNode, user: TestUser): Promise<Session> {
  const response = await node.app.server.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: {
      username: user.username,
      password: user.password,
      ...(user.totpSecret !== undefined && { totp: await generate({ secret: user.totpSecret }) }),
    },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  return sessionFrom(response);
}

export function sessionFrom(response: LightMyRequestResponse): Session {
  const setCookie = response.cookies.find((c) => c.name === 'senningen_session');
  if (!setCookie) throw new Error('no session cookie');
  const body = response.json<{ csrfToken: string }>();
  return { cookie: `senningen_session=${setCookie.value}`, csrfToken: body.csrfToken };
}

export function sessionHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

/** Issues an API token straight into the database, for tests about authorization. */
export async function issueToken(
  node: TestNode,
  user: TestUser,
  roles = user.roles,
): Promise<string> {
  const token = newSecretToken('snt');
  const now = new Date();
  await node.database.db
    .insertInto('api_token')
    .values({
      id: crypto.randomUUID(),
      token_hash: hashToken(token),
      user_id: user.id,
      name: 'test',
      roles: [...roles],
      created_by: user.id,
      created_at: now,
      expires_at: new Date(now.getTime() + 86_400_000),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export { createTestAgency, createTestUser, createSecretBox, type TestUser };
