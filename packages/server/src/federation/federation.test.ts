import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestAgency,
  createTestUser,
  issueToken,
  type TestNode,
} from '../test-support/app.js';
import {
  createTestFederation,
  eventually,
  type MemberNode,
  type TestFederation,
} from '../test-support/federation.js';
import type { Db } from '../kernel/db/database.js';
import { canonicalJson } from '../kernel/crypto/canonical-json.js';
import { sealEnvelope, type NewEnvelope } from './envelope.js';
import { createNodeKey, readNodeKeys, type SigningKey } from './keys.js';
import { base64url } from 'jose';
import { MESSAGE_TYPES, serialiseMessage, signMessage, type SignedMessage } from './jws.js';
import { verifyMessageLog } from './message-log.js';
import { enqueueEnvelopes, type OutgoingEnvelope } from './outbox.js';

let fed: TestFederation;
let be: MemberNode;
let nl: MemberNode;
let lu: MemberNode;

beforeAll(async () => {
  fed = await createTestFederation([
    { nodeId: 'be', country: 'BE' },
    { nodeId: 'nl', country: 'NL' },
    { nodeId: 'lu', country: 'LU' },
  ]);
  ({ be, nl, lu } = fed.nodes as Record<'be' | 'nl' | 'lu', MemberNode>);
});
afterAll(async () => {
  await fed?.close();
});

const ping = (
  recipient: string,
  correlationId = randomUUID(),
  note?: string,
): OutgoingEnvelope => ({
  recipient,
  type: 'ping',
  correlationId,
  payload: { sentBy: 'test', ...(note !== undefined && { note }) },
});

async function send(from: MemberNode, outgoing: OutgoingEnvelope[]): Promise<string[]> {
  const app = from.app!;
  const ids = await from.database.db
    .transaction()
    .execute((trx) => enqueueEnvelopes(trx, app.federation!, outgoing));
  app.delivery?.nudge();
  return ids;
}

async function delivered(node: MemberNode, ids: string[]): Promise<boolean> {
  const rows = await node.database.db
    .selectFrom('federation_outbound')
    .select(['state', 'receipt'])
    .where('envelope_id', 'in', ids)
    .execute();
  return (
    rows.length === ids.length && rows.every((r) => r.state === 'delivered' && r.receipt !== null)
  );
}

const inboxCount = async (node: MemberNode) =>
  Number(
    (
      await node.database.db
        .selectFrom('federation_inbound')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const logCount = async (node: MemberNode) =>
  Number(
    (
      await node.database.db
        .selectFrom('federation_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function post(node: MemberNode, body: string | object) {
  const response = await fetch(`${node.url}/federation/v1/envelopes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function senderKey(node: MemberNode): Promise<SigningKey> {
  const [key] = await readNodeKeys(node.keyDir);
  return key!;
}

/** The next sequence number the receiver expects from `sender` in a new correlation is 1. */
async function sealed(
  from: MemberNode,
  overrides: Partial<NewEnvelope> = {},
  key?: SigningKey,
  now = new Date(),
) {
  return sealEnvelope(
    {
      type: 'ping',
      sender: from.nodeId,
      recipient: 'nl',
      correlationId: randomUUID(),
      sequence: 1,
      payload: { sentBy: 'test' },
      ...overrides,
    },
    key ?? (await senderKey(from)),
    now,
  );
}

describe('three nodes', () => {
  it('exchange envelopes in every direction, with receipts and intact message logs', async () => {
    const members = [be, nl, lu];
    const sent = new Map<MemberNode, string[]>();
    for (const from of members) {
      const to = members.filter((m) => m !== from).map((m) => ping(m.nodeId));
      sent.set(from, await send(from, to));
    }
    for (const [from, ids] of sent) {
      await eventually(`${from.nodeId} delivered`, () => delivered(from, ids));
    }
    for (const to of members) {
      const senders = await to.database.db
        .selectFrom('federation_inbound')
        .select('sender')
        .where('type', '=', 'ping')
        .execute();
      expect(new Set(senders.map((s) => s.sender))).toEqual(
        new Set(members.filter((m) => m !== to).map((m) => m.nodeId)),
      );
      expect(await verifyMessageLog(to.database.db)).toMatchObject({ intact: true });
    }
    // Each side logged both halves: the sender its envelope and the receipt it got back.
    const beLog = await be.database.db
      .selectFrom('federation_log')
      .select(['direction', 'kind', 'peer'])
      .where('envelope_id', '=', sent.get(be)![0]!)
      .orderBy('seq')
      .execute();
    expect(beLog).toEqual([
      { direction: 'sent', kind: 'envelope', peer: 'nl' },
      { direction: 'received', kind: 'receipt', peer: 'nl' },
    ]);
    const nlLog = await nl.database.db
      .selectFrom('federation_log')
      .select(['direction', 'kind', 'peer'])
      .where('envelope_id', '=', sent.get(be)![0]!)
      .orderBy('seq')
      .execute();
    expect(nlLog).toEqual([
      { direction: 'received', kind: 'envelope', peer: 'be' },
      { direction: 'sent', kind: 'receipt', peer: 'be' },
    ]);
  });

  it('queues for a stopped peer and delivers everything once, in order, when it is back', async () => {
    await lu.stop();
    const first = randomUUID();
    const second = randomUUID();
    const outgoing = [];
    for (let i = 0; i < 12; i += 1)
      outgoing.push(ping('lu', i % 2 === 0 ? first : second, `#${i}`));
    const ids = await send(be, outgoing);
    await eventually('failed attempts while LU is down', async () => {
      const row = await be.database.db
        .selectFrom('federation_outbound')
        .select(['attempts', 'last_error'])
        .where('envelope_id', '=', ids[0]!)
        .executeTakeFirstOrThrow();
      return row.attempts >= 2 && row.last_error !== null;
    });
    const before = await inboxCount(lu);
    await lu.start();
    await eventually('delivered after restart', () => delivered(be, ids));
    expect(await inboxCount(lu)).toBe(before + 12);
    for (const correlation of [first, second]) {
      const rows = await lu.database.db
        .selectFrom('federation_inbound')
        .select(['sequence', 'message'])
        .where('correlation_id', '=', correlation)
        .orderBy('position')
        .execute();
      expect(rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });

  it('answers an envelope delivered twice with the same receipt, and processes it once', async () => {
    const { message } = await sealed(be);
    const before = await inboxCount(nl);
    const first = await post(nl, serialiseMessage(message));
    const second = await post(nl, serialiseMessage(message));
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await inboxCount(nl)).toBe(before + 1);
  });

  it('accepts many envelopes arriving at once together, and the same one sent at once only once', async () => {
    const before = await inboxCount(nl);
    const many = await Promise.all(Array.from({ length: 20 }, () => sealed(be)));
    const same = await sealed(be);
    const answers = await Promise.all([
      ...many.map((s) => post(nl, serialiseMessage(s.message))),
      ...Array.from({ length: 5 }, () => post(nl, serialiseMessage(same.message))),
    ]);
    expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(201));
    const copies = answers.slice(20);
    expect(copies.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(copies.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await inboxCount(nl)).toBe(before + 21);
    expect(await verifyMessageLog(nl.database.db)).toMatchObject({ intact: true });
  });

  it('refuses an envelope that comes before its predecessor, and then takes them in order', async () => {
    const correlationId = randomUUID();
    const two = await sealed(be, { correlationId, sequence: 2 });
    const refused = await post(nl, serialiseMessage(two.message));
    expect(refused).toMatchObject({ status: 409, body: { code: 'out_of_order' } });
    const one = await sealed(be, { correlationId, sequence: 1 });
    expect((await post(nl, serialiseMessage(one.message))).status).toBe(201);
    expect((await post(nl, serialiseMessage(two.message))).status).toBe(201);
  });
});

describe('refusals: clear error, no effect', () => {
  const tamperPayload = (message: SignedMessage): SignedMessage => {
    const content = JSON.parse(new TextDecoder().decode(base64url.decode(message.payload))) as {
      payload: { sentBy: string };
    };
    content.payload.sentBy = 'mallory';
    return { ...message, payload: base64url.encode(canonicalJson(content)) };
  };

  const cases: [string, () => Promise<string | object>, number, string][] = [
    [
      'tampered payload',
      async () => tamperPayload((await sealed(be)).message),
      401,
      'invalid_signature',
    ],
    [
      'tampered signature',
      async () => {
        const { message } = await sealed(be);
        const bytes = base64url.decode(message.signature);
        bytes[0] = bytes[0]! ^ 0xff;
        return { ...message, signature: base64url.encode(bytes) };
      },
      401,
      'invalid_signature',
    ],
    [
      'unknown sender (a key in no register)',
      async () => (await sealed(be, {}, await createNodeKey(`${fed.dir}/stranger`))).message,
      403,
      'unknown_sender',
    ],
    [
      'a sender claiming to be another node',
      async () => (await sealed(be, { sender: 'lu' })).message,
      403,
      'sender_mismatch',
    ],
    [
      'wrong addressee',
      async () => (await sealed(be, { recipient: 'lu' })).message,
      421,
      'wrong_recipient',
    ],
    [
      'a key used before it became valid',
      async () => (await sealed(be, {}, undefined, new Date(Date.now() - 7 * 86_400_000))).message,
      403,
      'key_not_valid',
    ],
    [
      'created in the future',
      async () => (await sealed(be, {}, undefined, new Date(Date.now() + 3_600_000))).message,
      400,
      'clock_skew',
    ],
    [
      'unknown type',
      async () => (await sealed(be, { type: 'launch-missiles' })).message,
      400,
      'unknown_envelope_type',
    ],
    [
      'payload not valid for its type',
      async () => (await sealed(be, { payload: { sentBy: 'x', extra: true } })).message,
      400,
      'invalid_payload',
    ],
    [
      'a signed document that is not an envelope',
      async () => signMessage(MESSAGE_TYPES.receipt, { hello: 'world' }, await senderKey(be)),
      400,
      'malformed_envelope',
    ],
    [
      'signed content that is not an envelope',
      async () => signMessage(MESSAGE_TYPES.envelope, { hello: 'world' }, await senderKey(be)),
      400,
      'malformed_envelope',
    ],
    ['malformed JSON', async () => '{"protected": "abc", ', 400, 'malformed_json'],
    ['not a JWS', async () => ({ envelope: 'x' }), 400, 'validation_failed'],
    [
      'oversize envelope',
      async () =>
        (await sealed(be, { payload: { sentBy: 'x', note: 'n'.repeat(300_000) } })).message,
      413,
      'payload_too_large',
    ],
  ];

  it.each(cases)('%s', async (_name, make, status, code) => {
    const [inbox, log] = [await inboxCount(nl), await logCount(nl)];
    const response = await post(nl, await make());
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code, status });
    expect(typeof response.body.detail).toBe('string');
    expect(JSON.stringify(response.body)).not.toMatch(/ at .*\.(ts|js):\d+/);
    expect([await inboxCount(nl), await logCount(nl)]).toEqual([inbox, log]);
  });

  it('logs refusals without the message', async () => {
    const { message } = await sealed(be, { recipient: 'lu' });
    await post(nl, serialiseMessage(message));
    const line = nl.logs.find((l) => l.includes('wrong_recipient'));
    expect(line).toBeDefined();
    expect(line).not.toContain(message.signature);
  });
});

describe('keys and registers', () => {
  it('refuses a rotated-out key and accepts the new one', async () => {
    const newKey = await createNodeKey(be.keyDir);
    const oldKid = be.entry.keys[0]!.kid;
    const now = Date.now();
    be.entry = {
      ...be.entry,
      keys: [
        {
          ...be.entry.keys[0]!,
          validFrom: new Date(now - 600_000).toISOString(),
          validUntil: new Date(now - 60_000).toISOString(),
        },
        { kid: newKey.kid, jwk: newKey.publicJwk, validFrom: new Date(now - 60_000).toISOString() },
      ],
    };
    await fed.issueRegister();
    const oldKey = (await readNodeKeys(be.keyDir)).find((k) => k.kid === oldKid)!;
    const stale = await sealed(be, {}, oldKey);
    expect(await post(nl, serialiseMessage(stale.message))).toMatchObject({
      status: 403,
      body: { code: 'key_not_valid' },
    });
    // An envelope signed before the rotation is still good: validity is judged at signing time.
    const before = await sealed(be, {}, oldKey, new Date(now - 120_000));
    expect((await post(nl, serialiseMessage(before.message))).status).toBe(201);
    // The running node now signs with the new key: no restart needed.
    const ids = await send(be, [ping('nl')]);
    await eventually('delivered with the new key', () => delivered(be, ids));
    const row = await be.database.db
      .selectFrom('federation_outbound')
      .select('message')
      .where('envelope_id', '=', ids[0]!)
      .executeTakeFirstOrThrow();
    const header = JSON.parse(
      new TextDecoder().decode(
        base64url.decode((JSON.parse(row.message) as SignedMessage).protected),
      ),
    ) as { kid: string };
    expect(header.kid).toBe(newKey.kid);
  });

  it('refuses everything while its register has expired, and keeps what queued for later', async () => {
    const expiring = Date.now() + 1500;
    await fed.issueRegister((document) => ({
      ...document,
      expiresAt: new Date(expiring).toISOString(),
    }));
    await new Promise((resolve) => setTimeout(resolve, expiring - Date.now() + 100));
    nl.app!.federation!.registers.invalidate();
    const { message } = await sealed(be);
    expect(await post(nl, serialiseMessage(message))).toMatchObject({
      status: 503,
      body: { code: 'register_expired' },
    });
    be.app!.federation!.registers.invalidate();
    const queued = await be.database.db
      .transaction()
      .execute((trx) => enqueueEnvelopes(trx, be.app!.federation!, [ping('nl')]))
      .catch((error: unknown) => error);
    expect(queued).toMatchObject({ code: 'register_expired' });
    await fed.issueRegister();
  });
});

describe('dead letters and the operations view', () => {
  async function adminToken(node: MemberNode): Promise<string> {
    const db: Db = node.database.db;
    const agency = await createTestAgency(db);
    const admin = await createTestUser(db, node.dataKey, { agencyId: agency.id, roles: ['admin'] });
    return issueToken({ database: node.database } as TestNode, admin);
  }

  it('moves an undeliverable envelope to the dead letters; an operator sends it again', async () => {
    const token = await adminToken(be);
    const settings = be.app!.delivery!.settings;
    const original = settings.deadLetterAfterMs;
    settings.deadLetterAfterMs = 300;
    try {
      await lu.stop();
      const [id] = await send(be, [ping('lu')]);
      await eventually('dead letter', async () => {
        const row = await be.database.db
          .selectFrom('federation_outbound')
          .select('state')
          .where('envelope_id', '=', id!)
          .executeTakeFirstOrThrow();
        return row.state === 'dead';
      });
      const inject = be.app!.server.inject.bind(be.app!.server);
      const dead = await inject({
        method: 'GET',
        url: '/api/v1/federation/outbox?state=dead',
        headers: bearer(token),
      });
      expect(dead.json<{ items: { envelopeId: string; lastError: string }[] }>().items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ envelopeId: id, lastError: expect.stringMatching(/reach/) }),
        ]),
      );
      const status = await inject({
        method: 'GET',
        url: '/api/v1/federation/status',
        headers: bearer(token),
      });
      expect(
        status.json<{ peers: { nodeId: string; dead: number; reachable: boolean }[] }>().peers,
      ).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ nodeId: 'lu', dead: 1, reachable: false }),
        ]),
      );

      settings.deadLetterAfterMs = original;
      await lu.start();
      const retry = await inject({
        method: 'POST',
        url: `/api/v1/federation/outbox/${id}/retry`,
        headers: bearer(token),
      });
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toMatchObject({ state: 'pending' });
      await eventually('delivered after retry', () => delivered(be, [id!]));
      const again = await inject({
        method: 'POST',
        url: `/api/v1/federation/outbox/${id}/retry`,
        headers: bearer(token),
      });
      expect(again.json()).toMatchObject({ status: 409, code: 'not_dead_letter' });

      const detail = await inject({
        method: 'GET',
        url: `/api/v1/federation/outbox/${id}`,
        headers: bearer(token),
      });
      expect(detail.json()).toMatchObject({
        envelope: { id, recipient: 'lu', type: 'ping' },
        receipt: { envelopeId: id, receivedBy: 'lu' },
      });
      const audit = await be.database.db
        .selectFrom('audit_entry')
        .select('action')
        .where('object_id', '=', id!)
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['federation.inspect', 'federation.retry']);
    } finally {
      settings.deadLetterAfterMs = original;
      if (!lu.app) await lu.start();
    }
  });

  it('pings a peer from the API and shows it reachable', async () => {
    const token = await adminToken(nl);
    const inject = nl.app!.server.inject.bind(nl.app!.server);
    const ping = await inject({
      method: 'POST',
      url: '/api/v1/federation/peers/lu/ping',
      headers: bearer(token),
      payload: { note: 'hello' },
    });
    expect(ping.statusCode).toBe(202);
    const { envelopeId } = ping.json<{ envelopeId: string }>();
    await eventually('ping delivered', () => delivered(nl, [envelopeId]));
    const status = await inject({
      method: 'GET',
      url: '/api/v1/federation/status',
      headers: bearer(token),
    });
    expect(status.json()).toMatchObject({
      configured: true,
      node: { nodeId: 'nl' },
      peers: expect.arrayContaining([expect.objectContaining({ nodeId: 'lu', reachable: true })]),
    });
    const unknown = await inject({
      method: 'POST',
      url: '/api/v1/federation/peers/xx/ping',
      headers: bearer(token),
      payload: {},
    });
    expect(unknown.json()).toMatchObject({ status: 400, code: 'unknown_peer' });
    const inbox = await lu.database.db
      .selectFrom('federation_inbound')
      .select('envelope_id')
      .where('envelope_id', '=', envelopeId)
      .execute();
    expect(inbox).toHaveLength(1);
    const metrics = await inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/senningen_federation_delivered_total\{peer="lu"\} \d+/);
  });
});

describe('the message log', () => {
  const tamper = async (db: Db, statement: ReturnType<typeof sql>) => {
    await db.transaction().execute(async (trx) => {
      await sql`alter table federation_log disable trigger federation_log_no_update_or_delete`.execute(
        trx,
      );
      await statement.execute(trx);
      await sql`alter table federation_log enable trigger federation_log_no_update_or_delete`.execute(
        trx,
      );
    });
  };

  it('refuses changes through the database triggers', async () => {
    await expect(
      sql`update federation_log set peer = 'xx' where seq = 1`.execute(lu.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from federation_log where seq = 1`.execute(lu.database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('detects a changed entry and a removed one', async () => {
    expect(await verifyMessageLog(lu.database.db)).toMatchObject({ intact: true });
    await tamper(
      lu.database.db,
      sql`update federation_log set logged_at = logged_at + interval '1 hour' where seq = 2`,
    );
    expect(await verifyMessageLog(lu.database.db)).toMatchObject({
      intact: false,
      seq: 2,
      problem: 'altered',
    });
    await tamper(lu.database.db, sql`delete from federation_log where seq = 2`);
    expect(await verifyMessageLog(lu.database.db)).toMatchObject({
      intact: false,
      seq: 2,
      problem: 'removed',
    });
  });

  it('detects a message swapped for another', async () => {
    const db = nl.database.db;
    const rows = await db
      .selectFrom('federation_log')
      .select(['seq', 'message'])
      .orderBy('seq')
      .limit(2)
      .execute();
    await tamper(
      db,
      sql`update federation_log set message = ${rows[1]!.message} where seq = ${rows[0]!.seq}`,
    );
    expect(await verifyMessageLog(db)).toMatchObject({
      intact: false,
      seq: rows[0]!.seq,
      problem: 'altered',
    });
  });
});
