// @ts-check
// npm run bench:audit: what the hash chain costs. Appends audit entries from
// many concurrent writers, three ways, on the same database:
//  - chained, one entry per transaction (the audit entry of a state change);
//  - unchained, one entry per transaction, into a copy of the table with the
//    same columns and indexes but no chain (no head lock, no hashing): the
//    baseline;
//  - chained, through the group-commit writer (consultations).
// BENCH_DATABASE_URL=postgres://… runs on a fresh database on that server.
import { sql } from 'kysely';
import { createBenchDatabase } from './bench-database.js';
import {
  AuditWriter,
  appendAuditInOwnTransaction,
  migrateToLatest,
  openDatabase,
} from '@senningen/server';

const WRITERS = Number(process.env.BENCH_WRITERS ?? 16);
const SECONDS = Number(process.env.BENCH_DURATION_S ?? 5);
const serverUrl = process.env.BENCH_DATABASE_URL;

const benchDatabase = serverUrl ? await createBenchDatabase(serverUrl) : undefined;
const database = benchDatabase
  ? await openDatabase({ kind: 'postgres', url: benchDatabase.url, poolSize: WRITERS })
  : await openDatabase({ kind: 'pglite-memory' });
const { db } = database;
await migrateToLatest(db);
await sql`create table audit_entry_unchained (like audit_entry including all)`.execute(db);
await sql`create sequence audit_entry_unchained_seq`.execute(db);

const context = { actor: null, clientAddress: '127.0.0.1', requestId: 'bench' };
const event = { action: 'bench.event', objectType: 'thing', objectId: '42', details: { n: 1 } };

/** Runs `work` in WRITERS concurrent loops for SECONDS; returns operations per second. */
async function measure(work) {
  let count = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (Date.now() < until) {
        await work();
        count += 1;
      }
    }),
  );
  return count / SECONDS;
}

const unchained = await measure(() =>
  sql`insert into audit_entry_unchained (seq, id, occurred_at, action, object_type, object_id, outcome,
        client_address, request_id, details, digest, prev_hash, hash)
      values (nextval('audit_entry_unchained_seq'), gen_random_uuid(), now(), 'bench.event', 'thing', '42',
        'success', '127.0.0.1', 'bench', '{"n":1}', '', '', '')`.execute(db),
);
const chained = await measure(() => appendAuditInOwnTransaction(db, context, event));
const writer = new AuditWriter(db);
const grouped = await measure(() => writer.record(context, event));
await writer.flush();

console.log(`\nDatabase: ${database.kind}; ${WRITERS} concurrent writers, ${SECONDS} s each`);
console.log(`unchained, one entry per commit   ${unchained.toFixed(0).padStart(8)} entries/s`);
console.log(
  `chained, one entry per commit     ${chained.toFixed(0).padStart(8)} entries/s   (${(chained / unchained).toFixed(2)} of unchained)`,
);
console.log(
  `chained, group commit             ${grouped.toFixed(0).padStart(8)} entries/s   (${(grouped / unchained).toFixed(2)} of unchained)`,
);

await database.close();
await benchDatabase?.drop();
