import fs from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';

/** How this node makes its requests to peers (deliveries, probes, the register). */
export type PeerFetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<Response>;

export interface ClientTls {
  /** PEM files: the node's client certificate (with its chain) and private key. */
  certFile: string;
  keyFile: string;
  /** PEM file of the CAs that issue peers' server certificates; the system's when unset. */
  caFile?: string;
}

/**
 * Plain `fetch`, or, when the federation requires mutual TLS, `fetch` over a
 * connection pool that presents the node's client certificate to every peer.
 */
export function createPeerFetch(tls: ClientTls | undefined): PeerFetch {
  if (!tls) return (url, init) => fetch(url, init);
  const dispatcher = new Agent({
    connect: {
      cert: fs.readFileSync(tls.certFile),
      key: fs.readFileSync(tls.keyFile),
      ...(tls.caFile !== undefined && { ca: fs.readFileSync(tls.caFile) }),
    },
  });
  return async (url, init) => await undiciFetch(url, { ...init, dispatcher });
}
