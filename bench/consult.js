// @ts-check
// npm run bench:consult: throughput and latency of reading a person record
// (GET /api/v1/records/:id, in the context of a request of the reader's agency),
// each read logged as a consultation with its purpose (LED art. 25), next to the
// same read on the same node with logging switched off, in one run, printed as a
// ratio (target ≥ 0.7). Also the read for a stated reason
// (POST /api/v1/records/:id/consultations), logged with the reason and note.
//
// BENCH_DATABASE_URL=postgres://… runs on a fresh database created on that
// server (and dropped afterwards); without it, on the embedded database.
import { fork } from 'node:child_process';
import { createBenchDatabase } from './bench-database.js';
import { compare, heading, row } from './logged-vs-unlogged.js';

const serverUrl = process.env.BENCH_DATABASE_URL;
const benchDatabase = serverUrl ? await createBenchDatabase(serverUrl) : undefined;
const targetUrl = benchDatabase?.url;

const child = fork(new URL('./consult-server.js', import.meta.url), {
  env: { ...process.env, ...(targetUrl && { BENCH_TARGET_URL: targetUrl }) },
});
/** @type {{ loggedUrl: string; unloggedUrl: string; cookie: string; csrfToken: string; recordId: string; database: string }} */
const ready = await new Promise((resolve, reject) => {
  child.once('message', resolve);
  child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

try {
  const path = `/api/v1/records/${ready.recordId}`;
  const inContext = await compare(
    { url: `${ready.loggedUrl}${path}`, cookie: ready.cookie },
    { url: `${ready.unloggedUrl}${path}`, cookie: ready.cookie },
  );
  /** @param {string} base @returns {import('./logged-vs-unlogged.js').Target} */
  const withReason = (base) => ({
    url: `${base}${path}/consultations`,
    cookie: ready.cookie,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': ready.csrfToken },
    body: JSON.stringify({
      reason: 'identity_check',
      note: 'A driver stopped at Lanaken gave this name.',
    }),
  });
  const forReason = await compare(withReason(ready.loggedUrl), withReason(ready.unloggedUrl));

  child.send('stop');
  /** @type {{ consultations: number }} */
  const summary = await new Promise((resolve) => child.once('message', resolve));

  console.log(heading(ready.database));
  console.log(row('read in context, not logged', inContext.unlogged));
  console.log(row('read in context, consultation logged', inContext.logged));
  console.log(
    `throughput ratio (logged / not logged): ${(inContext.logged.rps / inContext.unlogged.rps).toFixed(2)}`,
  );
  console.log(row('read for a stated reason, not logged', forReason.unlogged));
  console.log(row('read for a stated reason, logged', forReason.logged));
  console.log(
    `throughput ratio (logged / not logged): ${(forReason.logged.rps / forReason.unlogged.rps).toFixed(2)}`,
  );
  const reads =
    inContext.warmUp.total +
    inContext.logged.total +
    forReason.warmUp.total +
    forReason.logged.total;
  console.log(
    `consultation entries: ${summary.consultations} for ${reads} logged reads (1 per read expected; the count includes reads still in flight when a round ended)`,
  );
} finally {
  child.kill();
  await benchDatabase?.drop();
}
