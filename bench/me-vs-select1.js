// @ts-check
// npm run bench: throughput and p99 latency of an authenticated, audited
// GET /api/v1/me against a bare Fastify route doing one SELECT 1 on the same
// database, in one run, printed as ratios.
//
// BENCH_DATABASE_URL=postgres://… runs on a fresh database created on that
// server (and dropped afterwards); without it, on the embedded database.
import { fork } from 'node:child_process';
import autocannon from 'autocannon';
import { createBenchDatabase } from './bench-database.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const serverUrl = process.env.BENCH_DATABASE_URL;
const benchDatabase = serverUrl ? await createBenchDatabase(serverUrl) : undefined;
const targetUrl = benchDatabase?.url;

const child = fork(new URL('./bench-server.js', import.meta.url), {
  env: { ...process.env, ...(targetUrl && { BENCH_TARGET_URL: targetUrl }) },
});
/** @type {{ nodeUrl: string; bareUrl: string; cookie: string; database: string }} */
const ready = await new Promise((resolve, reject) => {
  child.once('message', resolve);
  child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

/** @param {string} url @param {Record<string, string>} headers @param {number} seconds */
async function load(url, headers, seconds) {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
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
  const meUrl = `${ready.nodeUrl}/api/v1/me`;
  const bareUrl = `${ready.bareUrl}/select1`;
  const auth = { cookie: ready.cookie };
  // Warm both up (JIT, connection pool) before measuring.
  await load(bareUrl, {}, 2);
  const meWarmUp = await load(meUrl, auth, 2);
  const bare = await load(bareUrl, {}, DURATION_S);
  const me = await load(meUrl, auth, DURATION_S);

  child.send('stop');
  /** @type {{ auditEntries: number }} */
  const summary = await new Promise((resolve) => child.once('message', resolve));

  const row = (
    /** @type {string} */ name,
    /** @type {{ rps: number; p50: number; p99: number }} */ r,
  ) =>
    `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms`;
  console.log(
    `\nDatabase: ${ready.database}; ${CONNECTIONS} connections, ${DURATION_S} s each, one process per side`,
  );
  console.log(row('bare SELECT 1', bare));
  console.log(row('GET /api/v1/me (session, audited)', me));
  console.log(`throughput ratio (me / bare): ${(me.rps / bare.rps).toFixed(2)}   target >= 0.6`);
  console.log(`p99 ratio (bare / me):         ${(bare.p99 / Math.max(me.p99, 1)).toFixed(2)}`);
  // One entry per /me answer (warm-up included) and a few from setting up.
  console.log(
    `audit entries: ${summary.auditEntries} for ${meWarmUp.total + me.total} answers from /me, warm-up included`,
  );
} finally {
  child.kill();
  await benchDatabase?.drop();
}
