import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-support/database.js';
import type { DatabaseHandle } from './database.js';
import { precompile } from './precompiled.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await sql`create table counter (id int primary key, n int not null); insert into counter values (1, 0)`.execute(
    handle.db,
  );
});
afterAll(async () => {
  await handle.close();
});

describe(`the database layer (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps concurrent transactions apart', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        handle.db.transaction().execute(async (trx) => {
          const { rows } = await sql<{
            n: number;
          }>`select n from counter where id = 1 for update`.execute(trx);
          const n = rows[0]!.n;
          await sql`update counter set n = ${n + 1} where id = 1`.execute(trx);
        }),
      ),
    );
    const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(
      handle.db,
    );
    expect(rows[0]?.n).toBe(20);
  });

  it('rolls back a failed transaction entirely', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`update counter set n = 1000 where id = 1`.execute(trx);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(
      handle.db,
    );
    expect(rows[0]?.n).toBe(20);
  });

  it('returns bigint values as numbers on both databases', async () => {
    const { rows } = await sql<{
      big: number;
      count: number;
    }>`select 9007199254740991::int8 as big, count(*) as count from counter`.execute(handle.db);
    expect(rows[0]).toEqual({ big: 9007199254740991, count: 1 });
  });

  it('returns calendar dates as text on both databases, whatever the time zone', async () => {
    const { rows } = await sql<{
      day: string;
    }>`select '2021-01-15'::date as day`.execute(handle.db);
    expect(rows[0]).toEqual({ day: '2021-01-15' });
  });

  it('runs a precompiled query with its named parameters in any order', async () => {
    const query = precompile(['low', 'high'] as const, (qb, p) =>
      qb
        .selectFrom('audit_chain_head')
        .select('seq')
        .where('seq', '<=', p.high as unknown as number)
        .where('seq', '>=', p.low as unknown as number),
    );
    const { rows } = await handle.db.executeQuery(query({ high: 5, low: 0 }));
    expect(rows).toEqual([{ seq: 0 }]);
    const none = await handle.db.executeQuery(query({ high: 5, low: 1 }));
    expect(none.rows).toEqual([]);
    expect(() =>
      precompile(['a'] as const, (qb) => qb.selectFrom('audit_chain_head').select('seq')),
    ).toThrow(/exactly once/);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'prepares SELECTs once per connection, not other statements',
    async () => {
      const { rows } = await handle.db.connection().execute(async (connection) => {
        await connection.selectFrom('agency').select('id').where('code', '=', 'X').execute();
        await connection.updateTable('agency').set({ name: 'y' }).where('code', '=', 'X').execute();
        return sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
          connection,
        );
      });
      const statements = rows.map((r) => r.statement);
      expect(statements.some((s) => s.startsWith('select "id" from "agency"'))).toBe(true);
      expect(statements.some((s) => s.startsWith('update'))).toBe(false);
    },
  );
});
