// @ts-check
// npm run bench:federation: what a signed, durable, receipted envelope from BE
// to NL costs, next to a plain HTTP POST of the same 1 KB payload into a table
// on the receiving side, in one run on loopback.
//
//  - BE runs in this process (runNode): envelopes are enqueued here, through
//    the node's own database pool, and its delivery worker posts them. NL is a
//    `senningen serve` process of its own; the baseline is a bare Fastify
//    process of its own (bench/federation-plain-server.js) writing into the NL
//    database. Sender and receiver never share an event loop.
//  - Idle latency: one envelope at a time, each in a correlation of its own,
//    a short pause between; from the commit of the enqueuing transaction to
//    the moment its receipt is seen stored (state 'delivered', polled every
//    millisecond on a connection of its own). The databases' view,
//    created_at → delivered_at, and where the time goes are printed with it.
//  - Baseline: autocannon POSTs the 1 KB JSON with as many connections as the
//    delivery worker posts envelopes at once (64); one INSERT per request.
//  - Sustained throughput: a few concurrent loops enqueue envelopes (several
//    per transaction, each in its own correlation) for BENCH_DURATION_S
//    seconds, holding the backlog of pending envelopes near BENCH_BACKLOG so
//    that the worker always finds a full batch; then the outbox drains.
//    Envelopes per second = delivered / (last receipt stored − first enqueue),
//    both read from federation_outbound.
//  - CPU per operation (Linux): this process, the NL or plain server process
//    and the PostgreSQL backends serving the bench databases, from /proc.
//
// PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres):
// fresh databases senningen_bench_be_… and senningen_bench_nl_…, dropped at the
// end. BENCH_DATABASE=pglite runs on the embedded database instead.
// BENCH_CPU_PROF_DIR=dir: the NL and plain server processes write CPU profiles
// there (run this script with node --cpu-prof for the BE side).
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import {
  createAuthority,
  draftRegister,
  enqueueEnvelopes,
  initNode,
  loadConfig,
  loadRegister,
  migrateToLatest,
  nodeKeyDir,
  openDatabase,
  runNode,
  signRegister,
} from '@senningen/server';
import {
  cpuSecondsByProcess,
  createNamedBenchDatabase,
  freePort,
  processCpuSeconds,
  quantile,
  sleep,
  startProcess,
} from './federation-support.js';

const KIND = process.env.BENCH_DATABASE ?? 'postgres';
if (KIND !== 'postgres' && KIND !== 'pglite') {
  throw new Error(`BENCH_DATABASE: postgres or pglite, not "${KIND}"`);
}
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 12);
const PLAIN_DURATION_S = Number(process.env.BENCH_PLAIN_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ENQUEUE_LOOPS = Number(process.env.BENCH_ENQUEUE_LOOPS ?? 4);
const ENQUEUE_BATCH = Number(process.env.BENCH_ENQUEUE_BATCH ?? 8);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 512);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 200);
const LATENCY_PAUSE_MS = Number(process.env.BENCH_LATENCY_PAUSE_MS ?? 20);
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;
const DRAIN_TIMEOUT_MS = 300_000;
const CLI = fileURLToPath(new URL('../packages/cli/bin/senningen.js', import.meta.url));

// The payload: a ping whose JSON is exactly 1 KB.
const PAYLOAD = { sentBy: 'bench', note: 'x'.repeat(996) };
const PAYLOAD_TEXT = JSON.stringify(PAYLOAD);
if (Buffer.byteLength(PAYLOAD_TEXT) !== 1024) throw new Error('the payload is not 1 KB');

/**
 * Undone in reverse order at the end, whatever happened.
 * @type {{ name: string; undo: () => Promise<unknown> | unknown }[]}
 */
const cleanups = [];
/** @type {Promise<void> | undefined} */
let cleaning;
/** Runs the clean-up once; a second call waits for the first. */
function cleanUp() {
  cleaning ??= (async () => {
    for (const { name, undo } of cleanups.reverse()) {
      try {
        await undo();
      } catch (error) {
        console.error(`clean-up: ${name}: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** @param {number} value */
const ms = (value) => `${value.toFixed(1).padStart(6)} ms`;
/** @param {number} seconds @param {number} count */
const perOp = (seconds, count) =>
  Number.isNaN(seconds) ? '   ?' : ((seconds * 1000) / count).toFixed(2);

/** Busy CPU time of the whole machine, in seconds. */
function machineBusySeconds() {
  let busy = 0;
  for (const cpu of os.cpus()) {
    const { idle: _idle, ...rest } = cpu.times;
    busy += Object.values(rest).reduce((a, b) => a + b, 0);
  }
  return busy / 1000;
}

/** @typedef {import('@senningen/server').DatabaseHandle['db']} Db */

/**
 * Starts measuring the CPU used by this process, the given child processes and
 * the PostgreSQL backends connected to the bench databases; the function it
 * returns ends the span and gives the seconds each used.
 * @param {Db | undefined} watchDb a PostgreSQL connection to look the backends up; none on PGlite
 * @param {string[]} databases
 * @param {(number | undefined)[]} children
 */
async function measureCpu(watchDb, databases, children) {
  const backends = async () =>
    watchDb
      ? (
          await sql`select pid from pg_stat_activity where datname = any(${databases}::text[])`.execute(
            watchDb,
          )
        ).rows.map((r) => /** @type {{ pid: number }} */ (r).pid)
      : [];
  const started = performance.now();
  const self = process.cpuUsage();
  const kids = children.map((pid) => processCpuSeconds(pid));
  const postgres = cpuSecondsByProcess(await backends());
  const machine = machineBusySeconds();
  return async () => {
    const selfUsed = process.cpuUsage(self);
    let postgresUsed = watchDb ? 0 : NaN;
    for (const [pid, seconds] of cpuSecondsByProcess(await backends())) {
      postgresUsed += seconds - (postgres.get(pid) ?? 0);
    }
    return {
      wall: (performance.now() - started) / 1000,
      self: (selfUsed.user + selfUsed.system) / 1e6,
      children: children.map((pid, i) => processCpuSeconds(pid) - /** @type {number} */ (kids[i])),
      postgres: postgresUsed,
      machine: machineBusySeconds() - machine,
    };
  };
}

/**
 * Medians of the steps of the idle envelopes, from the timestamps both sides
 * keep: created_at (BE, enqueue), last_attempt_at (BE, claimed by the worker),
 * received_at (NL, its handler entered), delivered_at (BE, receipt stored).
 * @param {Db} beDb
 * @param {string} nlUrl
 * @param {string[]} ids
 */
async function idleBreakdown(beDb, nlUrl, ids) {
  const sent = await beDb
    .selectFrom('federation_outbound')
    .select(['envelope_id', 'created_at', 'last_attempt_at', 'delivered_at'])
    .where('envelope_id', 'in', ids)
    .execute();
  const nlHandle = await openDatabase({ kind: 'postgres', url: nlUrl, poolSize: 1 });
  try {
    const received = new Map(
      (
        await nlHandle.db
          .selectFrom('federation_inbound')
          .select(['envelope_id', 'received_at'])
          .where('envelope_id', 'in', ids)
          .execute()
      ).map((r) => [r.envelope_id, r.received_at.getTime()]),
    );
    /** @type {{ claim: number[]; post: number[]; answer: number[] }} */
    const steps = { claim: [], post: [], answer: [] };
    for (const row of sent) {
      const at = received.get(row.envelope_id);
      if (at === undefined || !row.last_attempt_at || !row.delivered_at) continue;
      steps.claim.push(row.last_attempt_at.getTime() - row.created_at.getTime());
      steps.post.push(at - row.last_attempt_at.getTime());
      steps.answer.push(row.delivered_at.getTime() - at);
    }
    return {
      claim: quantile(steps.claim, 0.5),
      post: quantile(steps.post, 0.5),
      answer: quantile(steps.answer, 0.5),
    };
  } finally {
    await nlHandle.close();
  }
}

const loadBefore = os.loadavg()[0] ?? NaN;

try {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-bench-federation-'));
  cleanups.push({ name: 'temporary folder', undo: () => fs.rmSync(tmp, { recursive: true }) });

  // ── Two databases, two identities, one register ───────────────────────────
  const nodes = [];
  for (const id of ['be', 'nl']) {
    const dataDir = path.join(tmp, id);
    fs.mkdirSync(dataDir);
    const database =
      KIND === 'postgres' ? await createNamedBenchDatabase(SERVER_URL, id) : undefined;
    if (database) cleanups.push({ name: `drop ${database.name}`, undo: database.drop });
    const port = await freePort();
    nodes.push({
      id,
      dataDir,
      port,
      url: `http://127.0.0.1:${port}`,
      databaseUrl: database?.url,
      databaseName: database?.name,
    });
  }
  const [be, nl] = /** @type {[(typeof nodes)[0], (typeof nodes)[0]]} */ (nodes);
  const databaseNames = nodes.flatMap((n) => (n.databaseName ? [n.databaseName] : []));

  const open = (/** @type {typeof be} */ node) =>
    node.databaseUrl
      ? openDatabase({ kind: 'postgres', url: node.databaseUrl })
      : openDatabase({ kind: 'pglite', dataDir: node.dataDir });
  const beHandle = await open(be);
  let beHandleOwned = true; // until runNode takes it over
  cleanups.push({ name: 'BE database', undo: () => beHandleOwned && beHandle.close() });
  const nlHandle = await open(nl);
  try {
    const entries = [];
    for (const [node, handle] of /** @type {const} */ ([
      [be, beHandle],
      [nl, nlHandle],
    ])) {
      await migrateToLatest(handle.db);
      entries.push(
        await initNode(handle.db, nodeKeyDir(node.dataDir), {
          nodeId: node.id,
          country: node.id.toUpperCase(),
          name: `Bench ${node.id.toUpperCase()}`,
          url: node.url,
        }),
      );
    }
    const authorityDir = path.join(tmp, 'authority');
    fs.mkdirSync(authorityDir);
    const { key, authority } = await createAuthority(authorityDir);
    const signed = await signRegister(
      await draftRegister({ federation: 'bench', version: 1, validForDays: 1, nodes: entries }),
      key,
    );
    await loadRegister(beHandle.db, signed, { trust: authority });
    await loadRegister(nlHandle.db, signed, { trust: authority });
  } finally {
    await nlHandle.close();
  }

  // ── NL: a serve process of its own. BE: in this process ───────────────────
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const nlArgs = [...profile, CLI, 'serve', '--port', String(nl.port), '--host', '127.0.0.1'];
  nlArgs.push('--data-dir', nl.dataDir, '--log-level', 'warn');
  if (nl.databaseUrl) nlArgs.push('--database-url', nl.databaseUrl);
  const nlProcess = await startProcess(nlArgs, { ready: /listening on (http:\/\/\S+)/ });
  cleanups.push({ name: 'NL node', undo: () => nlProcess.stop() });

  const config = loadConfig(
    {},
    {
      PORT: String(be.port),
      HOST: '127.0.0.1',
      DATA_DIR: be.dataDir,
      DATABASE_URL: be.databaseUrl,
      LOG_LEVEL: 'warn',
    },
  );
  const running = await runNode(config, beHandle);
  beHandleOwned = false;
  cleanups.push({ name: 'BE node', undo: () => running.stop() });
  const { db } = beHandle;
  const federation = running.app.federation;
  const delivery = running.app.delivery;
  if (!federation || !delivery) throw new Error('the BE node has no federation');

  // Observations go through connections of their own, not the node's pool
  // (on the embedded database there is only the node's one).
  const watchHandle = be.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: be.databaseUrl, poolSize: 2 })
    : undefined;
  if (watchHandle) cleanups.push({ name: 'watch connection', undo: () => watchHandle.close() });
  const watchDb = watchHandle?.db ?? db;
  // The PostgreSQL backends are looked up there; there are none on PGlite.
  const cpuWatch = watchHandle?.db;

  /** Enqueues `count` envelopes to NL in one transaction, each in a correlation of its own. */
  const enqueue = async (/** @type {number} */ count) => {
    const ids = await db.transaction().execute((trx) =>
      enqueueEnvelopes(
        trx,
        federation,
        Array.from({ length: count }, () => ({
          recipient: 'nl',
          type: 'ping',
          correlationId: randomUUID(),
          payload: PAYLOAD,
        })),
      ),
    );
    delivery.nudge();
    return ids;
  };
  const pendingCount = async () => {
    const { rows } = await sql`select count(*)::int as n from federation_outbound
      where state = 'pending'`.execute(watchDb);
    return /** @type {{ n: number }} */ (rows[0]).n;
  };
  const drain = async () => {
    const until = Date.now() + DRAIN_TIMEOUT_MS;
    while ((await pendingCount()) > 0) {
      if (Date.now() > until) throw new Error('the outbox did not drain in time');
      await sleep(20);
    }
  };

  // Warm-up: JIT, connections, the register cache, on both sides.
  for (let i = 0; i < 8; i += 1) await enqueue(32);
  await drain();
  for (let i = 0; i < 20; i += 1) await enqueue(1);
  await drain();

  // ── Federation, idle: one envelope at a time ──────────────────────────────
  /** @type {number[]} */
  const idleSeen = [];
  /** @type {string[]} */
  const idleIds = [];
  /** @type {number[]} */
  const idleEnqueue = [];
  for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
    await sleep(LATENCY_PAUSE_MS);
    const started = performance.now();
    const [id] = /** @type {[string]} */ (await enqueue(1));
    const committed = performance.now();
    idleEnqueue.push(committed - started);
    for (;;) {
      const row = await watchDb
        .selectFrom('federation_outbound')
        .select('state')
        .where('envelope_id', '=', id)
        .executeTakeFirstOrThrow();
      if (row.state === 'delivered') break;
      if (row.state === 'dead') throw new Error(`envelope ${id} became a dead letter`);
      if (performance.now() - committed > 30_000) throw new Error(`envelope ${id} not delivered`);
      await sleep(1);
    }
    idleSeen.push(performance.now() - committed);
    idleIds.push(id);
  }
  const idleDb = (
    await sql`select extract(epoch from delivered_at - created_at) * 1000 as ms
      from federation_outbound where envelope_id = any(${idleIds}::uuid[])`.execute(watchDb)
  ).rows.map((r) => Number(/** @type {{ ms: string }} */ (r).ms));
  const idleSteps = nl.databaseUrl ? await idleBreakdown(watchDb, nl.databaseUrl, idleIds) : null;

  // ── Baseline: plain POST + INSERT on the receiving side ───────────────────
  const plain = fork(new URL('./federation-plain-server.js', import.meta.url), {
    execArgv: profile,
    env: {
      ...process.env,
      ...(nl.databaseUrl
        ? { BENCH_TARGET_URL: nl.databaseUrl }
        : { BENCH_PGLITE_DIR: path.join(tmp, 'plain') }),
    },
  });
  cleanups.push({ name: 'plain server', undo: () => plain.exitCode === null && plain.kill() });
  /** @type {{ url: string; database: string }} */
  const plainReady = await new Promise((resolve, reject) => {
    plain.once('message', (m) => resolve(/** @type {{ url: string; database: string }} */ (m)));
    plain.once('exit', (code) => reject(new Error(`the plain server exited with ${code}`)));
  });
  const post = async (/** @type {number} */ seconds) => {
    const result = await autocannon({
      url: plainReady.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: PAYLOAD_TEXT,
      connections: CONNECTIONS,
      duration: seconds,
    });
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`plain POST: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    }
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
    };
  };
  await post(2); // warm-up
  const plainCpuDone = await measureCpu(cpuWatch, databaseNames, [plain.pid]);
  const plainResult = await post(PLAIN_DURATION_S);
  const plainCpu = await plainCpuDone();
  plain.send('stop');
  /** @type {{ rows: number }} */
  const plainSummary = await new Promise((resolve) =>
    plain.once('message', (m) => resolve(/** @type {{ rows: number }} */ (m))),
  );
  await sleep(1000); // let the database settle

  // ── Federation, sustained ─────────────────────────────────────────────────
  const phaseStart = new Date();
  const fedCpuDone = await measureCpu(cpuWatch, databaseNames, [nlProcess.child.pid]);
  let enqueued = 0;
  let transactions = 0;
  let stopping = false;
  // The backlog as last counted, plus what was enqueued since.
  let counted = { pending: 0, enqueued: 0 };
  const watcher = (async () => {
    while (!stopping) {
      const before = enqueued;
      counted = { pending: await pendingCount(), enqueued: before };
      await sleep(50);
    }
  })();
  const until = Date.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: ENQUEUE_LOOPS }, async () => {
      while (Date.now() < until) {
        if (counted.pending + (enqueued - counted.enqueued) >= BACKLOG) {
          await sleep(5);
          continue;
        }
        enqueued += ENQUEUE_BATCH;
        transactions += 1;
        await enqueue(ENQUEUE_BATCH);
      }
    }),
  );
  const enqueueSeconds = (Date.now() - phaseStart.getTime()) / 1000;
  stopping = true;
  await watcher;
  await drain();
  const fedCpu = await fedCpuDone();

  const summary =
    /** @type {{ delivered: number; dead: number; retries: number; first_enqueue: Date; last_receipt: Date }} */ (
      (
        await sql`select count(*) filter (where state = 'delivered')::int as delivered,
                         count(*) filter (where state = 'dead')::int as dead,
                         coalesce(sum(attempts - 1), 0)::int as retries,
                         min(created_at) as first_enqueue,
                         max(delivered_at) as last_receipt
                    from federation_outbound where created_at >= ${phaseStart}`.execute(watchDb)
      ).rows[0]
    );
  const perSecond = (
    await sql`select floor(extract(epoch from delivered_at - ${phaseStart}::timestamptz))::int as s,
                     count(*)::int as n
                from federation_outbound where created_at >= ${phaseStart} and state = 'delivered'
               group by 1 order by 1`.execute(watchDb)
  ).rows.map((r) => /** @type {{ n: number }} */ (r).n);
  const loadLatency = (
    await sql`select extract(epoch from delivered_at - created_at) * 1000 as ms
      from federation_outbound where created_at >= ${phaseStart} and state = 'delivered'`.execute(
      watchDb,
    )
  ).rows.map((r) => Number(/** @type {{ ms: string }} */ (r).ms));
  const delivered = summary.delivered;
  const spanS =
    (new Date(summary.last_receipt).getTime() - new Date(summary.first_enqueue).getTime()) / 1000;
  const fedRate = delivered / spanS;
  const sentInAll = /** @type {{ n: number }} */ (
    (
      await sql`select count(*)::int as n from federation_outbound where state = 'delivered'`.execute(
        watchDb,
      )
    ).rows[0]
  ).n;
  let receivedInAll = NaN;
  if (nl.databaseUrl) {
    const nlWatch = await openDatabase({ kind: 'postgres', url: nl.databaseUrl, poolSize: 1 });
    try {
      const { rows } = await sql`select count(*)::int as n from federation_inbound`.execute(
        nlWatch.db,
      );
      receivedInAll = /** @type {{ n: number }} */ (rows[0]).n;
    } finally {
      await nlWatch.close();
    }
  }

  // ── Report ────────────────────────────────────────────────────────────────
  const cores = os.cpus().length;
  const ratio = fedRate / plainResult.rps;
  const idleP50 = quantile(idleSeen, 0.5);
  const verdict = (/** @type {boolean} */ met) => (met ? 'MET' : 'NOT MET');
  const plainOps = plainResult.total;
  const fedServer = /** @type {number} */ (fedCpu.children[0]);
  const plainServer = /** @type {number} */ (plainCpu.children[0]);
  const plainTotal = plainCpu.self + plainServer + (plainCpu.postgres || 0);
  const fedTotal = fedCpu.self + fedServer + (fedCpu.postgres || 0);

  console.log(
    `\nDatabase: ${beHandle.kind === 'postgres' ? `PostgreSQL (${new URL(SERVER_URL).host}, fresh databases)` : 'embedded (PGlite)'}; ` +
      `${cores} CPU cores; load average before the run ${loadBefore.toFixed(2)} (other work on the machine skews the figures)`,
  );
  console.log(
    'BE node and the load in this process; NL node (senningen serve) and the plain server in processes of their own; ' +
      '1 KB JSON payload (ping)',
  );
  console.log(
    `\nplain POST + INSERT into NL database  ${plainResult.rps.toFixed(0).padStart(6)} req/s   ` +
      `p50 ${ms(plainResult.p50)}   p99 ${ms(plainResult.p99)}   ` +
      `(autocannon, ${CONNECTIONS} connections, ${PLAIN_DURATION_S} s, ${plainSummary.rows} rows in all)`,
  );
  console.log(
    `federation BE → NL, sustained         ${fedRate.toFixed(0).padStart(6)} env/s   ` +
      `(${delivered} delivered, receipt stored, in ${spanS.toFixed(1)} s from first enqueue to last receipt)`,
  );
  console.log(
    `  ${ENQUEUE_LOOPS} loops enqueued ${ENQUEUE_BATCH} envelopes per transaction (${transactions} transactions) ` +
      `for ${enqueueSeconds.toFixed(1)} s, backlog held near ${BACKLOG}; ${summary.dead} dead, ${summary.retries} retries; ` +
      `NL inbox holds ${Number.isNaN(receivedInAll) ? '?' : receivedInAll} of the ${sentInAll} delivered in the run`,
  );
  console.log(
    `  delivered per second: ${perSecond.join(' ')}   (receipts are stored per batch of up to 64)`,
  );
  console.log(
    `  created → receipt stored, under load: p50 ${ms(quantile(loadLatency, 0.5))}   ` +
      `p99 ${ms(quantile(loadLatency, 0.99))}   (includes the wait in the backlog)`,
  );
  console.log(
    `federation BE → NL, idle              ${LATENCY_SAMPLES} envelopes one at a time, enqueue commit → receipt seen stored: ` +
      `p50 ${ms(idleP50)}   p99 ${ms(quantile(idleSeen, 0.99))}`,
  );
  console.log(
    `  database clocks, created_at → delivered_at: p50 ${ms(quantile(idleDb, 0.5))}   p99 ${ms(quantile(idleDb, 0.99))}`,
  );
  if (idleSteps) {
    console.log(
      `  medians: enqueue transaction ${quantile(idleEnqueue, 0.5).toFixed(1)} ms; ` +
        `created → claimed ${idleSteps.claim.toFixed(1)} ms, ` +
        `claimed → NL handler ${idleSteps.post.toFixed(1)} ms, ` +
        `NL handler → receipt stored on BE ${idleSteps.answer.toFixed(1)} ms`,
    );
  }
  console.log('\nCPU per operation (ms):');
  console.log(
    `  plain POST     load generator ${perOp(plainCpu.self, plainOps)}   server ${perOp(plainServer, plainOps)}   ` +
      `PostgreSQL ${perOp(plainCpu.postgres, plainOps)}   total ${perOp(plainTotal, plainOps)}   ` +
      `(machine busy ${((100 * plainCpu.machine) / (plainCpu.wall * cores)).toFixed(0)}%)`,
  );
  console.log(
    `  envelope       BE + load      ${perOp(fedCpu.self, delivered)}   NL     ${perOp(fedServer, delivered)}   ` +
      `PostgreSQL ${perOp(fedCpu.postgres, delivered)}   total ${perOp(fedTotal, delivered)}   ` +
      `(machine busy ${((100 * fedCpu.machine) / (fedCpu.wall * cores)).toFixed(0)}%)`,
  );
  if (!Number.isNaN(fedCpu.postgres) && !Number.isNaN(plainCpu.postgres)) {
    console.log(
      `  CPU ratio (plain / envelope): ${(plainTotal / plainOps / (fedTotal / delivered)).toFixed(2)}, ` +
        'the throughput ratio to expect when both are CPU-bound, whatever else runs on the machine',
    );
  }
  console.log(
    `\nthroughput ratio (federation / plain): ${ratio.toFixed(2)}   target >= 0.3    ${verdict(ratio >= 0.3)}`,
  );
  console.log(
    `idle latency p50:                      ${idleP50.toFixed(1)} ms   target < 20 ms   ${verdict(idleP50 < 20)}`,
  );
  if (beHandle.kind !== 'postgres') console.log('(the targets are set for PostgreSQL)');
} finally {
  await cleanUp();
}
