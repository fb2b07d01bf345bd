import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestNode, type TestNode } from '../../test-support/app.js';

let node: TestNode;
beforeAll(async () => {
  node = await createTestNode();
});
afterAll(async () => {
  await node.close();
});

const inject = (options: InjectOptions) => node.inject(options);

describe('HTTP kernel', () => {
  it('answers health, readiness and metrics', async () => {
    expect((await inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', pendingMigrations: [] });
    const metrics = await inject({ url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('senningen_http_requests_total');
    expect(metrics.body).toMatch(
      /senningen_http_requests_total\{method="GET",route="\/readyz",status="200"\} 1/,
    );
  });

  it('serves an OpenAPI 3.1 document that describes the API', async () => {
    const response = await inject({ url: '/api/openapi.json' });
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/audit/entries']),
    );
    const docs = await inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('returns a request id, echoing a well-formed one', async () => {
    const fresh = await inject({ url: '/healthz' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const hostile = await inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers['x-request-id']).not.toBe('<script>');
  });

  it('sets security headers on every response', async () => {
    for (const url of ['/healthz', '/api/v1/me', '/nowhere']) {
      const response = await inject({ url });
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toBeDefined();
    }
  });

  it('answers unknown addresses with a problem document', async () => {
    const response = await inject({ url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      requestId: response.headers['x-request-id'],
    });
  });

  describe('bad input', () => {
    const login = (payload: string | Buffer, contentType = 'application/json') =>
      inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': contentType },
        payload,
      });

    it('refuses malformed JSON with 400', async () => {
      const response = await login('{"username": "a", ');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'malformed_json' });
      expect(response.body).not.toMatch(/at .*\.js|stack/i);
    });

    it('refuses invalid UTF-8', async () => {
      const response = await login(
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_utf8' });
    });

    it('refuses NUL characters and lone surrogates', async () => {
      const nul = await login('{"username":"a\\u0000b","password":"x"}');
      expect(nul.json()).toMatchObject({ status: 400, code: 'invalid_text' });
      const surrogate = await login('{"username":"a\\ud800","password":"x"}');
      expect(surrogate.json()).toMatchObject({ status: 400, code: 'invalid_text' });
      const inPath = await inject({ url: '/api/v1/users/%00' });
      expect(inPath.json()).toMatchObject({ status: 400, code: 'invalid_text' });
    });

    it('refuses a body over the limit with 413', async () => {
      const response = await login(
        JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
      );
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'payload_too_large' });
    });

    it('refuses unknown properties instead of dropping them', async () => {
      const response = await login(JSON.stringify({ username: 'a', password: 'b', isAdmin: true }));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'body', message: 'unknown property "isAdmin"' }],
      });
    });

    it('refuses wrong types and missing fields', async () => {
      const wrongType = await login(JSON.stringify({ username: 42, password: 'b' }));
      expect(wrongType.json()).toMatchObject({ status: 400, code: 'validation_failed' });
      const missing = await login(JSON.stringify({ username: 'a' }));
      expect(missing.json()).toMatchObject({
        status: 400,
        errors: [{ message: 'missing property "password"' }],
      });
    });

    it('refuses strings over their bound', async () => {
      const response = await login(JSON.stringify({ username: 'a'.repeat(65), password: 'b' }));
      expect(response.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    });

    it('reads JSON sent with a charset parameter', async () => {
      const response = await login(
        JSON.stringify({ username: 'nobody', password: 'wrong password' }),
        'application/json; charset=utf-8',
      );
      expect(response.json()).toMatchObject({ status: 401 });
    });

    it('refuses a content type it does not read', async () => {
      const response = await login('username=a', 'application/x-www-form-urlencoded');
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ code: 'unsupported_media_type' });
    });
  });
});

describe('database connections', () => {
  it.runIf(process.env.TEST_DATABASE_URL)('survive the server ending them', async () => {
    const { sql } = await import('kysely');
    const { db } = node.database;
    // Open several pooled connections, then have the server end all of them.
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(db)));
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid()`.execute(db);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 3; i++) {
      const response = await inject({ url: '/readyz' });
      if (response.statusCode === 200) return;
    }
    expect((await inject({ url: '/readyz' })).statusCode).toBe(200);
  });
});
