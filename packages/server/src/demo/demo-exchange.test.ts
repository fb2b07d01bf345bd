import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REQUEST_STATES } from '../exchange/exchange.model.js';
import { freePort } from '../test-support/federation.js';
import { seedDemoExchange } from './demo-exchange.js';
import { startDemoFederation, type DemoFederation } from './demo-federation.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-demo-exchange-'));
let demo: DemoFederation | undefined;

afterAll(async () => {
  await demo?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(ports: [number, number, number]): Promise<DemoFederation> {
  return startDemoFederation({
    dataDir,
    host: '127.0.0.1',
    ports,
    logLevel: 'warn',
    webDir: '/nonexistent',
  });
}

/** Every node's requests: `node/id` → state. */
async function requestStates(federation: DemoFederation): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  for (const { nodeId, node } of federation.nodes) {
    const rows = await node.database.db
      .selectFrom('exchange_request')
      .select(['id', 'state'])
      .execute();
    for (const row of rows) states.set(`${nodeId}/${row.id}`, row.state);
  }
  return states;
}

it('seeds requests in every state across the three nodes, once per data folder', async () => {
  const ports: [number, number, number] = [await freePort(), await freePort(), await freePort()];
  demo = await start(ports);
  const first = await requestStates(demo);

  // Every state but `sent`, which lasts only until the peer's receipt comes back.
  expect(new Set(first.values())).toEqual(new Set(REQUEST_STATES.filter((s) => s !== 'sent')));
  const [be, nl, lu] = ['be', 'nl', 'lu'].map((id) => demo!.nodes.find((n) => n.nodeId === id)!);
  const count = (nodeId: string) => [...first.keys()].filter((k) => k.startsWith(`${nodeId}/`));
  expect(count('be')).toHaveLength(8);
  expect(count('nl')).toHaveLength(7);
  expect(count('lu')).toHaveLength(4);

  // Both copies of a request that reached the other side tell the same state.
  for (const [key, state] of first) {
    const id = key.slice(key.indexOf('/') + 1);
    const copies = ['be', 'nl', 'lu'].flatMap((n) => first.get(`${n}/${id}`) ?? []);
    if (copies.length === 2) expect(copies, key).toEqual([state, state]);
  }

  // The demo users' tokens are revoked once the seed is done.
  for (const node of [be!, nl!, lu!]) {
    const live = await node.node.database.db
      .selectFrom('api_token')
      .select('id')
      .where('name', '=', 'demo-exchange')
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
  }

  expect(await seedDemoExchange(demo.nodes)).toEqual({ outcome: 'skipped' });
  await demo.stop();
  demo = undefined;

  demo = await start(ports);
  expect(await requestStates(demo)).toEqual(first);
}, 120_000);
