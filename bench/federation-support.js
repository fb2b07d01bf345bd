// @ts-check
// Helpers for npm run bench:federation: fresh named databases, free loopback
// ports, child processes that report when they listen, percentiles, CPU time.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import pg from 'pg';

/** @param {string} serverUrl @param {string} statement */
async function run(serverUrl, statement) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database named `senningen_bench_<label>_<random>` on the PostgreSQL
 * server at `serverUrl`, to be dropped at the end of the run.
 * @param {string} serverUrl
 * @param {string} label
 * @returns {Promise<{ name: string; url: string; drop(): Promise<void> }>}
 */
export async function createNamedBenchDatabase(serverUrl, label) {
  const name = `senningen_bench_${label}_${randomBytes(4).toString('hex')}`;
  await run(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => run(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/** A port on the loopback interface that nothing listens on right now. */
export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {net.AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/**
 * Starts a Node.js process and waits until its output contains `ready`.
 * Its output is kept (the last 20 000 characters) for error messages.
 * @param {string[]} args
 * @param {{ ready: RegExp; env?: NodeJS.ProcessEnv; timeoutMs?: number }} options
 */
export async function startProcess(args, { ready, env = process.env, timeoutMs = 60_000 }) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const keep = (/** @type {Buffer} */ chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  /** @type {RegExpExecArray} */
  const match = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: no start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const look = () => {
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        child.stdout.off('data', look);
        child.stderr.off('data', look);
        child.off('exit', exited);
        resolve(found);
      }
    };
    const exited = (/** @type {number | null} */ code, /** @type {string | null} */ signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code ?? signal}):\n${output}`));
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', exited);
  });
  return {
    child,
    match,
    output: () => output,
    /** SIGTERM, and SIGKILL when it has not exited after `graceMs`. */
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The value at quantile `q` (0–1) of `values`, nearest rank.
 * @param {number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return /** @type {number} */ (sorted[rank]);
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** @param {string} stat the text of /proc/<pid>/stat */
const statCpuSeconds = (stat) => {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
};

/** CPU seconds a process used so far (Linux /proc), or NaN elsewhere. */
export function processCpuSeconds(/** @type {number | undefined} */ pid) {
  try {
    return statCpuSeconds(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds used so far by each of the given processes (Linux /proc; a
 * process that is gone is left out).
 * @param {number[]} pids
 * @returns {Map<number, number>}
 */
export function cpuSecondsByProcess(pids) {
  const seconds = new Map();
  for (const pid of pids) {
    const used = processCpuSeconds(pid);
    if (!Number.isNaN(used)) seconds.set(pid, used);
  }
  return seconds;
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
