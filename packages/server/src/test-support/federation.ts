import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp, type App } from '../app.js';
import type { DeliverySettings } from '../federation/delivery.js';
import { loadRegister } from '../federation/federation.js';
import { nodeKeyDir, type SigningKey } from '../federation/keys.js';
import {
  signRegister,
  type AuthorityKey,
  type RegisterDocument,
  type RegisterNode,
} from '../federation/register.js';
import { createAuthority, draftRegister, initNode } from '../federation/setup.js';
import type { DatabaseHandle } from '../kernel/db/database.js';
import { createTestDatabase } from './database.js';

/** A port on the loopback interface that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Fast retries for tests: a failed delivery is tried again within a few hundred ms. */
export const TEST_DELIVERY: Partial<DeliverySettings> = {
  pollMs: 50,
  backoffBaseMs: 100,
  backoffMaxMs: 400,
  requestTimeoutMs: 5000,
  probeMs: 60_000,
};

export interface MemberNode {
  nodeId: string;
  url: string;
  port: number;
  dataDir: string;
  keyDir: string;
  database: DatabaseHandle;
  dataKey: Buffer;
  entry: RegisterNode;
  /** The running app; null while stopped. */
  app: App | null;
  logs: string[];
  /** Starts (again) on the same port over the same database. */
  start(): Promise<App>;
  /** Stops taking requests and delivering; the database stays. */
  stop(): Promise<void>;
}

export interface TestFederation {
  nodes: Record<string, MemberNode>;
  authority: AuthorityKey;
  authorityKey: SigningKey;
  dir: string;
  /** Signs a register for the given (or current) node entries and loads it everywhere. */
  issueRegister(change?: (document: RegisterDocument) => RegisterDocument): Promise<string>;
  close(): Promise<void>;
}

/**
 * Several nodes, each with its own database, keys and HTTP server on loopback,
 * under one register signed by a test authority.
 */
export async function createTestFederation(
  ids: { nodeId: string; country: string }[],
  options: { delivery?: Partial<DeliverySettings>; worker?: boolean } = {},
): Promise<TestFederation> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-federation-'));
  const { key: authorityKey, authority } = await createAuthority(path.join(dir, 'authority'));
  const nodes: Record<string, MemberNode> = {};
  let version = 0;

  for (const { nodeId, country } of ids) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dataDir = path.join(dir, nodeId);
    const keyDir = nodeKeyDir(dataDir);
    const database = await createTestDatabase();
    const entry = await initNode(database.db, keyDir, {
      nodeId,
      country,
      name: `Test node ${nodeId}`,
      url,
    });
    const logs: string[] = [];
    const dataKey = randomBytes(32);
    const member: MemberNode = {
      nodeId,
      url,
      port,
      dataDir,
      keyDir,
      database,
      dataKey,
      entry,
      app: null,
      logs,
      async start() {
        const app = await buildApp({
          config: { logLevel: 'info', publicUrl: url },
          db: database.db,
          dataKey,
          webDir: '/nonexistent',
          logStream: new Writable({
            write(chunk: Buffer, _encoding, callback) {
              logs.push(chunk.toString('utf8'));
              callback();
            },
          }),
          federation: {
            keyDir,
            delivery: { ...TEST_DELIVERY, ...options.delivery },
            ...(options.worker !== undefined && { worker: options.worker }),
          },
        });
        await app.server.listen({ port, host: '127.0.0.1' });
        member.app = app;
        return app;
      },
      async stop() {
        const app = member.app;
        member.app = null;
        await app?.close();
      },
    };
    nodes[nodeId] = member;
  }

  const federation: TestFederation = {
    nodes,
    authority,
    authorityKey,
    dir,
    async issueRegister(change = (d) => d) {
      version += 1;
      const document = change(
        await draftRegister({
          federation: 'senningen-test',
          version,
          validForDays: 1,
          nodes: Object.values(nodes).map((n) => n.entry),
        }),
      );
      const signed = await signRegister(document, authorityKey);
      for (const node of Object.values(nodes)) {
        await loadRegister(node.database.db, signed, { trust: authority });
        node.app?.federation?.registers.invalidate();
      }
      return signed;
    },
    async close() {
      for (const node of Object.values(nodes)) {
        await node.stop();
        await node.database.close();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await federation.issueRegister();
  for (const node of Object.values(nodes)) await node.start();
  return federation;
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
