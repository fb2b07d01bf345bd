import type { Db } from '../kernel/db/database.js';
import {
  appendAuditEntries,
  pendingEntry,
  type AuditContext,
  type AuditEvent,
  type PendingAuditEntry,
} from './audit-log.js';

interface Waiting {
  entry: PendingAuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for audit entries that have no transaction of their own (reads of
 * personal data, refusals, failed logins). `record` resolves only once the entry
 * is committed, so a response is never sent before its audit entry is durable;
 * entries that arrive while a batch is being written go together in the next one,
 * so one commit (one disk flush) serves many requests.
 */
export class AuditWriter {
  #waiting: Waiting[] = [];
  #draining: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 1000,
  ) {}

  record(context: AuditContext, event: AuditEvent): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ entry: pendingEntry(context, event), resolve, reject });
      this.#draining ??= this.#drain();
    });
  }

  /** Waits until every entry handed in so far is written. */
  async flush(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    // Let the requests of this tick join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.maxBatch);
      try {
        // One statement, committed on its own: one round trip and one flush per batch.
        await appendAuditEntries(
          this.db,
          batch.map((w) => w.entry),
        );
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.#draining = undefined;
  }
}
