import fs from 'node:fs';
import path from 'node:path';
import { loadRegister, readIdentity } from '../federation/federation.js';
import { canonicalJson } from '../kernel/crypto/canonical-json.js';
import { nodeKeyDir, readPrivateKeyFile } from '../federation/keys.js';
import {
  openRegister,
  signRegister,
  type AuthorityKey,
  type RegisterNode,
} from '../federation/register.js';
import { createAuthority, draftRegister, identityEntry, initNode } from '../federation/setup.js';
import { loadConfig, type LogLevel } from '../kernel/config.js';
import { openDatabase, type DatabaseHandle } from '../kernel/db/database.js';
import { migrateToLatest } from '../kernel/db/migrate.js';
import { runNode, type RunningNode } from '../node.js';
import { DEMO_COUNTRIES, type DemoCountry } from './demo-data.js';
import { seedDemoExchange } from './demo-exchange.js';
import { seedDemoPortal } from './demo-portal.js';

export const DEMO_FEDERATION = 'senningen-benelux-demo';

export const DEMO_NODES: { nodeId: string; country: DemoCountry; name: string }[] = [
  { nodeId: 'be', country: 'BE', name: 'Senningen België / Belgique' },
  { nodeId: 'nl', country: 'NL', name: 'Senningen Nederland' },
  { nodeId: 'lu', country: 'LU', name: 'Senningen Luxembourg' },
];

export interface DemoFederation {
  nodes: {
    nodeId: string;
    country: DemoCountry;
    node: RunningNode;
    users: (typeof DEMO_COUNTRIES)[DemoCountry]['users'];
  }[];
  registerVersion: number;
  stop(): Promise<void>;
}

/**
 * Runs the demo federation in one process: Belgium, the Netherlands and
 * Luxembourg, each a node with its own embedded database, demo data and
 * signing key, under one register signed by a demo federation authority. The
 * first run creates everything in `dataDir`; later runs reuse it, issuing a
 * new register only when the nodes, their addresses or keys changed or the
 * register is about to expire.
 */
export async function startDemoFederation(options: {
  dataDir: string;
  host: string;
  ports: [number, number, number];
  logLevel: LogLevel;
  webDir?: string;
}): Promise<DemoFederation> {
  const handles: DatabaseHandle[] = [];
  const running: DemoFederation['nodes'] = [];
  try {
    const entries: RegisterNode[] = [];
    const configs = [];
    for (const [index, demo] of DEMO_NODES.entries()) {
      const config = loadConfig(
        {},
        {
          DATA_DIR: path.join(options.dataDir, demo.nodeId),
          PORT: String(options.ports[index]),
          HOST: options.host,
          LOG_LEVEL: options.logLevel,
        },
      );
      const handle = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
      handles.push(handle);
      await migrateToLatest(handle.db);
      const keyDir = nodeKeyDir(config.dataDir);
      const identity = await readIdentity(handle.db);
      if (!identity) {
        await initNode(handle.db, keyDir, { ...demo, url: config.publicUrl });
      } else if (identity.url !== config.publicUrl) {
        // The demo moved to other ports: the node is where it now listens.
        await handle.db.updateTable('federation_identity').set({ url: config.publicUrl }).execute();
      }
      entries.push(await identityEntry(handle.db, keyDir));
      configs.push(config);
    }

    const authorityDir = path.join(options.dataDir, 'authority');
    const authority = fs.existsSync(path.join(authorityDir, 'authority.pub.json'))
      ? (JSON.parse(
          fs.readFileSync(path.join(authorityDir, 'authority.pub.json'), 'utf8'),
        ) as AuthorityKey)
      : (await createAuthority(authorityDir)).authority;
    const registerVersion = await ensureRegister(handles, entries, authority, authorityDir);

    for (const [index, demo] of DEMO_NODES.entries()) {
      const node = await runNode(configs[index]!, handles[index]!, {
        demo: demo.country,
        ...(options.webDir !== undefined && { webDir: options.webDir }),
      });
      running.push({
        nodeId: demo.nodeId,
        country: demo.country,
        node,
        users: DEMO_COUNTRIES[demo.country].users,
      });
    }
    // Each node probed its peers as it started, before the later ones listened.
    await Promise.all(
      running.flatMap(({ node }) => (node.app.delivery ? [node.app.delivery.probePeers()] : [])),
    );
    await seedDemoExchange(running);
    await seedDemoPortal(running);
    return {
      nodes: running,
      registerVersion,
      async stop() {
        await Promise.all(running.map((r) => r.node.stop()));
      },
    };
  } catch (error) {
    await Promise.all(running.map((r) => r.node.stop()));
    for (const handle of handles.slice(running.length)) await handle.close();
    throw error;
  }
}

/** Keeps the register the nodes hold, or issues and loads a new one. */
async function ensureRegister(
  handles: DatabaseHandle[],
  entries: RegisterNode[],
  authority: AuthorityKey,
  authorityDir: string,
): Promise<number> {
  const now = new Date();
  let highest = 0;
  let reusable = true;
  for (const handle of handles) {
    const row = await handle.db
      .selectFrom('federation_register')
      .select(['version', 'document'])
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    highest = Math.max(highest, row?.version ?? 0);
    if (!row) {
      reusable = false;
      continue;
    }
    const register = await openRegister(row.document, authority, now).catch(() => null);
    const sameNodes =
      register !== null &&
      register.expiresAt.getTime() - now.getTime() > 86_400_000 &&
      canonicalJson(register.document.nodes) === canonicalJson(entries);
    if (!sameNodes) reusable = false;
  }
  if (reusable) return highest;

  const key = await readPrivateKeyFile(path.join(authorityDir, 'authority.key.pem'));
  const document = await draftRegister({
    federation: DEMO_FEDERATION,
    version: highest + 1,
    validForDays: 30,
    nodes: entries,
    now,
  });
  const signed = await signRegister(document, key);
  for (const handle of handles) await loadRegister(handle.db, signed, { trust: authority, now });
  return document.version;
}
