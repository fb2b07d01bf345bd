import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Db } from '../kernel/db/database.js';

export interface FederationMetrics {
  delivered(peer: string, latencyMs: number): void;
  failed(peer: string, code: string): void;
  received(peer: string, type: string): void;
  refused(code: string): void;
}

/**
 * Delivery counts, latency (from commit to stored receipt) and failures, and,
 * read from the database at each scrape, the queue per peer and its oldest item.
 */
export function createFederationMetrics(registry: Registry, db: Db): FederationMetrics {
  const delivered = new Counter({
    name: 'senningen_federation_delivered_total',
    help: 'Envelopes delivered with a verified receipt, by peer',
    labelNames: ['peer'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'senningen_federation_delivery_seconds',
    help: 'Time from committing an envelope to storing its receipt, by peer',
    labelNames: ['peer'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300, 3600],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'senningen_federation_delivery_failures_total',
    help: 'Failed delivery attempts, by peer and code',
    labelNames: ['peer', 'code'] as const,
    registers: [registry],
  });
  const received = new Counter({
    name: 'senningen_federation_received_total',
    help: 'Envelopes accepted from peers, by peer and type',
    labelNames: ['peer', 'type'] as const,
    registers: [registry],
  });
  const refused = new Counter({
    name: 'senningen_federation_refused_total',
    help: 'Envelopes refused, by code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'senningen_federation_outbox',
    help: 'Envelopes not yet delivered, by peer and state (pending, dead)',
    labelNames: ['peer', 'state'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('federation_outbound')
        .select(['recipient', 'state', (eb) => eb.fn.countAll<number>().as('count')])
        .where('state', '<>', 'delivered')
        .groupBy(['recipient', 'state'])
        .execute();
      this.reset();
      for (const row of rows)
        this.set({ peer: row.recipient, state: row.state }, Number(row.count));
    },
  });
  new Gauge({
    name: 'senningen_federation_oldest_undelivered_seconds',
    help: 'Age of the oldest envelope not yet delivered, by peer',
    labelNames: ['peer'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('federation_outbound')
        .select(['recipient', (eb) => eb.fn.min('created_at').as('oldest')])
        .where('state', '<>', 'delivered')
        .groupBy('recipient')
        .execute();
      this.reset();
      for (const row of rows) {
        this.set({ peer: row.recipient }, (Date.now() - new Date(row.oldest).getTime()) / 1000);
      }
    },
  });
  return {
    delivered(peer, latencyMs) {
      delivered.inc({ peer });
      latency.observe({ peer }, latencyMs / 1000);
    },
    failed: (peer, code) => failures.inc({ peer, code }),
    received: (peer, type) => received.inc({ peer, type }),
    refused: (code) => refused.inc({ code }),
  };
}
