import type { DbOrTrx } from '../kernel/db/database.js';
import type { AgencyRow } from '../kernel/db/schema.js';

export function findAgencyById(db: DbOrTrx, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agency').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAgencyByCode(db: DbOrTrx, code: string): Promise<AgencyRow | undefined> {
  return db
    .selectFrom('agency')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
}

export function listAgencies(db: DbOrTrx): Promise<AgencyRow[]> {
  return db.selectFrom('agency').selectAll().orderBy('country').orderBy('name').execute();
}

export async function insertAgency(db: DbOrTrx, row: AgencyRow): Promise<void> {
  await db.insertInto('agency').values(row).execute();
}

export async function updateAgency(
  db: DbOrTrx,
  id: string,
  changes: Partial<Pick<AgencyRow, 'name' | 'kind' | 'is_spoc' | 'disabled_at'>>,
  now: Date,
): Promise<AgencyRow> {
  return db
    .updateTable('agency')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findSpoc(db: DbOrTrx, country: string): Promise<AgencyRow | undefined> {
  return db
    .selectFrom('agency')
    .selectAll()
    .where('country', '=', country)
    .where('is_spoc', '=', true)
    .executeTakeFirst();
}
