// @ts-check
// The servers under test, in a process of their own so that the load generator
// does not share their event loop: a Senningen node (authenticated, audited
// GET /api/v1/me) and a bare Fastify route doing one SELECT 1 on the same database.
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '@senningen/server';
import { BENCH_PASSWORD, openBenchData } from './bench-data.js';

const database = await openBenchData({ username: 'bench.user', displayName: 'Bench' });

const node = await buildApp({
  config: { logLevel: 'warn', publicUrl: 'http://127.0.0.1' },
  db: database.db,
  dataKey: randomBytes(32),
  webDir: '/nonexistent',
});
const nodeUrl = await node.server.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify({ logger: false });
bare.get('/select1', async () => {
  const { rows } = await sql`select 1 as one`.execute(database.db);
  return rows[0];
});
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

const login = await fetch(`${nodeUrl}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench.user', password: BENCH_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

process.send?.({ nodeUrl, bareUrl, cookie, database: database.kind });
process.on('message', async (message) => {
  if (message === 'stop') {
    await node.close();
    await bare.close();
    const entries = await database.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    process.send?.({ auditEntries: Number(entries.n) });
    await database.close();
    process.exit(0);
  }
});
