import type { TObject } from 'typebox';
import {
  DATA_SUBJECT_CATEGORIES,
  OFFENCE_CATEGORIES,
  SUBJECT_KINDS,
} from '../exchange/exchange.model.js';
import {
  AddressSubject,
  BankAccountSubject,
  EmailSubject,
  OrganisationSubject,
  PersonSubject,
  PhoneSubject,
  VehicleSubject,
} from '../exchange/exchange.schemas.js';
import { FederationRefusal } from '../federation/envelope.js';
import { readIdentity, type Federation } from '../federation/federation.js';
import type { DbOrTrx } from '../kernel/db/database.js';
import {
  listAgencies,
  listConsultationReasons,
  listDpoNames,
  listRetention,
  type Scope,
} from './oversight.queries.js';
import type { ProcessingRecord } from './oversight.schemas.js';

/**
 * The record of processing activities (LED art. 24), generated from what the node
 * is configured with, so that it cannot drift from what the node actually does.
 */

/**
 * The technical and organisational measures (art. 24(1)(i), art. 29), as
 * docs/data-protection.md describes them; change both together.
 */
export const SECURITY_MEASURES: readonly string[] = [
  'Deny by default: every API action is granted per role and reach in one policy table; objects out of reach are answered as not found.',
  'Passwords hashed with argon2id; TOTP second factor mandatory for administrators, DPOs and SPOCs; sign-in throttling.',
  'Sessions and API tokens stored only as SHA-256 hashes; sessions expire when idle and after 12 hours.',
  'Secrets at rest (TOTP secrets) sealed with AES-256-GCM under the node data key.',
  'Append-only, hash-chained audit log of every change, every read of personal data and every refusal, verifiable with `senningen audit verify`.',
  'Consultations of personal data logged with the purpose or a stated reason (LED art. 25).',
  'Exchanges between nodes as Ed25519-signed envelopes with signed receipts and a tamper-evident message log; peers known only from the signed federation register.',
  'Transport over TLS between nodes, with mutual TLS where the peer requires it.',
  'Retention reviews and erasure that propagate to every recipient; restriction and rectification notices confirmed by each recipient.',
  'Data minimisation in errors and logs: no bodies, cookies, authorisation headers or secrets.',
];

/** Fields of a subject that are not personal data of their own: what it is and how it is marked. */
/** What describes a subject rather than holding personal data, and the node's own flags. */
const DESCRIPTIVE_FIELDS = new Set(['kind', 'id', 'category', 'statement', 'restricted', 'erased']);

const SUBJECT_SCHEMAS: Record<(typeof SUBJECT_KINDS)[number], TObject> = {
  person: PersonSubject,
  vehicle: VehicleSubject,
  organisation: OrganisationSubject,
  phone: PhoneSubject,
  email: EmailSubject,
  address: AddressSubject,
  bank_account: BankAccountSubject,
};

/** The personal data each kind of subject can hold, read off the schemas that accept it. */
export function personalDataCategories(): ProcessingRecord['personalDataCategories'] {
  return SUBJECT_KINDS.map((kind) => ({
    kind,
    fields: Object.keys(SUBJECT_SCHEMAS[kind].properties).filter(
      (field) => !DESCRIPTIVE_FIELDS.has(field),
    ),
  }));
}

/** The peer nodes of the register in force: whom records may be disclosed to. */
async function recipients(
  federation: Federation | null,
  now: Date,
): Promise<ProcessingRecord['recipients']> {
  if (!federation) return [];
  try {
    const register = await federation.registers.current(now);
    return register.document.nodes
      .filter((node) => node.id !== federation.identity.nodeId)
      .map((node) => ({ node: node.id, country: node.country, name: node.name }));
  } catch (error) {
    // Without a register in force the node discloses nothing: no recipients.
    if (error instanceof FederationRefusal) return [];
    throw error;
  }
}

export async function buildProcessingRecord(
  db: DbOrTrx,
  deps: { federation: Federation | null; scope: Scope; country: string; now: Date },
): Promise<ProcessingRecord> {
  const { federation, scope, now } = deps;
  const identity = federation?.identity ?? (await readIdentity(db));
  const [agencies, dpos, retention, reasons, peers] = await Promise.all([
    listAgencies(db, scope),
    listDpoNames(db, scope),
    listRetention(db),
    listConsultationReasons(db),
    recipients(federation, now),
  ]);
  return {
    generatedAt: now.toISOString(),
    controller: {
      node: identity?.nodeId ?? null,
      country: identity?.country ?? deps.country,
      name: identity?.name ?? null,
      agencies,
    },
    dpos,
    purposes: [...OFFENCE_CATEGORIES],
    dataSubjectCategories: [...DATA_SUBJECT_CATEGORIES],
    personalDataCategories: personalDataCategories(),
    recipients: peers,
    retention: retention.map((rule) => ({
      category: rule.category,
      purpose: rule.purpose,
      reviewMonths: rule.review_months,
      retentionMonths: rule.retention_months,
    })),
    consultationReasons: reasons.map((reason) => ({
      code: reason.code,
      labels: reason.labels,
      active: reason.active,
    })),
    securityMeasures: [...SECURITY_MEASURES],
  };
}
