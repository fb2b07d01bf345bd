import type { AuditContext } from '../audit/audit-log.js';
import { createAgencyRecord } from '../identity/agencies.service.js';
import { createUserRecord } from '../identity/users.service.js';
import type { Db } from '../kernel/db/database.js';
import type { AgencyKind, Language, Role } from '../kernel/policy/roles.js';

/** The password of every demo user. Demo data is for trying Senningen out, never for production. */
export const DEMO_PASSWORD = 'senningen-demo-2026';

const DEMO_AGENCIES: { code: string; name: string; kind: AgencyKind; isSpoc?: boolean }[] = [
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

const DEMO_CONTEXT: AuditContext = { actor: null, clientAddress: null, requestId: 'demo-data' };

/**
 * Loads the Belgian demo agencies and one user per role, unless the node already
 * has agencies. Returns whether anything was loaded.
 */
export async function loadDemoData(db: Db): Promise<boolean> {
  const existing = await db.selectFrom('agency').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const agencyIds = new Map<string, string>();
  for (const agency of DEMO_AGENCIES) {
    const created = await createAgencyRecord(db, DEMO_CONTEXT, { ...agency, country: 'BE' });
    agencyIds.set(agency.code, created.id);
  }
  for (const user of DEMO_USERS) {
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
