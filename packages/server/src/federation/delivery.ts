import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, DbOrTrx } from '../kernel/db/database.js';
import { openReceipt } from './envelope.js';
import type { Federation } from './federation.js';
import type { FederationMetrics } from './federation.metrics.js';
import { parseMessage, serialiseMessage, type SignedMessage } from './jws.js';
import { appendLogEntries, type LogEntry } from './message-log.js';
import type { Register } from './register.js';
import type { PeerFetch } from './transport.js';

export interface DeliverySettings {
  /** Envelopes claimed and posted together. */
  batchSize: number;
  /** How often to look for due envelopes when nothing nudged the worker. */
  pollMs: number;
  /** How long a claim lasts; a worker that dies leaves its envelopes to others after it. */
  leaseMs: number;
  requestTimeoutMs: number;
  /** An envelope still undelivered this long after it was created becomes a dead letter. */
  deadLetterAfterMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How often to probe every peer for the operations view. */
  probeMs: number;
  /** Batches in flight at once: one is posted while the last one's receipts are stored. */
  concurrency: number;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
  batchSize: 64,
  pollMs: 500,
  leaseMs: 30_000,
  requestTimeoutMs: 10_000,
  deadLetterAfterMs: 24 * 3600_000,
  backoffBaseMs: 1000,
  backoffMaxMs: 300_000,
  probeMs: 30_000,
  concurrency: 2,
};

/**
 * Refusals that no retry can cure: the envelope itself is wrong. Everything
 * else (the peer down, an outdated register on either side, out of order) is
 * retried with back-off until the envelope becomes a dead letter.
 */
const PERMANENT = new Set([
  'validation_failed',
  'malformed_json',
  'invalid_utf8',
  'invalid_text',
  'unsupported_media_type',
  'invalid_signature',
  'sender_mismatch',
  'malformed_envelope',
  'unknown_envelope_type',
  'invalid_payload',
  'unsupported_protocol',
  'envelope_conflict',
  'sequence_taken',
  'payload_too_large',
]);

interface Claimed {
  envelope_id: string;
  recipient: string;
  correlation_id: string;
  sequence: number;
  created_at: Date;
  message: string;
  message_hash: string;
  attempts: number;
}

type Outcome =
  | { kind: 'delivered'; item: Claimed; receipt: SignedMessage; latencyMs: number }
  | { kind: 'failed'; item: Claimed; error: string; code: string; permanent: boolean };

/**
 * Exponential back-off with jitter: a random wait between half the bound and the
 * bound (base · 2^(attempts−1), capped), so that retries do not march in step.
 */
export function backoffMs(attempts: number, settings: DeliverySettings, random = Math.random) {
  const bound = Math.min(
    settings.backoffMaxMs,
    settings.backoffBaseMs * 2 ** Math.min(attempts - 1, 30),
  );
  return Math.round(bound / 2 + (random() * bound) / 2);
}

/**
 * Delivers the outbox. Claims due envelopes (the next undelivered one of each
 * correlation) with FOR UPDATE SKIP LOCKED and a lease, so that several
 * processes over one database never post the same envelope at the same time;
 * posts them; stores each peer's verified receipt, or schedules a retry.
 */
export class DeliveryWorker {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private nudged = false;
  private probeTimer: NodeJS.Timeout | null = null;
  private firstProbe: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly federation: Federation,
    private readonly metrics: FederationMetrics,
    private readonly log: FastifyBaseLogger,
    readonly settings: DeliverySettings = DEFAULT_DELIVERY,
    private readonly fetchPeer: PeerFetch = (url, init) => fetch(url, init),
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = Array.from({ length: this.settings.concurrency }, () => this.run());
    this.probeTimer = setInterval(() => void this.trackProbe(), this.settings.probeMs);
    this.probeTimer.unref();
    this.firstProbe = setTimeout(() => void this.trackProbe(), 200);
    this.firstProbe.unref();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.probeTimer) clearInterval(this.probeTimer);
    if (this.firstProbe) clearTimeout(this.firstProbe);
    for (const wake of this.wakers) wake();
    await Promise.all([...this.loops, ...this.probes]);
  }

  /** Probes run by the timers are awaited on stop, so none writes to a closed database. */
  private readonly probes = new Set<Promise<void>>();

  private trackProbe(): Promise<void> {
    const probe = this.probePeers().finally(() => this.probes.delete(probe));
    this.probes.add(probe);
    return probe;
  }

  /** Something was enqueued: look at once instead of at the next poll. */
  nudge(): void {
    this.nudged = true;
    for (const wake of this.wakers) wake();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.deliverBatch();
      } catch (error) {
        this.log.error({ err: error }, 'federation delivery failed');
      }
      if (claimed > 0 || !this.running) continue;
      if (this.nudged) {
        this.nudged = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, this.settings.pollMs);
        this.wakers.add(wake);
      });
      this.nudged = false;
    }
  }

  /** Claims one batch of due envelopes, posts them and records the outcomes. */
  async deliverBatch(): Promise<number> {
    let register: Register;
    try {
      register = await this.federation.registers.current();
    } catch {
      return 0; // nothing can be sent without a register in force
    }
    const claimed = await this.claim();
    if (claimed.length === 0) return 0;
    const outcomes = await Promise.all(claimed.map((item) => this.post(item, register)));
    await this.record(outcomes);
    return claimed.length;
  }

  private async claim(): Promise<Claimed[]> {
    const { leaseMs, batchSize } = this.settings;
    const result = await sql<Claimed>`
      update federation_outbound o
         set lease_until = now() + ${leaseMs} * interval '1 millisecond',
             attempts = o.attempts + 1,
             last_attempt_at = now()
       where o.envelope_id in (
         select d.envelope_id
           from federation_outbound d
           join federation_outbound_sequence s
             on s.recipient = d.recipient and s.correlation_id = d.correlation_id
          where d.state = 'pending'
            and d.next_attempt_at <= now()
            and (d.lease_until is null or d.lease_until < now())
            and d.sequence = s.delivered_through + 1
          order by d.next_attempt_at
          limit ${batchSize}
          for update of d skip locked)
      returning o.envelope_id, o.recipient, o.correlation_id, o.sequence, o.created_at,
                o.message, o.message_hash, o.attempts`.execute(this.db);
    return result.rows;
  }

  private async post(item: Claimed, register: Register): Promise<Outcome> {
    const peer = register.node(item.recipient);
    if (!peer) {
      return failed(
        item,
        'unknown_peer',
        `${item.recipient} is not in register version ${register.version}`,
        false,
      );
    }
    let response: Response;
    try {
      response = await this.fetchPeer(`${peer.url}/federation/v1/envelopes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: item.message,
        signal: AbortSignal.timeout(this.settings.requestTimeoutMs),
      });
    } catch (error) {
      return failed(item, 'unreachable', describeNetworkError(error), false);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failed(item, 'bad_answer', `HTTP ${response.status} without a JSON body`, false);
    }
    if (!response.ok) {
      const problem = body as { code?: unknown; detail?: unknown };
      const code =
        typeof problem.code === 'string' ? problem.code.slice(0, 64) : `http_${response.status}`;
      const detail = typeof problem.detail === 'string' ? problem.detail.slice(0, 500) : '';
      // 422: the receiving capability refused the content; sending it again cannot help.
      const permanent = PERMANENT.has(code) || response.status === 422;
      return failed(item, code, `HTTP ${response.status} ${code}: ${detail}`, permanent);
    }
    const message = parseMessage(body);
    const receipt =
      message &&
      (await openReceipt(message, {
        register,
        envelopeId: item.envelope_id,
        envelopeHash: item.message_hash,
        peer: item.recipient,
        self: this.federation.identity.nodeId,
      }));
    if (!message || !receipt?.ok) {
      return failed(
        item,
        'bad_receipt',
        receipt && !receipt.ok ? receipt.error : 'the answer is not a signed receipt',
        false,
      );
    }
    return {
      kind: 'delivered',
      item,
      receipt: message,
      latencyMs: Date.now() - item.created_at.getTime(),
    };
  }

  private async record(outcomes: Outcome[]): Promise<void> {
    const delivered = outcomes.filter((o) => o.kind === 'delivered');
    const failures = outcomes.filter((o) => o.kind === 'failed');
    const now = new Date();
    await this.db.transaction().execute(async (trx) => {
      if (delivered.length > 0) {
        // One statement: mark them delivered, and move each correlation's
        // delivered-through mark so that its next envelope becomes due.
        const updated = await sql<{ envelope_id: string }>`
          with delivered as (
            update federation_outbound o
               set state = 'delivered', delivered_at = now(), receipt = d.receipt,
                   lease_until = null, last_error = null
              from unnest(${delivered.map((o) => o.item.envelope_id)}::uuid[],
                          ${delivered.map((o) => serialiseMessage(o.receipt))}::text[]) as d(id, receipt)
             where o.envelope_id = d.id and o.state = 'pending'
            returning o.envelope_id, o.recipient, o.correlation_id, o.sequence
          ), moved as (
            update federation_outbound_sequence s
               set delivered_through = greatest(s.delivered_through, delivered.sequence)
              from delivered
             where s.recipient = delivered.recipient and s.correlation_id = delivered.correlation_id
            returning 1
          )
          select envelope_id from delivered`.execute(trx);
        // Only receipts this worker recorded: another that raced it logged its own.
        const fresh = new Set(updated.rows.map((r) => r.envelope_id));
        const entries: LogEntry[] = delivered
          .filter((o) => fresh.has(o.item.envelope_id))
          .map((o) => ({
            loggedAt: now,
            direction: 'received',
            kind: 'receipt',
            peer: o.item.recipient,
            envelopeId: o.item.envelope_id,
            message: o.receipt,
          }));
        await appendLogEntries(trx, entries);
      }
      if (failures.length > 0) {
        await sql`
          update federation_outbound o
             set lease_until = null,
                 last_error = d.error,
                 next_attempt_at = now() + d.delay_ms * interval '1 millisecond',
                 state = case
                   when d.permanent or now() - coalesce(o.retried_at, o.created_at) >= ${this.settings.deadLetterAfterMs} * interval '1 millisecond'
                   then 'dead' else 'pending' end
            from unnest(${failures.map((o) => o.item.envelope_id)}::uuid[],
                        ${failures.map((o) => o.error)}::text[],
                        ${failures.map((o) => backoffMs(o.item.attempts, this.settings))}::bigint[],
                        ${failures.map((o) => o.permanent)}::boolean[]) as d(id, error, delay_ms, permanent)
           where o.envelope_id = d.id and o.state = 'pending'`.execute(trx);
      }
      await recordPeerOutcomes(trx, outcomes, now);
    });
    for (const o of delivered) this.metrics.delivered(o.item.recipient, o.latencyMs);
    for (const o of failures) {
      this.metrics.failed(o.item.recipient, o.code);
      this.log.warn(
        {
          peer: o.item.recipient,
          envelopeId: o.item.envelope_id,
          attempts: o.item.attempts,
          code: o.code,
        },
        `federation delivery failed: ${o.error}`,
      );
    }
  }

  /** Asks every peer who it is, for the operations view's reachability. */
  async probePeers(): Promise<void> {
    let register: Register;
    try {
      register = await this.federation.registers.current();
    } catch {
      return;
    }
    const self = this.federation.identity.nodeId;
    const peers = register.document.nodes.filter((n) => n.id !== self);
    await Promise.all(
      peers.map(async (peer) => {
        const started = Date.now();
        let error: string | null = null;
        try {
          const response = await this.fetchPeer(`${peer.url}/federation/v1/node`, {
            signal: AbortSignal.timeout(5000),
          });
          const body = (await response.json()) as { nodeId?: unknown };
          if (!response.ok) error = `HTTP ${response.status}`;
          else if (body.nodeId !== peer.id)
            error = `answers as ${String(body.nodeId)}, not ${peer.id}`;
        } catch (e) {
          error = describeNetworkError(e);
        }
        try {
          await upsertPeerState(this.db, peer.id, new Date(), error, Date.now() - started);
        } catch (e) {
          this.log.warn({ err: e }, 'could not record peer state');
        }
      }),
    );
  }
}

function failed(item: Claimed, code: string, error: string, permanent: boolean): Outcome {
  return { kind: 'failed', item, code, error: error.slice(0, 1000), permanent };
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (error.name === 'TimeoutError') return 'no answer in time';
    if (cause?.code) return `cannot reach the peer (${cause.code})`;
    return error.message.slice(0, 300);
  }
  return String(error).slice(0, 300);
}

async function recordPeerOutcomes(db: DbOrTrx, outcomes: Outcome[], now: Date): Promise<void> {
  const byPeer = new Map<string, Outcome>();
  for (const outcome of outcomes) {
    // One row per peer: a success anywhere in the batch shows the peer reachable.
    const seen = byPeer.get(outcome.item.recipient);
    if (!seen || outcome.kind === 'delivered') byPeer.set(outcome.item.recipient, outcome);
  }
  for (const [peer, outcome] of [...byPeer].sort(([a], [b]) => a.localeCompare(b))) {
    const delivered = outcome.kind === 'delivered';
    await upsertPeerState(db, peer, now, delivered ? null : outcome.error, null, delivered);
  }
}

async function upsertPeerState(
  db: DbOrTrx,
  nodeId: string,
  at: Date,
  error: string | null,
  latencyMs: number | null,
  delivered = false,
): Promise<void> {
  const success = error === null;
  const lastDelivery = delivered ? { last_delivery_at: at } : {};
  await db
    .insertInto('federation_peer_state')
    .values({
      node_id: nodeId,
      last_attempt_at: at,
      last_success_at: success ? at : null,
      last_failure_at: success ? null : at,
      last_error: error,
      last_latency_ms: latencyMs,
      ...lastDelivery,
    })
    .onConflict((oc) =>
      oc.column('node_id').doUpdateSet((eb) => ({
        last_attempt_at: at,
        last_success_at: success ? at : eb.ref('federation_peer_state.last_success_at'),
        last_failure_at: success ? eb.ref('federation_peer_state.last_failure_at') : at,
        last_error: error,
        last_latency_ms: latencyMs ?? eb.ref('federation_peer_state.last_latency_ms'),
        ...lastDelivery,
      })),
    )
    .execute();
}
