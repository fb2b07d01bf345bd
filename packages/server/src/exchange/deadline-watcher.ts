import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Trx } from '../kernel/db/database.js';
import { OPEN_STATES } from './exchange.model.js';
import { agencyUsersWithRoles, insertNotifications } from './exchange.queries.js';

/**
 * Tells handlers when a deadline comes near (at its warning time, set per
 * deadline class) and when it has passed; on the requesting side, tells the
 * officer who asked. Each request is told once per deadline: a new deadline
 * (say, after a clarification) warns again. Several processes over one
 * database share the work: rows are claimed with SKIP LOCKED.
 */
export class DeadlineWatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = 60_000,
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

  /** One pass; returns how many notices were raised. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    let raised = 0;
    this.running = (async () => {
      try {
        raised = await this.db.transaction().execute((trx) => this.pass(trx));
      } catch (error) {
        this.log.error({ err: error }, 'deadline watcher pass failed');
      }
    })();
    await this.running;
    this.running = null;
    return raised;
  }

  private async pass(trx: Trx): Promise<number> {
    const now = this.clock();
    const due = await trx
      .selectFrom('exchange_request')
      .select([
        'id',
        'reference',
        'side',
        'owner_agency_id',
        'assignee_id',
        'created_by',
        'due_at',
        'warn_at',
        'warned_at',
        'overdue_notified_at',
      ])
      .where('state', 'in', OPEN_STATES)
      .where('due_at', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('warned_at', 'is', null), eb('warn_at', '<=', now)]),
          eb.and([eb('overdue_notified_at', 'is', null), eb('due_at', '<=', now)]),
        ]),
      )
      .orderBy('due_at')
      .limit(500)
      .forUpdate()
      .skipLocked()
      .execute();
    let raised = 0;
    for (const row of due) {
      const overdue = row.due_at! <= now;
      const kind = overdue ? 'deadline_exceeded' : 'deadline_approaching';
      let users: string[];
      if (row.side === 'requester') {
        users = row.created_by ? [row.created_by] : [];
      } else if (row.assignee_id) {
        users = [row.assignee_id];
      } else {
        users = await agencyUsersWithRoles(trx, row.owner_agency_id, ['spoc']);
        // A designated agency without SPOC operators: its officers hear of it.
        if (users.length === 0) {
          users = await agencyUsersWithRoles(trx, row.owner_agency_id, ['officer']);
        }
      }
      await insertNotifications(
        trx,
        users,
        { kind, requestId: row.id, reference: row.reference, now },
        uuidv7,
      );
      await trx
        .updateTable('exchange_request')
        .set({
          warned_at: row.warned_at ?? now,
          ...(overdue && { overdue_notified_at: now }),
        })
        .where('id', '=', row.id)
        .execute();
      raised += users.length;
    }
    return raised;
  }
}
