// @ts-check
// npm run bench:portal: requests per second for the public theme page
// (/nl/themes/senningen: the general text and the latest news) next to serving
// a static HTML file of the same bytes from the same server process, in one run,
// printed as a ratio (target ≥ 0.5), and the same page from a node with its page
// cache switched off (every request queried and rendered). Also prints the server time of rendering a
// theme page and a news page with the page cache bypassed.
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

const child = fork(new URL('./portal-server.js', import.meta.url), {
  env: { ...process.env, ...(targetUrl && { BENCH_TARGET_URL: targetUrl }) },
});
/**
 * @type {{
 *   themeUrl: string; uncachedUrl: string; staticUrl: string; bytes: number; database: string;
 *   render: { theme: { p50: number; p99: number }; news: { p50: number; p99: number } };
 * }}
 */
const ready = await new Promise((resolve, reject) => {
  child.once('message', resolve);
  child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

/** @param {string} url @param {number} seconds */
async function load(url, seconds) {
  const result = await autocannon({
    url,
    // A browser's request: a user agent, HTML accepted, no validator (a full answer each time).
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) bench', accept: 'text/html' },
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
  await load(ready.themeUrl, 2);
  await load(ready.staticUrl, 2);
  await load(ready.uncachedUrl, 2);
  const runs = {
    theme: /** @type {Awaited<ReturnType<typeof load>>[]} */ ([]),
    uncached: /** @type {Awaited<ReturnType<typeof load>>[]} */ ([]),
    static: /** @type {Awaited<ReturnType<typeof load>>[]} */ ([]),
  };
  // Interleaved rounds, so that neither side gets the machine's quieter moments.
  for (let round = 0; round < ROUNDS; round += 1) {
    runs.static.push(await load(ready.staticUrl, DURATION_S));
    runs.theme.push(await load(ready.themeUrl, DURATION_S));
    runs.uncached.push(await load(ready.uncachedUrl, DURATION_S));
  }
  const mean = (/** @type {Awaited<ReturnType<typeof load>>[]} */ list) => ({
    rps: list.reduce((n, r) => n + r.rps, 0) / list.length,
    p50: Math.max(...list.map((r) => r.p50)),
    p99: Math.max(...list.map((r) => r.p99)),
  });
  const theme = mean(runs.theme);
  const file = mean(runs.static);
  const uncached = mean(runs.uncached);
  const row = (
    /** @type {string} */ name,
    /** @type {{ rps: number; p50: number; p99: number }} */ r,
  ) =>
    `${name.padEnd(40)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms`;
  console.log(
    `\nDatabase: ${ready.database}; page of ${ready.bytes} bytes; ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s each (mean req/s, worst p50/p99), one server process`,
  );
  console.log(row('static HTML file, same bytes', file));
  console.log(row('theme page /nl/themes/senningen', theme));
  console.log(row('theme page, page cache off', uncached));
  console.log(`throughput ratio (theme page / static file): ${(theme.rps / file.rps).toFixed(2)}`);
  console.log(
    `throughput ratio (theme page with the cache off / static file): ${(uncached.rps / file.rps).toFixed(2)}`,
  );
  const ms = (/** @type {number} */ n) => `${n.toFixed(2)} ms`;
  console.log(
    `server time without the page cache (median, p99 of 200): theme page ${ms(ready.render.theme.p50)}, ${ms(ready.render.theme.p99)}; news page ${ms(ready.render.news.p50)}, ${ms(ready.render.news.p99)}`,
  );
} finally {
  child.kill();
  await benchDatabase?.drop();
}
