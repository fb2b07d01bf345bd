import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestAgency,
  createTestNode,
  createTestUser,
  issueToken,
  type TestNode,
} from '../test-support/app.js';
import { addMonths } from './retention-policy.js';

/**
 * The retention job's passes over more records than one batch: every record due
 * is handled in one pass, each exactly once, also when passes overlap.
 */

const REQUESTS = 5;
const SUBJECTS = 50;
let now = new Date();
let node: TestNode;
let heldSince: Date;

beforeAll(async () => {
  node = await createTestNode({ records: { clock: () => now, retentionJob: false } });
  const db = node.database.db;
  const agency = await createTestAgency(db);
  const officer = await createTestUser(db, node.dataKey, {
    agencyId: agency.id,
    roles: ['officer'],
  });
  const token = await issueToken(node, officer);
  for (let r = 0; r < REQUESTS; r++) {
    const response = await node.inject({
      method: 'POST',
      url: '/api/v1/exchange/requests',
      headers: bearer(token),
      payload: {
        subjects: Array.from({ length: SUBJECTS }, (_, i) => ({
          kind: 'phone',
          category: 'contact_other',
          number: `+32 470 ${String(r).padStart(2, '0')} ${String(i).padStart(4, '0')}`,
        })),
      },
    });
    expect(response.statusCode).toBe(201);
  }
  const latest = await db
    .selectFrom('personal_record')
    .select((eb) => eb.fn.max('held_since').as('held'))
    .executeTakeFirstOrThrow();
  heldSince = new Date(latest.held);
});

afterAll(async () => {
  await node.close();
});

describe('RetentionJob', () => {
  it('raises every review due in one pass, once, even when passes overlap', async () => {
    now = addMonths(heldSince, 3);
    const job = node.app.retention!;
    const [first, overlapping] = await Promise.all([job.tick(), job.tick()]);
    expect(first).toEqual({ reviewsRaised: REQUESTS * SUBJECTS, erased: 0 });
    expect(overlapping).toEqual({ reviewsRaised: 0, erased: 0 });
    expect(await job.tick()).toEqual({ reviewsRaised: 0, erased: 0 });
    const tasks = await node.database.db
      .selectFrom('review_task')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(tasks.n)).toBe(REQUESTS * SUBJECTS);
  });

  it('erases every record due in one pass, each with one audit entry', async () => {
    now = addMonths(heldSince, 12);
    const job = node.app.retention!;
    expect(await job.tick()).toEqual({ reviewsRaised: 0, erased: REQUESTS * SUBJECTS });
    expect(await job.tick()).toEqual({ reviewsRaised: 0, erased: 0 });
    const db = node.database.db;
    const left = await db
      .selectFrom('personal_record')
      .select('id')
      .where('erased_at', 'is', null)
      .execute();
    expect(left).toEqual([]);
    const audited = await db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.count<number>('object_id').distinct().as('n'))
      .where('action', '=', 'record.expire')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(REQUESTS * SUBJECTS);
    const open = await db
      .selectFrom('review_task')
      .select('id')
      .where('decided_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
  });
});
