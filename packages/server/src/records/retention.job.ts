import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { appendAuditEntries, pendingEntry, type AuditContext } from '../audit/audit-log.js';
import { agencyUsersWithRoles } from '../exchange/exchange.queries.js';
import type { Db, Trx } from '../kernel/db/database.js';
import { eraseRecord } from './records.queries.js';
import {
  claimExpiredRecords,
  claimRecordsDueForReview,
  insertPlainNotifications,
  insertReviewTasks,
} from './retention.queries.js';

/** The erasure reason of a record whose retention period has run out. */
export const RETENTION_EXPIRED = 'retention_expired';

const DAY_MS = 86_400_000;
/** Records handled per transaction; a pass goes on until none is left. */
const BATCH = 200;

const SYSTEM: AuditContext = { actor: null, clientAddress: null, requestId: 'retention-job' };

export interface RetentionPass {
  reviewsRaised: number;
  erased: number;
}

/**
 * Keeps the retention schedule: erases every record whose retention period has
 * run out (locally: every node keeps its own schedule, so no notices go out),
 * then raises a review task for the holder agency of every record whose review
 * has come, and tells that agency's SPOCs. Runs at start-up and once a day.
 * Several processes over one database share the work: rows are claimed with
 * SKIP LOCKED, and a record never gets two tasks for one review date.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = DAY_MS,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; returns how many reviews were raised and how many records erased. */
  async tick(): Promise<RetentionPass> {
    const result: RetentionPass = { reviewsRaised: 0, erased: 0 };
    if (this.running) return result;
    this.running = (async () => {
      try {
        const now = this.clock();
        // Erasure first: a record that expires needs no review any more.
        for (let n = BATCH; n === BATCH;) {
          n = await this.db.transaction().execute((trx) => this.eraseExpired(trx, now));
          result.erased += n;
        }
        for (let n = BATCH; n === BATCH;) {
          const pass = await this.db.transaction().execute((trx) => this.raiseReviews(trx, now));
          n = pass.claimed;
          result.reviewsRaised += pass.raised;
        }
        if (result.erased + result.reviewsRaised > 0) {
          this.log.info(result, 'retention pass');
        }
      } catch (error) {
        this.log.error({ err: error }, 'retention pass failed');
      }
    })();
    await this.running;
    this.running = null;
    return result;
  }

  private async eraseExpired(trx: Trx, now: Date): Promise<number> {
    const expired = await claimExpiredRecords(trx, now, BATCH);
    const entries = [];
    for (const record of expired) {
      if (!(await eraseRecord(trx, record.id, RETENTION_EXPIRED, now))) continue;
      entries.push(
        pendingEntry(SYSTEM, {
          action: 'record.expire',
          objectType: `record.${record.kind}`,
          objectId: record.id,
          details: {
            category: record.category,
            reason: RETENTION_EXPIRED,
            expiresAt: record.expires_at.toISOString(),
          },
        }),
      );
    }
    await appendAuditEntries(trx, entries);
    return expired.length;
  }

  private async raiseReviews(trx: Trx, now: Date): Promise<{ claimed: number; raised: number }> {
    const due = await claimRecordsDueForReview(trx, now, BATCH);
    const raised = await insertReviewTasks(
      trx,
      due.map((record) => ({
        id: uuidv7(),
        record_id: record.id,
        agency_id: record.holder_agency_id,
        due_at: record.review_at,
        created_at: now,
      })),
    );
    // One notice per user and pass, however many reviews their agency got.
    const users = new Set<string>();
    for (const agencyId of new Set(due.map((record) => record.holder_agency_id))) {
      let spocs = await agencyUsersWithRoles(trx, agencyId, ['spoc']);
      // An agency without SPOC operators: its officers hear of it.
      if (spocs.length === 0) spocs = await agencyUsersWithRoles(trx, agencyId, ['officer']);
      for (const id of spocs) users.add(id);
    }
    await insertPlainNotifications(
      trx,
      [...users].map((userId) => ({
        id: uuidv7(),
        user_id: userId,
        kind: 'record_review',
        created_at: now,
      })),
    );
    return { claimed: due.length, raised };
  }
}
