/**
 * Counting the views of news items: once per visitor, per item, per day (the day in
 * Brussels), without cookies and without storing who the visitor is.
 *
 * A visitor is HMAC-SHA256(salt of the day, address + "\n" + user agent). The salt of
 * the day is made by whichever process needs it first (insert, on conflict nothing,
 * then read: every process of the node uses the same one). When the day changes, the
 * earlier days' views and salts are deleted, after which nobody can tell who they were.
 * Known crawlers and requests without a user agent are not counted.
 *
 * Counting never slows a page down: the page answers, the view waits in memory, and
 * the views are written in batches, each in one statement that stores the new
 * (day, item, visitor) rows and adds the number of rows actually stored to the items'
 * view counts (concurrent writers never lose or double an update).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isbot } from 'isbot';
import { sql } from 'kysely';
import type { Db } from '../kernel/db/database.js';

interface PendingView {
  newsId: string;
  address: string;
  userAgent: string;
}

export interface ViewCounterOptions {
  /** How often the waiting views are written (ms). */
  flushIntervalMs?: number;
  /** Written at once when this many views wait; also the rows per statement. */
  batchSize?: number;
  /** Views beyond this many waiting are dropped rather than let memory grow. */
  maxPending?: number;
  /** The clock (tests move it across midnight). */
  now?: () => Date;
  log?: { error(details: object, message: string): void };
}

const brusselsDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Brussels, 'YYYY-MM-DD'. */
export function brusselsDay(at: Date): string {
  return brusselsDate.format(at);
}

/** The visitor's daily pseudonym: it cannot be linked across days once the salt is gone. */
export function visitorHash(salt: Uint8Array, address: string, userAgent: string): Buffer {
  return createHmac('sha256', salt).update(`${address}\n${userAgent}`).digest();
}

/** True when a request with this user agent is a person's view worth counting. */
export function countsAsView(userAgent: string | undefined): userAgent is string {
  return userAgent !== undefined && userAgent.trim() !== '' && !isbot(userAgent);
}

export class ViewCounter {
  private pending = new Map<string, PendingView>();
  private readonly salts = new Map<string, Buffer>();
  private cleanedDay: string | null = null;
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly flushIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxPending: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    private readonly options: ViewCounterOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    this.maxPending = options.maxPending ?? 100_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Writes the waiting views every `flushIntervalMs`, and cleans up when the day changes. */
  start(): void {
    if (this.timer !== null || this.stopped) return;
    this.timer = setInterval(() => void this.flushQuietly(), this.flushIntervalMs);
    this.timer.unref();
  }

  /**
   * Notes a view of a news item. Returns false when it is not counted (a crawler, no
   * user agent, or too many views already waiting).
   */
  record(newsId: string, address: string, userAgent: string | undefined): boolean {
    if (this.stopped || !countsAsView(userAgent)) return false;
    const key = `${newsId}\n${address}\n${userAgent}`;
    if (this.pending.has(key)) return true;
    if (this.pending.size >= this.maxPending) return false;
    this.pending.set(key, { newsId, address, userAgent });
    if (this.pending.size >= this.batchSize) void this.flushQuietly();
    return true;
  }

  /** Writes every waiting view now (after any write already under way). */
  flush(): Promise<void> {
    const run = this.chain.then(() => this.write());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Stops the timer and writes what waits; views noted afterwards are not counted. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async flushQuietly(): Promise<void> {
    try {
      await this.flush();
    } catch (error) {
      this.options.log?.error({ err: error }, 'portal views could not be written');
    }
  }

  private async write(): Promise<void> {
    const today = brusselsDay(this.now());
    if (this.cleanedDay !== today) {
      await this.forgetEarlierDays(today);
      this.cleanedDay = today;
    }
    if (this.pending.size === 0) return;
    const waiting = this.pending;
    this.pending = new Map();
    const views = [...waiting.values()];
    try {
      const salt = await this.saltOf(today);
      for (let start = 0; start < views.length; start += this.batchSize) {
        await this.store(
          today,
          views
            .slice(start, start + this.batchSize)
            .map((v) => ({ newsId: v.newsId, visitor: visitorHash(salt, v.address, v.userAgent) })),
        );
      }
    } catch (error) {
      // Back in line for the next flush. Views already stored are not counted twice:
      // a (day, item, visitor) row is stored once.
      for (const [key, view] of waiting) {
        if (this.pending.size >= this.maxPending) break;
        if (!this.pending.has(key)) this.pending.set(key, view);
      }
      throw error;
    }
  }

  private async saltOf(day: string): Promise<Buffer> {
    const known = this.salts.get(day);
    if (known) return known;
    await this.db
      .insertInto('portal_view_salt')
      .values({ day, salt: randomBytes(32) })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('portal_view_salt')
      .select('salt')
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    const salt = Buffer.from(row.salt);
    this.salts.set(day, salt);
    return salt;
  }

  /** The views of one day: new (item, visitor) pairs are stored and counted, others ignored. */
  private async store(day: string, rows: { newsId: string; visitor: Buffer }[]): Promise<void> {
    const values = sql.join(rows.map((r) => sql`(${r.newsId}::uuid, ${r.visitor}::bytea)`));
    await sql`
      with input (news_id, visitor) as (values ${values}),
      inserted as (
        insert into portal_view (day, news_id, visitor)
        select ${day}::date, i.news_id, i.visitor
        from input i
        where exists (select 1 from portal_news n where n.id = i.news_id)
        on conflict do nothing
        returning news_id
      )
      update portal_news as n
      set view_count = n.view_count + c.views
      from (select news_id, count(*) as views from inserted group by news_id) as c
      where n.id = c.news_id`.execute(this.db);
  }

  private async forgetEarlierDays(today: string): Promise<void> {
    await this.db.deleteFrom('portal_view').where('day', '<', today).execute();
    await this.db.deleteFrom('portal_view_salt').where('day', '<', today).execute();
    for (const day of this.salts.keys()) if (day < today) this.salts.delete(day);
  }
}
