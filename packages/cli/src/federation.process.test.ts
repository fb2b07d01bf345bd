import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EnvelopeTypes,
  enqueueEnvelopes,
  loadFederation,
  loadRegister,
  migrateToLatest,
  nodeKeyDir,
  openDatabase,
  signRegister,
  verifyMessageLog,
  type DatabaseHandle,
} from '@senningen/server';
import { pingType } from '../../server/src/federation/ping.js';
import { createAuthority, draftRegister, initNode } from '../../server/src/federation/setup.js';
import { hashToken, newSecretToken } from '../../server/src/kernel/crypto/tokens.js';
import { createPostgresTestDatabase } from '../../server/src/test-support/database.js';
import { createTestAgency, createTestUser } from '../../server/src/test-support/factories.js';
import { eventually, freePort } from '../../server/src/test-support/federation.js';

/**
 * Real `senningen serve` processes on loopback: killed with SIGKILL in the middle
 * of a burst, and two processes over one PostgreSQL database.
 */
const CLI = fileURLToPath(new URL('../bin/senningen.js', import.meta.url));
const SERVER_URL = process.env.TEST_DATABASE_URL;

interface NodeSetup {
  nodeId: string;
  dataDir: string;
  port: number;
  url: string;
  databaseUrl: string | undefined;
  drop?: () => Promise<void>;
}

let dir: string;
const children = new Set<ChildProcess>();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-processes-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(node: NodeSetup): Promise<DatabaseHandle> {
  const handle = await openDatabase(
    node.databaseUrl
      ? { kind: 'postgres', url: node.databaseUrl, poolSize: 3 }
      : { kind: 'pglite', dataDir: node.dataDir },
  );
  await migrateToLatest(handle.db);
  return handle;
}

/** Two nodes, BE and NL, with identities, keys and a register; databases closed again. */
async function setUp(name: string): Promise<{ be: NodeSetup; nl: NodeSetup; adminToken: string }> {
  const base = path.join(dir, name);
  const { key, authority } = await createAuthority(path.join(base, 'authority'));
  const nodes: NodeSetup[] = [];
  for (const nodeId of ['be', 'nl']) {
    const port = await freePort();
    const fresh = SERVER_URL ? await createPostgresTestDatabase(SERVER_URL) : undefined;
    nodes.push({
      nodeId,
      dataDir: path.join(base, nodeId),
      port,
      url: `http://127.0.0.1:${port}`,
      databaseUrl: fresh?.url,
      ...(fresh && { drop: () => fresh.drop() }),
    });
  }
  const handles = [];
  try {
    const entries = [];
    for (const node of nodes) {
      const handle = await open(node);
      handles.push(handle);
      entries.push(
        await initNode(handle.db, nodeKeyDir(node.dataDir), {
          nodeId: node.nodeId,
          country: node.nodeId.toUpperCase(),
          name: `Node ${node.nodeId}`,
          url: node.url,
        }),
      );
    }
    const signed = await signRegister(
      await draftRegister({ federation: 'test', version: 1, validForDays: 1, nodes: entries }),
      key,
    );
    for (const handle of handles) await loadRegister(handle.db, signed, { trust: authority });
    const adminToken = await issueAdminToken(handles[0]!);
    return { be: nodes[0]!, nl: nodes[1]!, adminToken };
  } finally {
    for (const handle of handles) await handle.close();
  }
}

async function issueAdminToken(handle: DatabaseHandle): Promise<string> {
  const agency = await createTestAgency(handle.db);
  const admin = await createTestUser(handle.db, randomBytes(32), {
    agencyId: agency.id,
    roles: ['admin'],
  });
  const token = newSecretToken('snt');
  await handle.db
    .insertInto('api_token')
    .values({
      id: randomUUID(),
      token_hash: hashToken(token),
      user_id: admin.id,
      name: 'test',
      roles: ['admin'],
      created_by: admin.id,
      created_at: new Date(),
      expires_at: new Date(Date.now() + 3_600_000),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

/** Starts `senningen serve` for a node and waits until it listens. */
async function serve(node: NodeSetup): Promise<ChildProcess> {
  const args = [CLI, 'serve', '--port', String(node.port), '--host', '127.0.0.1'];
  args.push('--data-dir', node.dataDir, '--log-level', 'warn');
  if (node.databaseUrl) args.push('--database-url', node.databaseUrl);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}):\n${output}`));
    });
  });
  return child;
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

async function deliveredEverything(
  be: NodeSetup,
  nl: NodeSetup,
): Promise<{ sent: string[]; received: string[] }> {
  const [beDb, nlDb] = [await open(be), await open(nl)];
  try {
    const sent = await beDb.db
      .selectFrom('federation_outbound')
      .select(['envelope_id', 'state'])
      .orderBy('envelope_id')
      .execute();
    expect(sent.filter((r) => r.state !== 'delivered')).toEqual([]);
    const received = await nlDb.db
      .selectFrom('federation_inbound')
      .select('envelope_id')
      .orderBy('envelope_id')
      .execute();
    expect(await verifyMessageLog(beDb.db)).toMatchObject({ intact: true });
    expect(await verifyMessageLog(nlDb.db)).toMatchObject({ intact: true });
    return { sent: sent.map((r) => r.envelope_id), received: received.map((r) => r.envelope_id) };
  } finally {
    await beDb.close();
    await nlDb.close();
  }
}

async function countPending(node: NodeSetup): Promise<number> {
  const response = await fetch(`${node.url}/metrics`);
  const text = await response.text();
  return [...text.matchAll(/^senningen_federation_outbox\{peer="nl",state="pending"\} (\d+)/gm)]
    .map((m) => Number(m[1]))
    .reduce((a, b) => a + b, 0);
}

describe('serve processes', () => {
  it('loses nothing and applies nothing twice when the sender is killed mid-burst', async () => {
    const { be, nl, adminToken } = await setUp('kill');
    const nlProcess = await serve(nl);
    let beProcess = await serve(be);
    const accepted: string[] = [];
    let killed = false;
    const burst = async () => {
      for (let i = 0; i < 1000; i += 25) {
        const answers = await Promise.all(
          Array.from({ length: 25 }, () =>
            fetch(`${be.url}/api/v1/federation/peers/nl/ping`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${adminToken}`,
                'content-type': 'application/json',
              },
              body: '{}',
            })
              .then(async (r) =>
                r.status === 202 ? ((await r.json()) as { envelopeId: string }) : null,
              )
              .catch(() => null),
          ),
        );
        for (const answer of answers) if (answer) accepted.push(answer.envelopeId);
        if (!killed && i >= 400) {
          killed = true;
          await stop(beProcess, 'SIGKILL');
          beProcess = await serve(be);
        }
      }
    };
    await burst();
    expect(killed).toBe(true);
    expect(accepted.length).toBeGreaterThan(900);
    await eventually('the outbox drains', async () => (await countPending(be)) === 0, 200_000);
    await stop(beProcess);
    await stop(nlProcess);

    const { sent, received } = await deliveredEverything(be, nl);
    // Every envelope committed on BE reached NL exactly once; nothing arrived that was not sent.
    expect(received).toEqual(sent);
    expect(sent).toEqual(expect.arrayContaining(accepted));
    await be.drop?.();
    await nl.drop?.();
  }, 300_000);

  it.runIf(SERVER_URL)(
    'two processes over one PostgreSQL post every envelope once',
    async () => {
      const { be, nl } = await setUp('two');
      const nlProcess = await serve(nl);
      const first = await serve(be);
      const second = await serve({ ...be, port: await freePort() });

      // Enqueued by a third party, as another process would: both workers find them by polling.
      const handle = await open(be);
      const federation = (await loadFederation(
        handle.db,
        nodeKeyDir(be.dataDir),
        new EnvelopeTypes().define('ping', pingType),
      ))!;
      for (let i = 0; i < 10; i += 1) {
        await handle.db.transaction().execute((trx) =>
          enqueueEnvelopes(
            trx,
            federation,
            Array.from({ length: 50 }, () => ({
              recipient: 'nl',
              type: 'ping',
              correlationId: randomUUID(),
              payload: { sentBy: 'test' },
            })),
          ),
        );
      }
      await handle.close();
      await eventually('the outbox drains', async () => (await countPending(be)) === 0, 200_000);

      const metrics = await (await fetch(`${nl.url}/metrics`)).text();
      const posts = (status: number) =>
        Number(
          new RegExp(
            `senningen_http_requests_total\\{method="POST",route="/federation/v1/envelopes",status="${status}"\\} (\\d+)`,
          ).exec(metrics)?.[1] ?? 0,
        );
      expect(posts(201)).toBe(500);
      expect(posts(200)).toBe(0); // no envelope was posted a second time
      for (const child of [first, second, nlProcess]) await stop(child);
      const { sent, received } = await deliveredEverything(be, nl);
      expect(sent).toHaveLength(500);
      expect(received).toEqual(sent);
      await be.drop?.();
      await nl.drop?.();
    },
    180_000,
  );
});
