import type { AuditContext } from '../audit/audit-log.js';
import { createAgencyRecord } from '../identity/agencies.service.js';
import { createUserRecord } from '../identity/users.service.js';
import type { Db } from '../kernel/db/database.js';
import type { AgencyKind, Language, Role } from '../kernel/policy/roles.js';

/** The password of every demo user. Demo data is for trying Senningen out, never for production. */
export const DEMO_PASSWORD = 'senningen-demo-2026';

interface DemoAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  isSpoc?: boolean;
}

const BE_AGENCIES: DemoAgency[] = [
  {
    code: 'BE-CGI',
    name: 'Federale Politie – Directie internationale politiesamenwerking (CGI)',
    kind: 'police',
    isSpoc: true,
  },
  { code: 'BE-FGP-ANT', name: 'Federale Gerechtelijke Politie Antwerpen', kind: 'police' },
  { code: 'BE-LPZ-KNH', name: 'Lokale Politie Knokke-Heist', kind: 'police' },
  { code: 'BE-PARQ-BRU', name: 'Parquet du procureur du Roi de Bruxelles', kind: 'justice' },
  { code: 'BE-KNOKKE-HEIST', name: 'Gemeente Knokke-Heist', kind: 'administrative' },
  {
    code: 'BE-DVZ-OE',
    name: 'Dienst Vreemdelingenzaken / Office des Étrangers',
    kind: 'border_immigration',
  },
  {
    code: 'BE-BENELUX-SG',
    name: 'Secretariaat-Generaal Benelux / Secrétariat général Benelux',
    kind: 'secretariat',
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  agency: string;
  roles: Role[];
  language: Language;
}

/** The Belgian demo users: the single node of `senningen serve --demo`. */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin.be',
    displayName: 'An Peeters',
    agency: 'BE-CGI',
    roles: ['admin'],
    language: 'nl',
  },
  {
    username: 'spoc.be',
    displayName: 'Julien Dubois',
    agency: 'BE-CGI',
    roles: ['spoc'],
    language: 'fr',
  },
  {
    username: 'officer.knokke',
    displayName: 'Pieter Claes',
    agency: 'BE-LPZ-KNH',
    roles: ['officer'],
    language: 'nl',
  },
  {
    username: 'supervisor.knokke',
    displayName: 'Els Maes',
    agency: 'BE-LPZ-KNH',
    roles: ['supervisor'],
    language: 'nl',
  },
  {
    username: 'analyst.antwerpen',
    displayName: 'Sofie Wouters',
    agency: 'BE-FGP-ANT',
    roles: ['analyst'],
    language: 'nl',
  },
  {
    username: 'dpo.be',
    displayName: 'Marc Lambert',
    agency: 'BE-CGI',
    roles: ['dpo'],
    language: 'fr',
  },
  {
    username: 'editor.benelux',
    displayName: 'Anna Schmit',
    agency: 'BE-BENELUX-SG',
    roles: ['editor'],
    language: 'de',
  },
  {
    username: 'prosecutor.bru',
    displayName: 'Claire Martin',
    agency: 'BE-PARQ-BRU',
    roles: ['officer'],
    language: 'fr',
  },
];

const NL_AGENCIES: DemoAgency[] = [
  {
    code: 'NL-LE-IRC',
    name: 'Politie Landelijke Eenheid – Internationaal Rechtshulpcentrum (IRC)',
    kind: 'police',
    isSpoc: true,
  },
  { code: 'NL-PZWB', name: 'Politie Eenheid Zeeland-West-Brabant', kind: 'police' },
  { code: 'NL-KMAR', name: 'Koninklijke Marechaussee', kind: 'border_immigration' },
  { code: 'NL-OM-ZWB', name: 'Openbaar Ministerie Zeeland-West-Brabant', kind: 'justice' },
  { code: 'NL-SLUIS', name: 'Gemeente Sluis', kind: 'administrative' },
];

const NL_USERS: DemoUser[] = [
  {
    username: 'admin.nl',
    displayName: 'Sanne de Vries',
    agency: 'NL-LE-IRC',
    roles: ['admin'],
    language: 'nl',
  },
  {
    username: 'spoc.nl',
    displayName: 'Daan Jansen',
    agency: 'NL-LE-IRC',
    roles: ['spoc'],
    language: 'nl',
  },
  {
    username: 'officer.zwb',
    displayName: 'Lotte Bakker',
    agency: 'NL-PZWB',
    roles: ['officer'],
    language: 'nl',
  },
  {
    username: 'dpo.nl',
    displayName: 'Ruben Visser',
    agency: 'NL-LE-IRC',
    roles: ['dpo'],
    language: 'en',
  },
  {
    username: 'editor.nl',
    displayName: 'Fleur Mulder',
    agency: 'NL-LE-IRC',
    roles: ['editor'],
    language: 'nl',
  },
];

const LU_AGENCIES: DemoAgency[] = [
  {
    code: 'LU-PGD-SCPI',
    name: 'Police grand-ducale – Service de coopération policière internationale',
    kind: 'police',
    isSpoc: true,
  },
  {
    code: 'LU-PARQ-LUX',
    name: "Parquet près le tribunal d'arrondissement de Luxembourg",
    kind: 'justice',
  },
  { code: 'LU-ADA', name: 'Administration des douanes et accises', kind: 'customs' },
];

const LU_USERS: DemoUser[] = [
  {
    username: 'admin.lu',
    displayName: 'Claude Weber',
    agency: 'LU-PGD-SCPI',
    roles: ['admin'],
    language: 'fr',
  },
  {
    username: 'spoc.lu',
    displayName: 'Mireille Hoffmann',
    agency: 'LU-PGD-SCPI',
    roles: ['spoc'],
    language: 'de',
  },
  {
    username: 'officer.lu',
    displayName: 'Tom Schmit',
    agency: 'LU-ADA',
    roles: ['officer'],
    language: 'fr',
  },
  {
    username: 'dpo.lu',
    displayName: 'Nadine Muller',
    agency: 'LU-PGD-SCPI',
    roles: ['dpo'],
    language: 'fr',
  },
  {
    username: 'editor.lu',
    displayName: 'Sophie Reuter',
    agency: 'LU-PGD-SCPI',
    roles: ['editor'],
    language: 'fr',
  },
];

export const DEMO_COUNTRIES = {
  BE: { agencies: BE_AGENCIES, users: DEMO_USERS },
  NL: { agencies: NL_AGENCIES, users: NL_USERS },
  LU: { agencies: LU_AGENCIES, users: LU_USERS },
} as const;
export type DemoCountry = keyof typeof DEMO_COUNTRIES;

const DEMO_CONTEXT: AuditContext = { actor: null, clientAddress: null, requestId: 'demo-data' };

/**
 * Loads a country's demo agencies and users (Belgium: one user per role),
 * unless the node already has agencies. Returns whether anything was loaded.
 */
export async function loadDemoData(db: Db, country: DemoCountry = 'BE'): Promise<boolean> {
  const { agencies, users } = DEMO_COUNTRIES[country];
  const existing = await db.selectFrom('agency').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const agencyIds = new Map<string, string>();
  for (const agency of agencies) {
    const created = await createAgencyRecord(db, DEMO_CONTEXT, { ...agency, country });
    agencyIds.set(agency.code, created.id);
  }
  for (const user of users) {
    const agencyId = agencyIds.get(user.agency);
    if (agencyId === undefined)
      throw new Error(`Demo user ${user.username} names unknown agency ${user.agency}`);
    await createUserRecord(
      db,
      DEMO_CONTEXT,
      { ...user, agencyId, password: DEMO_PASSWORD },
      user.agency,
    );
  }
  return true;
}
