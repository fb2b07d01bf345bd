import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../kernel/db/database.js';
import {
  createTestAgency,
  createTestNode,
  createTestUser,
  login,
  type Session,
  type TestNode,
} from '../test-support/app.js';
import { appendAudit, type AuditContext } from './audit-log.js';
import { AuditWriter } from './audit-writer.js';
import { verifyAuditLog } from './verify.js';

let node: TestNode;
let db: Db;
beforeAll(async () => {
  node = await createTestNode();
  db = node.database.db;
});
afterAll(async () => {
  await node.close();
});

const context: AuditContext = { actor: null, clientAddress: '127.0.0.1', requestId: 'test' };

async function appendSome(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, context, {
        action: 'test.event',
        objectType: 'thing',
        objectId: String(i),
        details: { i, note: 'z-a' },
      }),
    );
  }
}

describe('the audit chain', () => {
  it('verifies as intact after many appends, in one transaction or in batches', async () => {
    await appendSome(5);
    const writer = new AuditWriter(db);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        writer.record(context, { action: 'test.read', objectId: String(i) }),
      ),
    );
    const result = await verifyAuditLog(db);
    expect(result).toMatchObject({ intact: true });
    expect(result.entries).toBeGreaterThanOrEqual(55);
  });

  it('group-commits concurrent entries in few transactions', async () => {
    const before = await db.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow();
    const writer = new AuditWriter(db);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        writer.record(context, { action: 'test.read', objectId: String(i) }),
      ),
    );
    // Rows written by one transaction share its id (xmin).
    const { rows } = await sql<{ transactions: number; entries: number }>`
      select count(distinct xmin::text)::int as transactions, count(*)::int as entries
      from audit_entry where seq > ${before.seq}`.execute(db);
    expect(rows[0]).toMatchObject({ entries: 200 });
    expect(rows[0]!.transactions).toBeLessThan(10);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database', async () => {
    await appendSome(1);
    await expect(sql`update audit_entry set action = 'x'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_entry`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_entry`.execute(db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditLog(db)).toMatchObject({ intact: true });
  });
});

describe('audit verify catches tampering', () => {
  let tamperNode: TestNode;
  let tdb: Db;
  const reset = async () => {
    if (tamperNode) await tamperNode.close();
    tamperNode = await createTestNode();
    tdb = tamperNode.database.db;
    for (let i = 0; i < 6; i++) {
      await tdb
        .transaction()
        .execute((trx) => appendAudit(trx, context, { action: 'test.event', objectId: String(i) }));
    }
  };
  afterAll(async () => {
    await tamperNode.close();
  });

  const tamperHere = async (statement: ReturnType<typeof sql>) => {
    await tdb.transaction().execute(async (trx) => {
      await sql`alter table audit_entry disable trigger audit_entry_no_update_or_delete`.execute(
        trx,
      );
      await statement.execute(trx);
      await sql`alter table audit_entry enable trigger audit_entry_no_update_or_delete`.execute(
        trx,
      );
    });
  };

  it('a row changed directly in the database', async () => {
    await reset();
    await tamperHere(sql`update audit_entry set object_id = 'changed' where seq = 3`);
    expect(await verifyAuditLog(tdb)).toMatchObject({ intact: false, seq: 3, problem: 'altered' });
  });

  it('a removed row', async () => {
    await reset();
    await tamperHere(sql`delete from audit_entry where seq = 4`);
    expect(await verifyAuditLog(tdb)).toMatchObject({ intact: false, seq: 4, problem: 'removed' });
  });

  it('rows removed from the end', async () => {
    await reset();
    await tamperHere(sql`delete from audit_entry where seq >= 5`);
    expect(await verifyAuditLog(tdb)).toMatchObject({
      intact: false,
      seq: 5,
      problem: 'truncated',
    });
  });

  it('two rows swapped', async () => {
    await reset();
    await tamperHere(sql`update audit_entry set seq = 100 where seq = 2`);
    await tamperHere(sql`update audit_entry set seq = 2 where seq = 3`);
    await tamperHere(sql`update audit_entry set seq = 3 where seq = 100`);
    const result = await verifyAuditLog(tdb);
    expect(result).toMatchObject({ intact: false, seq: 2 });
  });

  it('a row inserted after the head', async () => {
    await reset();
    const last = await tdb
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '=', 6)
      .executeTakeFirstOrThrow();
    await tdb
      .insertInto('audit_entry')
      .values({
        ...last,
        seq: 7,
        id: crypto.randomUUID(),
        prev_hash: last.hash,
        details: JSON.stringify(last.details),
      })
      .execute();
    expect(await verifyAuditLog(tdb)).toMatchObject({ intact: false, seq: 7 });
  });
});

describe('the DPO audit API', () => {
  let dpoSession: Session;
  let otherAgencyUser: string;
  beforeAll(async () => {
    const agency = await createTestAgency(db);
    const other = await createTestAgency(db);
    const dpo = await createTestUser(db, node.dataKey, { agencyId: agency.id, roles: ['dpo'] });
    const colleague = await createTestUser(db, node.dataKey, {
      agencyId: agency.id,
      roles: ['officer'],
    });
    const stranger = await createTestUser(db, node.dataKey, {
      agencyId: other.id,
      roles: ['officer'],
    });
    otherAgencyUser = stranger.username;
    await login(node, colleague);
    await login(node, stranger);
    dpoSession = await login(node, dpo);
  });

  it('searches the entries of the own agency, newest first, with paging', async () => {
    const response = await node.app.server.inject({
      url: '/api/v1/audit/entries?action=auth.login&limit=1',
      headers: { cookie: dpoSession.cookie },
    });
    expect(response.statusCode).toBe(200);
    const page = response.json<{
      items: { seq: number; actorUsername: string }[];
      nextBefore: number | null;
    }>();
    expect(page.items).toHaveLength(1);
    expect(page.nextBefore).toBe(page.items[0]!.seq);
    const next = await node.app.server.inject({
      url: `/api/v1/audit/entries?action=auth.login&before=${page.nextBefore}`,
      headers: { cookie: dpoSession.cookie },
    });
    const rest = next.json<{ items: { seq: number; actorUsername: string }[] }>().items;
    expect(rest.length).toBeGreaterThanOrEqual(1);
    expect(rest.every((e) => e.seq < page.items[0]!.seq)).toBe(true);
    const all = [...page.items, ...rest].map((e) => e.actorUsername);
    expect(all).not.toContain(otherAgencyUser);
  });

  it('exports as CSV and JSON Lines, and records the export', async () => {
    const csv = await node.app.server.inject({
      url: '/api/v1/audit/export?format=csv&action=auth.login',
      headers: { cookie: dpoSession.cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="senningen-audit-.*\.csv"/,
    );
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^seq,id,occurredAt,/);
    expect(lines.length).toBeGreaterThanOrEqual(3);

    const jsonl = await node.app.server.inject({
      url: '/api/v1/audit/export?format=jsonl&action=auth.login',
      headers: { cookie: dpoSession.cookie },
    });
    const entries = jsonl.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number });
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));

    const exports = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'audit.export')
      .execute();
    expect(exports).toHaveLength(2);
  });
});
