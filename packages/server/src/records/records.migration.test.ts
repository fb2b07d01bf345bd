import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../kernel/db/database.js';
import { openDatabase } from '../kernel/db/database.js';
import { createMigrator, migrateToLatest } from '../kernel/db/migrate.js';
import { createPostgresTestDatabase } from '../test-support/database.js';
import { fillNameKeys } from './records.queries.js';

/**
 * A node that exchanged personal data before records existed: upgrading it
 * turns every subject into a record, held by the owner of its request, from the
 * node on the other side when that side supplied it.
 */
let database: DatabaseHandle;
let drop: (() => Promise<void>) | undefined;

const ids = {
  agency: '01930000-0000-7000-8000-00000000a001',
  request: '01930000-0000-7000-8000-00000000b001',
  sent: '01930000-0000-7000-8000-00000000c001',
  answer: '01930000-0000-7000-8000-00000000c002',
  item: '01930000-0000-7000-8000-00000000d001',
  asked: '01930000-0000-7000-8000-00000000e001',
  supplied: '01930000-0000-7000-8000-00000000e002',
};

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const fresh = await createPostgresTestDatabase(serverUrl);
    drop = () => fresh.drop();
    database = await openDatabase({ kind: 'postgres', url: fresh.url, poolSize: 2 });
  } else {
    database = await openDatabase({ kind: 'pglite-memory' });
  }
  const result = await createMigrator(database.db).migrateTo('20261129070000_portal_consultation');
  if (result.error) throw new Error(`migrating: ${JSON.stringify(result.error)}`);
  const db = database.db;
  const at = '2026-03-02T10:00:00Z';
  await sql`insert into agency (id, code, name, country, kind, is_spoc, created_at, updated_at)
    values (${ids.agency}, 'KNO', 'Politie Knokke', 'BE', 'police', false, ${at}, ${at})`.execute(
    db,
  );
  await sql`insert into exchange_request (id, reference, kind, side, state, counterpart_node,
      requesting_country, requesting_agency_code, requesting_agency_name, requesting_officer,
      requested_node, requested_country, owner_agency_id, content, offence_category,
      subject_count, sent_at, created_at, updated_at, closed_at)
    values (${ids.request}, 'BE-2026-00001', 'request', 'requester', 'closed', 'nl', 'BE', 'KNO',
      'Politie Knokke', 'An Officer', 'nl', 'NL', ${ids.agency}, '{}', 'robbery', 1, ${at}, ${at},
      ${at}, '2026-04-01T10:00:00Z')`.execute(db);
  for (const [id, side] of [
    [ids.sent, 'requester'],
    [ids.answer, 'requested'],
  ] as const) {
    await sql`insert into exchange_event (id, request_id, kind, side, occurred_at, country)
      values (${id}, ${ids.request}, 'sent', ${side}, ${at}, 'BE')`.execute(db);
  }
  await sql`insert into exchange_item (id, request_id, event_id, position, body, handling_code,
      source_reliability, information_accuracy)
    values (${ids.item}, ${ids.request}, ${ids.answer}, 0, 'Known to us.', 'H2', 'B', '2')`.execute(
    db,
  );
  await sql`insert into exchange_subject (id, request_id, item_id, position, kind, category,
      statement, details)
    values (${ids.asked}, ${ids.request}, null, 0, 'person', 'suspect', 'fact',
      '{"surname":"Jansen"}'),
      (${ids.supplied}, ${ids.request}, ${ids.item}, 0, 'phone', 'contact_other', 'fact',
      '{"number":"+31 6 1234 5678"}')`.execute(db);
  await migrateToLatest(db);
}, 60_000);

afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe('upgrading a node that holds exchanged subjects', () => {
  it('makes each subject a record under its own id', async () => {
    const records = await database.db
      .selectFrom('personal_record')
      .selectAll()
      .orderBy('id')
      .execute();
    expect(records.map((r) => [r.id, r.kind, r.source_node, r.handling_code])).toEqual([
      [ids.asked, 'person', null, null],
      [ids.supplied, 'phone', 'nl', 'H2'],
    ]);
    for (const record of records) {
      expect(record.holder_agency_id).toBe(ids.agency);
      expect(record.purpose).toBe('robbery');
      // Reviewed six months after the close, kept five years from the request.
      expect(record.review_at.toISOString()).toBe('2026-10-01T10:00:00.000Z');
      expect(record.expires_at.toISOString()).toBe('2031-03-02T10:00:00.000Z');
    }
    const subjects = await database.db
      .selectFrom('exchange_subject')
      .select(['id', 'record_id'])
      .execute();
    expect(subjects.every((s) => s.id === s.record_id)).toBe(true);
  });

  it('folds the names of persons at start-up, so that access reports find them', async () => {
    expect(await fillNameKeys(database.db)).toBe(1);
    const person = await database.db
      .selectFrom('personal_record')
      .select(['name_key', 'name_key_bare'])
      .where('id', '=', ids.asked)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ name_key: 'jansen', name_key_bare: 'jansen' });
    expect(await fillNameKeys(database.db)).toBe(0);
  });
});
