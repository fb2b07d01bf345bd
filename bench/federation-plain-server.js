// @ts-check
// The baseline of npm run bench:federation, in a process of its own on the
// receiving side: a bare Fastify route that takes a POST of the same 1 KB JSON
// payload and inserts it into a table of the receiving node's database. No
// signature, no outbox, no receipt, no message log: one INSERT per request.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '@senningen/server';

const url = process.env.BENCH_TARGET_URL;
const pgliteDir = process.env.BENCH_PGLITE_DIR;
// The same pool size a node has by default (see openDatabase).
const database = url
  ? await openDatabase({ kind: 'postgres', url, poolSize: 10 })
  : pgliteDir
    ? await openDatabase({ kind: 'pglite', dataDir: pgliteDir })
    : await openDatabase({ kind: 'pglite-memory' });
const { db } = database;
await sql`create table if not exists bench_plain_post (
  id uuid primary key default gen_random_uuid(),
  received_at timestamptz not null default now(),
  payload jsonb not null
)`.execute(db);

const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
app.post('/plain', async (request, reply) => {
  const { rows } = await sql`insert into bench_plain_post (payload)
    values (${JSON.stringify(request.body)}::jsonb) returning id`.execute(db);
  return reply.code(201).send(rows[0]);
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });

process.send?.({ url: `${address}/plain`, database: database.kind });
process.on('message', async (message) => {
  if (message === 'stop') {
    await app.close();
    const { rows } = await sql`select count(*)::int as n from bench_plain_post`.execute(db);
    process.send?.({ rows: /** @type {{ n: number }} */ (rows[0]).n });
    await database.close();
    process.exit(0);
  }
});
