import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../kernel/db/database.js';
import { loadRegister, type RegisterStore } from './federation.js';
import { RegisterError } from './register.js';
import type { PeerFetch } from './transport.js';

const MAX_REGISTER_BYTES = 1024 * 1024;

/**
 * Fetches the published register now and then. A newer valid register is
 * loaded; anything else (unreachable, unsigned, wrongly signed, expired, older)
 * is logged and the node keeps the last valid register it has.
 */
export class RegisterFetcher {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly registers: RegisterStore,
    private readonly url: string,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = 15 * 60_000,
    private readonly fetchPeer: PeerFetch = (url, init) => fetch(url, init),
  ) {}

  start(): void {
    void this.fetchOnce();
    this.timer = setInterval(() => void this.fetchOnce(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async fetchOnce(): Promise<'loaded' | 'unchanged' | 'kept'> {
    try {
      const response = await this.fetchPeer(this.url, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (Number(response.headers.get('content-length') ?? 0) > MAX_REGISTER_BYTES) {
        await response.body?.cancel();
        throw new Error('the register is larger than 1 MiB');
      }
      const text = await response.text();
      if (text.length > MAX_REGISTER_BYTES) throw new Error('the register is larger than 1 MiB');
      const { unchanged, register } = await loadRegister(this.db, text);
      if (!unchanged) {
        this.registers.invalidate();
        this.log.info({ version: register.version }, 'federation register loaded');
      }
      return unchanged ? 'unchanged' : 'loaded';
    } catch (error) {
      const reason =
        error instanceof RegisterError
          ? `${error.code}: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error);
      this.log.warn(
        { url: this.url },
        `federation register not refreshed, keeping the last valid one: ${reason}`,
      );
      return 'kept';
    }
  }
}
