import { sql } from 'kysely';
import type { DbOrTrx } from '../kernel/db/database.js';
import type { AppUserRow, AppUserUpdate, NewAppUser } from '../kernel/db/schema.js';

/** What is shown of a user: no password hash, no second-factor secrets. */
export interface UserView extends Pick<
  AppUserRow,
  | 'id'
  | 'username'
  | 'display_name'
  | 'agency_id'
  | 'roles'
  | 'language'
  | 'disabled_at'
  | 'created_at'
  | 'updated_at'
> {
  second_factor_enrolled: boolean;
  agency_code: string;
  agency_name: string;
  agency_country: string;
  agency_disabled_at: Date | null;
}

/** The whole user row, for the services that check passwords and second factors. */
export type UserWithAgency = AppUserRow & UserView;

/** The agency columns that come with a user (aliases of `agency as a`). */
const AGENCY_OF_USER = [
  'a.code as agency_code',
  'a.name as agency_name',
  'a.country as agency_country',
  'a.disabled_at as agency_disabled_at',
] as const;

const secondFactorEnrolled = sql<boolean>`u.totp_secret_sealed is not null`.as(
  'second_factor_enrolled',
);

/** The columns of a UserView, from `app_user as u` joined with `agency as a`. */
export const USER_VIEW = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.agency_id',
  'u.roles',
  'u.language',
  'u.disabled_at',
  'u.created_at',
  'u.updated_at',
  secondFactorEnrolled,
  ...AGENCY_OF_USER,
] as const;

function selectUsers(db: DbOrTrx) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .selectAll('u')
    .select([secondFactorEnrolled, ...AGENCY_OF_USER]);
}

export function findUserById(db: DbOrTrx, id: string): Promise<UserWithAgency | undefined> {
  return selectUsers(db).where('u.id', '=', id).executeTakeFirst();
}

export function findUserByUsername(
  db: DbOrTrx,
  username: string,
): Promise<UserWithAgency | undefined> {
  return selectUsers(db)
    .where((eb) => eb(eb.fn('lower', ['u.username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

export interface UserFilter {
  country?: string;
  agencyId?: string;
  userId?: string;
  search?: string;
  limit: number;
  offset: number;
}

export async function listUsers(
  db: DbOrTrx,
  filter: UserFilter,
): Promise<{ rows: UserView[]; total: number }> {
  let query = db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select(USER_VIEW);
  if (filter.country !== undefined) query = query.where('a.country', '=', filter.country);
  if (filter.agencyId !== undefined) query = query.where('u.agency_id', '=', filter.agencyId);
  if (filter.userId !== undefined) query = query.where('u.id', '=', filter.userId);
  if (filter.search !== undefined && filter.search !== '') {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]),
    );
  }
  const [rows, count] = await Promise.all([
    query.orderBy('u.username').limit(filter.limit).offset(filter.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function insertUser(db: DbOrTrx, row: NewAppUser): Promise<void> {
  await db.insertInto('app_user').values(row).execute();
}

export async function updateUser(db: DbOrTrx, id: string, changes: AppUserUpdate): Promise<void> {
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute();
}
