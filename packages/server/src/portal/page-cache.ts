/**
 * A small in-process cache of rendered portal answers, per address (the language is
 * part of every address).
 *
 * How stale an answer may be:
 * - at most `ttlMs` (5 seconds by default): view counts, and changes made through
 *   another process of the same node, show within that time;
 * - never past the next scheduled publication this process knows of: an answer
 *   expires at the earliest future publish_at read with it (a publication scheduled by
 *   another process after that read is again bounded by `ttlMs`);
 * - changes made through this process drop every cached answer at once: the editing
 *   service calls `invalidatePortalCache()` after each change.
 *
 * A render that was under way when the cache was dropped is answered but not kept.
 */
import { createHash } from 'node:crypto';

export interface PortalAnswer {
  status: number;
  contentType: string;
  cacheControl: string;
  body: Buffer;
  /** A strong validator: a hash of the bytes. */
  etag: string;
  /** For a news item page: the item, whose views are counted. */
  newsId?: string;
  /** False for answers not worth keeping (an address that leads nowhere). */
  cacheable: boolean;
}

interface Entry {
  answer: PortalAnswer;
  expiresAt: number;
}

const caches = new Set<PageCache>();

/** Drops every rendered portal page of this process; called after each editorial change. */
export function invalidatePortalCache(): void {
  for (const cache of caches) cache.clear();
}

export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

export function makeAnswer(
  status: number,
  contentType: string,
  cacheControl: string,
  content: string | Buffer,
  extra: { newsId?: string; cacheable?: boolean } = {},
): PortalAnswer {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    status,
    contentType,
    cacheControl,
    body,
    etag: strongEtag(body),
    ...(extra.newsId !== undefined && { newsId: extra.newsId }),
    cacheable: extra.cacheable ?? status === 200,
  };
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<PortalAnswer>>();
  private generation = 0;
  /** The next scheduled publication (ms since the epoch) and when it was read. */
  private horizon: { at: number; readAt: number } | null = null;

  constructor(
    /** Reads the earliest publish_at after `now`, or null when none is scheduled. */
    private readonly nextPublication: (now: Date) => Promise<Date | null>,
    readonly ttlMs = 5000,
    readonly maxEntries = 2000,
  ) {
    caches.add(this);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.pending.clear();
    this.horizon = null;
  }

  close(): void {
    this.clear();
    caches.delete(this);
  }

  /**
   * The cached answer for `key`, or the one `render` makes for the moment `now`
   * (concurrent requests for the same address share one render).
   */
  async resolve(key: string, render: (now: Date) => Promise<PortalAnswer>): Promise<PortalAnswer> {
    if (this.ttlMs <= 0) return render(new Date());
    const nowMs = Date.now();
    if (this.horizon !== null && nowMs >= this.horizon.at) this.clear();
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      if (entry.expiresAt > nowMs) return entry.answer;
      this.entries.delete(key);
    }
    const shared = this.pending.get(key);
    if (shared !== undefined) return shared;

    const generation = this.generation;
    const now = new Date(nowMs);
    const work = (async () => {
      const answer = await render(now);
      if (answer.cacheable) {
        if (this.horizon === null || nowMs - this.horizon.readAt >= this.ttlMs) {
          const next = await this.nextPublication(now);
          if (generation === this.generation) {
            this.horizon = { at: next ? next.getTime() : Number.POSITIVE_INFINITY, readAt: nowMs };
          }
        }
        if (generation === this.generation && this.horizon !== null) {
          this.store(key, {
            answer,
            expiresAt: Math.min(nowMs + this.ttlMs, this.horizon.at),
          });
        }
      }
      return answer;
    })();
    this.pending.set(key, work);
    try {
      return await work;
    } finally {
      if (this.pending.get(key) === work) this.pending.delete(key);
    }
  }

  private store(key: string, entry: Entry): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
  }
}
