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
import autocannon from 'autocannon';
import { createBenchDatabase } from './bench-database.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

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

/** @param {string} url @param {number} seconds */
async function load(url, seconds) {
  const result = await autocannon({
    url,
    headers: { cookie: ready.cookie },
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

try {
  const path = `/api/v1/exchange/requests/${ready.id}`;
  const loggedUrl = `${ready.loggedUrl}${path}`;
  const unloggedUrl = `${ready.unloggedUrl}${path}`;
  // Warm both up (JIT, connection pool) before measuring.
  const warmUp = await load(loggedUrl, 2);
  await load(unloggedUrl, 2);
  // Interleaved rounds, so that neither side gets the machine's quieter moments.
  const runs = {
    logged: /** @type {Awaited<ReturnType<typeof load>>[]} */ ([]),
    unlogged: /** @type {Awaited<ReturnType<typeof load>>[]} */ ([]),
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    runs.unlogged.push(await load(unloggedUrl, DURATION_S));
    runs.logged.push(await load(loggedUrl, DURATION_S));
  }
  const mean = (/** @type {Awaited<ReturnType<typeof load>>[]} */ list) => ({
    rps: list.reduce((n, r) => n + r.rps, 0) / list.length,
    p50: Math.max(...list.map((r) => r.p50)),
    p99: Math.max(...list.map((r) => r.p99)),
    total: list.reduce((n, r) => n + r.total, 0),
  });
  const unlogged = mean(runs.unlogged);
  const logged = mean(runs.logged);

  child.send('stop');
  /** @type {{ consultations: number }} */
  const summary = await new Promise((resolve) => child.once('message', resolve));

  const row = (
    /** @type {string} */ name,
    /** @type {{ rps: number; p50: number; p99: number }} */ r,
  ) =>
    `${name.padEnd(40)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms`;
  console.log(
    `\nDatabase: ${ready.database}; ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s each (mean req/s, worst p50/p99), one server process`,
  );
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
