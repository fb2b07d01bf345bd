// @ts-check
// npm run bench:exchange: throughput and latency of reading an information
// request with three subjects (GET /api/v1/exchange/requests/:id), each read
// logged as four audit entries (the read and one consultation per subject, with
// the purpose), next to the same read on the same node with logging switched
// off, in one run, printed as a ratio.
//
// BENCH_DATABASE_URL=postgres://… runs on a fresh database created on that
// server (and dropped afterwards); without it, on the embedded database.
import { fork } from 'node:child_process';
import { createBenchDatabase } from './bench-database.js';
import { compare, heading, row } from './logged-vs-unlogged.js';

const serverUrl = process.env.BENCH_DATABASE_URL;
const benchDatabase = serverUrl ? await createBenchDatabase(serverUrl) : undefined;
const targetUrl = benchDatabase?.url;

const child = fork(new URL('./exchange-server.js', import.meta.url), {
  env: { ...process.env, ...(targetUrl && { BENCH_TARGET_URL: targetUrl }) },
});
/** @type {{ loggedUrl: string; unloggedUrl: string; cookie: string; id: string; database: string }} */
const ready = await new Promise((resolve, reject) => {
  child.once('message', resolve);
  child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

try {
  const path = `/api/v1/exchange/requests/${ready.id}`;
  const loggedUrl = `${ready.loggedUrl}${path}`;
  const unloggedUrl = `${ready.unloggedUrl}${path}`;
  const { warmUp, logged, unlogged } = await compare(
    { url: loggedUrl, cookie: ready.cookie },
    { url: unloggedUrl, cookie: ready.cookie },
  );

  child.send('stop');
  /** @type {{ consultations: number }} */
  const summary = await new Promise((resolve) => child.once('message', resolve));

  console.log(heading(ready.database));
  console.log(row('read, not logged', unlogged));
  console.log(row('read, 3 consultations logged', logged));
  console.log(`throughput ratio (logged / not logged): ${(logged.rps / unlogged.rps).toFixed(2)}`);
  console.log(
    `consultation entries: ${summary.consultations} for ${warmUp.total + logged.total} logged reads (3 per read expected; the count includes reads still in flight when a round ended)`,
  );
} finally {
  child.kill();
  await benchDatabase?.drop();
}
