import { sql, type SelectQueryBuilder } from 'kysely';
import type { DbOrTrx, Trx } from '../kernel/db/database.js';
import type { Database } from '../kernel/db/schema.js';

/** Which objects a DPO reaches: those of agencies of their country (or agency). */
export interface ReportReach {
  country?: string;
  agencyId?: string;
}

/** The folded name searched for (see records/names.ts). */
export interface PersonKeys {
  full: string;
  bare: string;
  /** Folded given names, matched as a prefix; null to match any. */
  given: string | null;
  birthDate: string | null;
}

const MAX_MATCHES = 200;

function holderWithin<O>(
  query: SelectQueryBuilder<Database, 'personal_record' | 'agency', O>,
  reach: ReportReach,
) {
  let scoped = query;
  if (reach.country !== undefined) scoped = scoped.where('agency.country', '=', reach.country);
  if (reach.agencyId !== undefined) scoped = scoped.where('agency.id', '=', reach.agencyId);
  return scoped;
}

/**
 * Person records whose folded name matches: the surname written with or without its
 * particles, the given names as a prefix, the birth date exactly. Erased records
 * have lost their name keys, so they are never found.
 */
export function findPersons(db: DbOrTrx, keys: PersonKeys, reach: ReportReach) {
  const names = [...new Set([keys.full, keys.bare])];
  let query = db
    .selectFrom('personal_record')
    .innerJoin('agency', 'agency.id', 'personal_record.holder_agency_id')
    .select([
      'personal_record.id',
      'personal_record.category',
      'personal_record.origin_node',
      'personal_record.held_since',
      'agency.code as agency_code',
      'agency.name as agency_name',
    ])
    .where('personal_record.kind', '=', 'person')
    .where('personal_record.erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('personal_record.name_key', 'in', names),
        eb('personal_record.name_key_bare', 'in', names),
      ]),
    );
  if (keys.given !== null) {
    // starts_with, not like: a folded key holds only [a-z0-9], but no pattern is safer still.
    query = query.where(sql<boolean>`starts_with(personal_record.given_key, ${keys.given})`);
  }
  if (keys.birthDate !== null) {
    query = query.where('personal_record.birth_date', '=', keys.birthDate);
  }
  return holderWithin(query, reach)
    .orderBy('personal_record.name_key')
    .orderBy('personal_record.held_since')
    .orderBy('personal_record.id')
    .limit(MAX_MATCHES)
    .execute();
}

/** The person records among `ids` that the DPO reaches, with their holder agency. */
export function findPersonRecords(db: DbOrTrx, ids: readonly string[], reach: ReportReach) {
  const query = db
    .selectFrom('personal_record')
    .innerJoin('agency', 'agency.id', 'personal_record.holder_agency_id')
    .selectAll('personal_record')
    .select(['agency.code as agency_code', 'agency.name as agency_name'])
    .where('personal_record.id', 'in', ids)
    .where('personal_record.kind', '=', 'person');
  return holderWithin(query, reach).execute();
}

/** Every time one of these records left this node, oldest first. */
export function listDisclosures(db: DbOrTrx, recordIds: readonly string[]) {
  return db
    .selectFrom('record_disclosure')
    .selectAll()
    .where('record_id', 'in', recordIds)
    .orderBy('disclosed_at')
    .orderBy('id')
    .execute();
}

export function insertAccessReport(
  trx: Trx,
  row: {
    id: string;
    createdAt: Date;
    createdBy: string;
    query: Record<string, unknown>;
    requestedVia: 'data_subject' | 'supervisory_authority';
    content: Record<string, unknown>;
    withheld: unknown[];
  },
) {
  return trx
    .insertInto('access_report')
    .values({
      id: row.id,
      created_at: row.createdAt,
      created_by: row.createdBy,
      query: JSON.stringify(row.query),
      requested_via: row.requestedVia,
      content: JSON.stringify(row.content),
      withheld: JSON.stringify(row.withheld),
    })
    .execute();
}

/** A stored report, with the agency of the DPO who made it (its reach). */
export function findAccessReport(db: DbOrTrx, id: string) {
  return db
    .selectFrom('access_report')
    .innerJoin('app_user', 'app_user.id', 'access_report.created_by')
    .innerJoin('agency', 'agency.id', 'app_user.agency_id')
    .selectAll('access_report')
    .select(['agency.id as agency_id', 'agency.country as agency_country'])
    .where('access_report.id', '=', id)
    .executeTakeFirst();
}

/** Stored reports made by DPOs within reach, newest first, without their content. */
export function listAccessReports(db: DbOrTrx, reach: ReportReach, limit: number) {
  let query = db
    .selectFrom('access_report')
    .innerJoin('app_user', 'app_user.id', 'access_report.created_by')
    .innerJoin('agency', 'agency.id', 'app_user.agency_id')
    .select([
      'access_report.id',
      'access_report.created_at',
      'access_report.requested_via',
      sql<string>`access_report.content ->> 'createdBy'`.as('created_by_name'),
      sql<string>`access_report.query ->> 'surname'`.as('surname'),
      sql<number>`jsonb_array_length(access_report.content -> 'records')`.as('records'),
      sql<number>`(select coalesce(sum(jsonb_array_length(r -> 'disclosures')), 0)::int
        from jsonb_array_elements(access_report.content -> 'records') r)`.as('disclosures'),
    ]);
  if (reach.country !== undefined) query = query.where('agency.country', '=', reach.country);
  if (reach.agencyId !== undefined) query = query.where('agency.id', '=', reach.agencyId);
  return query
    .orderBy('access_report.created_at', 'desc')
    .orderBy('access_report.id', 'desc')
    .limit(limit)
    .execute();
}
