// @ts-check
// Shared by the benchmarks that compare a read logged as a consultation of
// personal data with the same read on a node whose audit writer is a no-op:
// autocannon load, interleaved rounds, and the printed rows.
import autocannon from 'autocannon';

export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** @typedef {{ rps: number; p50: number; p99: number; total: number }} Load */
/** @typedef {{ url: string; cookie: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }} Target */

/** @param {Target} target @param {number} seconds @returns {Promise<Load>} */
export async function load(target, seconds) {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: { cookie: target.cookie, ...target.headers },
    ...(target.body !== undefined && { body: target.body }),
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

/**
 * Warms both up (JIT, connection pool), then runs interleaved rounds, so that
 * neither side gets the machine's quieter moments; returns the mean of each
 * side (mean req/s, worst p50/p99) and the logged side's warm-up.
 * @param {Target} logged @param {Target} unlogged
 */
export async function compare(logged, unlogged) {
  const warmUp = await load(logged, 2);
  await load(unlogged, 2);
  /** @type {Load[]} */ const loggedRuns = [];
  /** @type {Load[]} */ const unloggedRuns = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    unloggedRuns.push(await load(unlogged, DURATION_S));
    loggedRuns.push(await load(logged, DURATION_S));
  }
  return { warmUp, logged: mean(loggedRuns), unlogged: mean(unloggedRuns) };
}

/** @param {Load[]} list @returns {Load} */
function mean(list) {
  return {
    rps: list.reduce((n, r) => n + r.rps, 0) / list.length,
    p50: Math.max(...list.map((r) => r.p50)),
    p99: Math.max(...list.map((r) => r.p99)),
    total: list.reduce((n, r) => n + r.total, 0),
  };
}

/** @param {string} name @param {Load} r */
export function row(name, r) {
  return `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms`;
}

/** @param {string} database */
export function heading(database) {
  return `\nDatabase: ${database}; ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s each (mean req/s, worst p50/p99), one server process`;
}
