import { api, query } from './client.js';
import type {
  FederationStatus,
  InboxItem,
  OutboxDetail,
  OutboxItem,
  OutboxState,
  Receipt,
} from './types.js';

/** The operations view of the federation (administrators only). */
const BASE = '/api/v1/federation';

export interface OutboxPage {
  items: OutboxItem[];
  nextBefore: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  nextBefore: number | null;
}

export const federationApi = {
  status: () => api<FederationStatus>('GET', `${BASE}/status`),
  outbox: (filters: { state?: OutboxState | ''; peer?: string; before?: string; limit?: number }) =>
    api<OutboxPage>('GET', `${BASE}/outbox${query({ ...filters })}`),
  /** One envelope as signed, with its receipt. The node records this read in the audit log. */
  inspect: (envelopeId: string) =>
    api<OutboxDetail>('GET', `${BASE}/outbox/${encodeURIComponent(envelopeId)}`),
  retry: (envelopeId: string) =>
    api<OutboxItem>('POST', `${BASE}/outbox/${encodeURIComponent(envelopeId)}/retry`, {}),
  inbox: (filters: { peer?: string; before?: number; limit?: number }) =>
    api<InboxPage>('GET', `${BASE}/inbox${query({ ...filters })}`),
  ping: (nodeId: string) =>
    api<{ envelopeId: string; correlationId: string }>(
      'POST',
      `${BASE}/peers/${encodeURIComponent(nodeId)}/ping`,
      {},
    ),
};

/** How a sent envelope ended up, as far as waiting for it could tell. */
export type DeliveryVerdict =
  | { kind: 'delivered'; item: OutboxItem; receipt: Receipt | null }
  | { kind: 'dead'; item: OutboxItem }
  | { kind: 'timeout'; item: OutboxItem | undefined }
  | { kind: 'aborted' };

export interface WaitOptions {
  intervalMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** For tests: the outbox and its clock. */
  outbox?: (peer: string) => Promise<OutboxPage>;
  inspect?: (envelopeId: string) => Promise<OutboxDetail>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until an envelope to a peer is delivered or became a dead letter, or the time is up.
 * It watches the peer's outbox list, which is not audited; only the delivered envelope is
 * opened (once, for its receipt), since every inspection is recorded in the audit log.
 */
export async function waitForDelivery(
  envelopeId: string,
  peer: string,
  options: WaitOptions = {},
): Promise<DeliveryVerdict> {
  const {
    intervalMs = 500,
    timeoutMs = 15_000,
    signal,
    outbox = (p: string) => federationApi.outbox({ peer: p, limit: 50 }),
    inspect = federationApi.inspect,
    sleep = sleepFor,
    now = Date.now,
  } = options;
  const started = now();
  let item: OutboxItem | undefined;
  for (;;) {
    if (signal?.aborted) return { kind: 'aborted' };
    const page = await outbox(peer);
    // Under heavy traffic the envelope may have left the first page: then open it.
    item = page.items.find((i) => i.envelopeId === envelopeId) ?? (await inspect(envelopeId)).item;
    if (item.state === 'delivered') {
      const detail = await inspect(envelopeId);
      return { kind: 'delivered', item: detail.item, receipt: detail.receipt };
    }
    if (item.state === 'dead') return { kind: 'dead', item };
    if (now() - started >= timeoutMs) return { kind: 'timeout', item };
    await sleep(intervalMs);
  }
}
