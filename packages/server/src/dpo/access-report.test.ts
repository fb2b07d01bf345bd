import { randomBytes, randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../kernel/db/database.js';
import { nameColumns } from '../records/records.queries.js';
import {
  bearer,
  createTestAgency,
  createTestNode,
  createTestUser,
  issueToken,
  type TestNode,
} from '../test-support/app.js';
import { toWinAnsi } from './access-report.pdf.js';
import type { AccessReport, PersonMatch } from './access-report.schemas.js';
import { LEGAL_BASIS_REQUEST, LEGAL_BASIS_SPONTANEOUS } from './access-report.service.js';

/**
 * Access reports through the real HTTP app on a real database. Records and their
 * disclosures are laid down as rows (see `holdPerson`) until the exchange itself
 * makes them; everything after that goes through the API.
 */

let node: TestNode;
let otherNode: TestNode;
let dpo: string;
let officer: string;
let foreignDpo: string;
let beAgencyId: string;
let nlAgencyId: string;
let creatorId: string;

async function call<T = unknown>(
  token: string,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
  on: TestNode = node,
) {
  const response = await on.inject({
    method,
    url,
    headers: bearer(token),
    ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
  });
  const type = String(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    headers: response.headers,
    raw: response.rawPayload,
    body: (type.includes('json') ? response.json() : undefined) as T,
  };
}

async function ok<T>(
  token: string,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
) {
  const result = await call<T>(token, method, url, payload);
  if (result.status >= 300) {
    throw new Error(`${method} ${url} → ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.body;
}

interface Held {
  recordId: string;
  reference: string;
  disclosureIds: string[];
}

/**
 * One record held on this node as the migration lays it down: the request it came
 * with, its occurrence (subject row), the record, and a disclosure per recipient.
 */
async function holdPerson(
  db: Db,
  options: {
    agencyId: string;
    createdBy: string;
    details: Record<string, unknown>;
    kind?: 'person' | 'vehicle';
    requestKind?: 'request' | 'spontaneous';
    category?: string;
    erased?: boolean;
    disclosedTo?: { node: string; country: string; agency: string; fields: string[] }[];
  },
): Promise<Held> {
  const requestId = randomUUID();
  const recordId = randomUUID();
  const reference = `BE-2026-${randomBytes(3).toString('hex').toUpperCase()}`;
  const kind = options.kind ?? 'person';
  const category = options.category ?? 'suspect';
  const now = new Date('2026-03-02T09:30:00Z');
  await db
    .insertInto('exchange_request')
    .values({
      id: requestId,
      reference,
      kind: options.requestKind ?? 'request',
      side: 'requester',
      state: 'sent',
      counterpart_node: 'nl',
      requesting_country: 'BE',
      requesting_agency_code: 'FGP-ANT',
      requesting_agency_name: 'Federale gerechtelijke politie Antwerpen',
      requesting_officer: 'Inspecteur Peeters',
      requested_node: 'nl',
      requested_country: 'NL',
      owner_agency_id: options.agencyId,
      created_by: options.createdBy,
      content: JSON.stringify({ purpose: 'Trace a courier.' }),
      offence_category: 'drug_trafficking',
      sent_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('exchange_subject')
    .values({
      id: randomUUID(),
      record_id: recordId,
      request_id: requestId,
      item_id: null,
      position: 0,
      kind,
      category,
      statement: 'fact',
      details: JSON.stringify(options.erased ? {} : options.details),
    })
    .execute();
  await db
    .insertInto('personal_record')
    .values({
      id: recordId,
      kind,
      category,
      statement: 'fact',
      origin_node: null,
      source_node: null,
      handling_code: 'H0',
      holder_agency_id: options.agencyId,
      purpose: 'drug_trafficking',
      held_since: now,
      review_at: new Date('2026-09-02T09:30:00Z'),
      expires_at: new Date('2031-03-02T09:30:00Z'),
      ...nameColumns(kind, options.details),
      ...(options.erased && { erased_at: now, erasure_reason: 'test' }),
    })
    .execute();
  const disclosureIds: string[] = [];
  for (const [i, to] of (options.disclosedTo ?? []).entries()) {
    const id = randomUUID();
    disclosureIds.push(id);
    await db
      .insertInto('record_disclosure')
      .values({
        id,
        record_id: recordId,
        request_id: requestId,
        reference,
        recipient_node: to.node,
        recipient_country: to.country,
        recipient_agency: to.agency,
        disclosed_at: new Date(now.getTime() + (i + 1) * 3_600_000),
        handling_code: 'H0',
        fields: to.fields,
      })
      .execute();
  }
  return { recordId, reference, disclosureIds };
}

/** Bytes in WinAnsi (Windows-1252), the encoding of the built-in fonts, as text. */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const winAnsi = {
  decode: (bytes: Buffer) =>
    [...bytes]
      .map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)))
      .join(''),
};

/** The text a PDF shows: its content streams inflated, the strings of each TJ joined. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      content = match[1]!;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
      lines.push(winAnsi.decode(Buffer.from(hex, 'hex')));
    }
  }
  return lines.join('\n');
}

let vanDenBerg: Held;
let vandenberg: Held;
let vanBergen: Held;
let erasedBerg: Held;
let nlBerg: Held;
let vehicle: Held;

beforeAll(async () => {
  node = await createTestNode();
  const db = node.database.db;
  const be = await createTestAgency(db, { country: 'BE' });
  const nl = await createTestAgency(db, { country: 'NL' });
  beAgencyId = be.id;
  nlAgencyId = nl.id;
  const dpoUser = await createTestUser(db, node.dataKey, { agencyId: be.id, roles: ['dpo'] });
  const officerUser = await createTestUser(db, node.dataKey, {
    agencyId: be.id,
    roles: ['officer'],
  });
  const nlDpoUser = await createTestUser(db, node.dataKey, { agencyId: nl.id, roles: ['dpo'] });
  creatorId = officerUser.id;
  dpo = await issueToken(node, dpoUser);
  officer = await issueToken(node, officerUser);
  foreignDpo = await issueToken(node, nlDpoUser);

  const held = { agencyId: beAgencyId, createdBy: creatorId };
  vanDenBerg = await holdPerson(db, {
    ...held,
    details: {
      surname: 'Berg',
      surnamePrefix: 'van den',
      givenNames: 'Jan-Willem',
      birthDate: '1984-02-29',
      birthPlace: 'Łódź',
      aliases: ['王小明 🙂'],
      link: 'Rented the van stopped at Hazeldonk.',
    },
    disclosedTo: [
      { node: 'nl', country: 'NL', agency: 'Politie Nederland', fields: ['surname', 'birthDate'] },
      { node: 'lu', country: 'LU', agency: 'Police grand-ducale', fields: ['surname'] },
    ],
  });
  vandenberg = await holdPerson(db, {
    ...held,
    requestKind: 'spontaneous',
    category: 'witness',
    details: { surname: 'VANDENBERG', givenNames: 'Jan Willem', birthDate: '1984-02-29' },
    disclosedTo: [
      { node: 'fr', country: 'FR', agency: 'OFAST', fields: ['surname', 'givenNames'] },
    ],
  });
  // Close, but another person: a different surname.
  vanBergen = await holdPerson(db, {
    ...held,
    details: { surname: 'Bergen', surnamePrefix: 'van', givenNames: 'Jan-Willem' },
  });
  erasedBerg = await holdPerson(db, {
    ...held,
    erased: true,
    details: { surname: 'Berg', surnamePrefix: 'van den', givenNames: 'Jan' },
  });
  // Held by an agency of another country on the same node: outside a BE DPO's reach.
  nlBerg = await holdPerson(db, {
    agencyId: nlAgencyId,
    createdBy: creatorId,
    details: { surname: 'Berg', surnamePrefix: 'van den', givenNames: 'Jan Willem' },
  });
  vehicle = await holdPerson(db, {
    ...held,
    kind: 'vehicle',
    details: { plate: 'XK-123-Z', plateCountry: 'NL' },
  });
});

afterAll(async () => {
  await node?.close();
  await otherNode?.close();
});

const ids = (items: PersonMatch[]) => items.map((i) => i.recordId).sort();

describe('access reports (LED art. 14-15)', () => {
  let report: AccessReport;

  it('lists every record and disclosure for a person whose name is spelled differently in two records', async () => {
    const both = [vanDenBerg.recordId, vandenberg.recordId].sort();
    for (const surname of ['van den berg', 'VAN DEN BERG', 'Van den Berg', 'Vandenberg']) {
      const found = await ok<{ items: PersonMatch[] }>(
        dpo,
        'GET',
        `/api/v1/dpo/persons?surname=${encodeURIComponent(surname)}&givenNames=jan%20willem`,
      );
      expect(ids(found.items), surname).toEqual(both);
    }
    // With the particles left out, the record that keeps them apart is found; the one
    // written as a single word cannot be told from any other "…berg" and is not.
    const bare = await ok<{ items: PersonMatch[] }>(dpo, 'GET', '/api/v1/dpo/persons?surname=Berg');
    expect(ids(bare.items)).toEqual([vanDenBerg.recordId]);
    // Given names match as a prefix; the birth date exactly.
    const byBirth = await ok<{ items: PersonMatch[] }>(
      dpo,
      'GET',
      '/api/v1/dpo/persons?surname=van%20den%20Berg&givenNames=Jan&birthDate=1984-02-29',
    );
    expect(ids(byBirth.items)).toEqual(both);
    const otherBirth = await ok<{ items: PersonMatch[] }>(
      dpo,
      'GET',
      '/api/v1/dpo/persons?surname=van%20den%20Berg&birthDate=1984-03-01',
    );
    expect(otherBirth.items).toEqual([]);
    const match = byBirth.items.find((i) => i.recordId === vanDenBerg.recordId)!;
    expect(match).toMatchObject({
      surname: 'Berg',
      surnamePrefix: 'van den',
      givenNames: 'Jan-Willem',
      birthDate: '1984-02-29',
      category: 'suspect',
      originNode: null,
    });
    // Neither the other person, nor the erased record, nor another country's record.
    const all = await ok<{ items: PersonMatch[] }>(
      dpo,
      'GET',
      '/api/v1/dpo/persons?surname=van%20den%20Berg',
    );
    expect(ids(all.items)).toEqual(both);
    for (const absent of [vanBergen, erasedBerg, nlBerg]) {
      expect(ids(all.items)).not.toContain(absent.recordId);
    }

    // Each search is logged with the folded name, for the access request.
    const searches = await node.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'dpo.person-search')
      .orderBy('seq')
      .execute();
    expect(searches).toHaveLength(8);
    expect(searches[0]).toMatchObject({ purpose: 'access request', object_type: 'record.person' });
    expect(searches[0]!.details).toMatchObject({
      nameKey: 'vandenberg',
      nameKeyBare: 'berg',
      givenKey: 'janwillem',
      returned: 2,
    });
    expect(JSON.stringify(searches.map((s) => s.details))).not.toContain('van den');

    // The report on both, with one disclosure withheld.
    const [toNl, toLu] = vanDenBerg.disclosureIds;
    report = await ok<AccessReport>(dpo, 'POST', '/api/v1/dpo/access-reports', {
      surname: 'van den Berg',
      givenNames: 'Jan Willem',
      birthDate: '1984-02-29',
      requestedVia: 'data_subject',
      recordIds: [vanDenBerg.recordId, vandenberg.recordId],
      withhold: [{ type: 'disclosure', id: toLu, reason: 'obstruct_inquiries' }],
    });
    expect(report.query).toEqual({
      surname: 'van den Berg',
      givenNames: 'Jan Willem',
      birthDate: '1984-02-29',
    });
    expect(report.requestedVia).toBe('data_subject');
    expect(report.records.map((r) => r.recordId)).toEqual([
      vanDenBerg.recordId,
      vandenberg.recordId,
    ]);
    const [first, second] = report.records;
    expect(first).toMatchObject({
      kind: 'person',
      withheld: null,
      subject: {
        id: vanDenBerg.recordId,
        kind: 'person',
        surname: 'Berg',
        surnamePrefix: 'van den',
        givenNames: 'Jan-Willem',
        category: 'suspect',
        statement: 'fact',
      },
      category: 'suspect',
      statement: 'fact',
      originNode: null,
      sourceNode: null,
      references: [vanDenBerg.reference],
      legalBasis: LEGAL_BASIS_REQUEST,
      heldSince: '2026-03-02T09:30:00.000Z',
      reviewAt: '2026-09-02T09:30:00.000Z',
      expiresAt: '2031-03-02T09:30:00.000Z',
      restricted: null,
      rectifiedAt: null,
      erasedAt: null,
    });
    expect(first!.holderAgency).toMatchObject({ code: expect.any(String) });
    expect(first!.disclosures).toEqual([
      {
        id: toNl,
        recipientNode: 'nl',
        recipientCountry: 'NL',
        recipientAgency: 'Politie Nederland',
        disclosedAt: '2026-03-02T10:30:00.000Z',
        reference: vanDenBerg.reference,
        fields: ['surname', 'birthDate'],
        withheld: null,
      },
      {
        id: toLu,
        recipientNode: null,
        recipientCountry: null,
        recipientAgency: null,
        disclosedAt: null,
        reference: null,
        fields: [],
        withheld: { reason: 'obstruct_inquiries' },
      },
    ]);
    expect(second).toMatchObject({
      category: 'witness',
      legalBasis: LEGAL_BASIS_SPONTANEOUS,
      subject: { surname: 'VANDENBERG', givenNames: 'Jan Willem' },
      disclosures: [{ recipientNode: 'fr', recipientAgency: 'OFAST', withheld: null }],
    });
    expect(report.withheld).toEqual([
      { type: 'disclosure', id: toLu, reason: 'obstruct_inquiries' },
    ]);

    // Kept as it was produced, with its reasons, in one transaction with its audit entry.
    const stored = await node.database.db
      .selectFrom('access_report')
      .selectAll()
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(stored.withheld).toEqual(report.withheld);
    expect(JSON.stringify(stored.content)).not.toContain('Police grand-ducale');
    const entry = await node.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'dpo.access-report')
      .where('object_id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(entry.purpose).toBe('access request');
    expect(entry.details).toMatchObject({ records: 2, requestedVia: 'data_subject' });
    expect(JSON.parse(String(entry.details.withheld))).toEqual(report.withheld);

    // Read again: the same report, and the reading is logged.
    const again = await ok<AccessReport>(dpo, 'GET', `/api/v1/dpo/access-reports/${report.id}`);
    expect(again).toEqual(report);
    const list = await ok<{ items: unknown[] }>(dpo, 'GET', '/api/v1/dpo/access-reports');
    expect(list.items).toContainEqual({
      id: report.id,
      createdAt: report.createdAt,
      createdBy: report.createdBy,
      requestedVia: 'data_subject',
      surname: 'van den Berg',
      records: 2,
      disclosures: 3,
    });
    const reads = await node.database.db
      .selectFrom('audit_entry')
      .select(['object_id', 'purpose'])
      .where('action', '=', 'dpo.access-report-read')
      .execute();
    expect(reads).toEqual([{ object_id: report.id, purpose: 'access request' }]);
  });

  it('withholds a whole record, leaving only the ground', async () => {
    const withheld = await ok<AccessReport>(dpo, 'POST', '/api/v1/dpo/access-reports', {
      surname: 'Vandenberg',
      requestedVia: 'supervisory_authority',
      recordIds: [vandenberg.recordId],
      withhold: [{ type: 'record', id: vandenberg.recordId, reason: 'national_security' }],
    });
    expect(withheld.records).toEqual([
      expect.objectContaining({
        recordId: vandenberg.recordId,
        withheld: { reason: 'national_security' },
        subject: null,
        category: null,
        references: [],
        disclosures: [],
      }),
    ]);
    expect(JSON.stringify(withheld.records)).not.toContain('OFAST');
  });

  it('serves the report as a printable PDF', async () => {
    const response = await call(dpo, 'GET', `/api/v1/dpo/access-reports/${report.id}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="access-report-${report.createdAt.slice(0, 10)}.pdf"`,
    );
    expect(response.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(response.raw);
    expect(text).toContain('van den BERG, Jan-Willem');
    expect(text).toContain('VANDENBERG');
    expect(text).toContain('Politie Nederland');
    expect(text).toContain('LED art. 15(1)(a)');
    expect(text).toContain(vanDenBerg.reference);
    expect(text).toContain('Page 1 of');
    // Outside WinAnsi: transliterated where possible, replaced otherwise, never broken.
    expect(text).toContain('Lódz');
    expect(text).toContain(LEGAL_BASIS_REQUEST);
    expect(text).toContain('??? ?');
    expect(text).not.toContain('Police grand-ducale');
    const downloads = await node.database.db
      .selectFrom('audit_entry')
      .select('details')
      .where('action', '=', 'dpo.access-report-read')
      .where('object_id', '=', report.id)
      .execute();
    expect(downloads.map((d) => d.details.format)).toContain('pdf');
  });

  it('is for DPOs only, and only for reports of their own country on this node', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/v1/dpo/persons?surname=Berg', undefined],
      ['GET', '/api/v1/dpo/access-reports', undefined],
      ['GET', `/api/v1/dpo/access-reports/${report.id}`, undefined],
      ['GET', `/api/v1/dpo/access-reports/${report.id}/pdf`, undefined],
      [
        'POST',
        '/api/v1/dpo/access-reports',
        { surname: 'Berg', requestedVia: 'data_subject', recordIds: [vanDenBerg.recordId] },
      ],
    ] as const) {
      expect((await call(officer, method, url, payload)).status, url).toBe(403);
    }
    expect((await call(dpo, 'GET', `/api/v1/dpo/access-reports/${randomUUID()}`)).status).toBe(404);
    expect((await call(foreignDpo, 'GET', `/api/v1/dpo/access-reports/${report.id}`)).status).toBe(
      404,
    );
    expect(
      (await call(foreignDpo, 'GET', `/api/v1/dpo/access-reports/${report.id}/pdf`)).status,
    ).toBe(404);
    const foreignList = await call<{ items: { id: string }[] }>(
      foreignDpo,
      'GET',
      '/api/v1/dpo/access-reports',
    );
    expect(foreignList.body.items.map((i) => i.id)).not.toContain(report.id);
    const foreignSearch = await call<{ items: PersonMatch[] }>(
      foreignDpo,
      'GET',
      '/api/v1/dpo/persons?surname=van%20den%20Berg',
    );
    expect(ids(foreignSearch.body.items)).toEqual([nlBerg.recordId]);

    // A report made on another node is unknown here.
    otherNode = await createTestNode();
    const db = otherNode.database.db;
    const agency = await createTestAgency(db, { country: 'BE' });
    const otherDpoUser = await createTestUser(db, otherNode.dataKey, {
      agencyId: agency.id,
      roles: ['dpo'],
    });
    const otherDpo = await issueToken(otherNode, otherDpoUser);
    const there = await holdPerson(db, {
      agencyId: agency.id,
      createdBy: otherDpoUser.id,
      details: { surname: 'Berg', surnamePrefix: 'van den' },
    });
    const elsewhere = await call<AccessReport>(
      otherDpo,
      'POST',
      '/api/v1/dpo/access-reports',
      { surname: 'Berg', requestedVia: 'data_subject', recordIds: [there.recordId] },
      otherNode,
    );
    expect(elsewhere.status).toBe(201);
    expect((await call(dpo, 'GET', `/api/v1/dpo/access-reports/${elsewhere.body.id}`)).status).toBe(
      404,
    );
  });

  it('refuses records that are not person records of this node, and withholding outside the report', async () => {
    const base = { surname: 'van den Berg', requestedVia: 'data_subject' };
    const countReports = async () =>
      (await node.database.db.selectFrom('access_report').select('id').execute()).length;
    const before = await countReports();
    for (const recordId of [randomUUID(), vehicle.recordId, nlBerg.recordId]) {
      const refused = await call<{ code: string }>(dpo, 'POST', '/api/v1/dpo/access-reports', {
        ...base,
        recordIds: [vanDenBerg.recordId, recordId],
      });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('unknown_record');
    }
    for (const withhold of [
      { type: 'disclosure', id: vandenberg.disclosureIds[0], reason: 'rights_of_others' },
      { type: 'record', id: vandenberg.recordId, reason: 'rights_of_others' },
      { type: 'record', id: vanDenBerg.disclosureIds[0], reason: 'rights_of_others' },
    ]) {
      const refused = await call<{ code: string }>(dpo, 'POST', '/api/v1/dpo/access-reports', {
        ...base,
        recordIds: [vanDenBerg.recordId],
        withhold: [withhold],
      });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('unknown_withheld');
    }
    const badGround = await call(dpo, 'POST', '/api/v1/dpo/access-reports', {
      ...base,
      recordIds: [vanDenBerg.recordId],
      withhold: [{ type: 'record', id: vanDenBerg.recordId, reason: 'because' }],
    });
    expect(badGround.status).toBe(400);
    const none = await call(dpo, 'POST', '/api/v1/dpo/access-reports', { ...base, recordIds: [] });
    expect(none.status).toBe(400);
    const noLetters = await call(dpo, 'GET', '/api/v1/dpo/persons?surname=---');
    expect(noLetters.status).toBe(400);
    // Nothing refused was kept.
    expect(await countReports()).toBe(before);
  });
});

describe('text for the built-in PDF fonts', () => {
  it('keeps WinAnsi, drops accents it lacks, and replaces the rest', () => {
    expect(toWinAnsi('Müller-Lüdenscheid – “Café” €5')).toBe('Müller-Lüdenscheid – “Café” €5');
    expect(toWinAnsi('Łukasz Żółć, Ştefan Dvořák, Őry')).toBe('Lukasz Zólc, Stefan Dvorák, Ory');
    expect(toWinAnsi('Иван 王 🙂\tx')).toBe('???? ? ? x');
    expect(toWinAnsi('Cafe\u0301')).toBe('Café');
  });
});
