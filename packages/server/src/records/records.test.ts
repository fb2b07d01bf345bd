import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionBody, RequestDetail, Subject } from '../exchange/exchange.schemas.js';
import { createTestAgency } from '../test-support/app.js';
import {
  createTestFederation,
  eventually,
  type MemberNode,
  type TestFederation,
} from '../test-support/federation.js';
import { call, memberActor, ok, type MemberActor } from '../test-support/members.js';
import type { Permission, RecordDetail, RecordSummary } from './records.schemas.js';

/**
 * The life of personal data across three real nodes on loopback (BE, NL, LU):
 * purpose-bound reading, restriction, H2 permission to pass on, and erasure and
 * rectification that reach every node the record went to, confirmed back.
 */

let fed: TestFederation;
let be: MemberNode;
let nl: MemberNode;
let lu: MemberNode;
let beOfficer: MemberActor;
let beOtherOfficer: MemberActor;
let beKnokkeSpoc: MemberActor;
let beDpo: MemberActor;
let nlSpoc: MemberActor;
let luSpoc: MemberActor;

const person = (surname: string, extra: Partial<Subject> = {}): Subject => ({
  kind: 'person',
  category: 'suspect',
  statement: 'fact',
  surname,
  givenNames: 'Jan',
  birthDate: '1988-02-29',
  ...extra,
});

/** BE supplies information about a person to NL without a request; returns the record id. */
async function supply(to: string, subject: Subject, handlingCode: 'H0' | 'H2' = 'H0') {
  const body: ProvisionBody = {
    requestedNode: to,
    purpose: 'Warn of a courier of synthetic drugs crossing at Hazeldonk.',
    facts: 'Seen loading packages in a rented van in Breda twice this month.',
    offenceCategory: 'drug_trafficking',
    language: 'nl',
    items: [
      {
        body: 'The courier below drives the van on Tuesdays.',
        handlingCode,
        sourceReliability: 'B',
        informationAccuracy: '2',
        subjects: [subject],
      },
    ],
  };
  const sent = await ok<RequestDetail>(beOfficer, 'POST', '/api/v1/exchange/provisions', body);
  const recordId = sent.timeline.flatMap((e) => e.items).flatMap((i) => i.subjects)[0]!.id!;
  return { request: sent, recordId };
}

/** Waits until the node holds the record and `check` holds for it (read by its DPO). */
function held(
  who: MemberActor,
  recordId: string,
  check: (r: RecordDetail) => boolean = () => true,
) {
  return eventually(`${recordId} on ${who.node.nodeId}`, async () => {
    const result = await call<RecordDetail>(
      who,
      'POST',
      `/api/v1/records/${recordId}/consultations`,
      { reason: 'data_protection_task', note: 'Checking the notice was applied.' },
    );
    return result.status === 200 && check(result.body) ? result.body : null;
  });
}

const forwardBody = {
  node: 'lu',
  purpose: 'The courier is believed to deliver in Luxembourg City.',
  facts: 'NL passes on what BE supplied, with BE’s permission.',
  language: 'fr',
};

async function auditActions(node: MemberNode, recordId: string) {
  const rows = await node.database.db
    .selectFrom('audit_entry')
    .select(['action', 'purpose', 'outcome', 'details'])
    .where('object_id', '=', recordId)
    .orderBy('seq')
    .execute();
  return rows;
}

async function envelopeTypes(node: MemberNode, direction: 'in' | 'out', recordId: string) {
  const rows =
    direction === 'out'
      ? await node.database.db
          .selectFrom('federation_outbound')
          .select('type')
          .where('correlation_id', '=', recordId)
          .execute()
      : await node.database.db
          .selectFrom('federation_inbound')
          .select('type')
          .where('correlation_id', '=', recordId)
          .execute();
  return rows.map((r) => r.type).sort();
}

beforeAll(async () => {
  fed = await createTestFederation([
    { nodeId: 'be', country: 'BE' },
    { nodeId: 'nl', country: 'NL' },
    { nodeId: 'lu', country: 'LU' },
  ]);
  be = fed.nodes.be!;
  nl = fed.nodes.nl!;
  lu = fed.nodes.lu!;
  const agency = (node: MemberNode, country: string, isSpoc = false) =>
    createTestAgency(node.database.db, { country, isSpoc });
  await agency(be, 'BE', true);
  const knokke = await agency(be, 'BE');
  const other = await agency(be, 'BE');
  const nlSpocAgency = await agency(nl, 'NL', true);
  const luSpocAgency = await agency(lu, 'LU', true);
  beOfficer = await memberActor(be, knokke.id, ['officer']);
  beOtherOfficer = await memberActor(be, other.id, ['officer']);
  beKnokkeSpoc = await memberActor(be, knokke.id, ['spoc']);
  beDpo = await memberActor(be, other.id, ['dpo']);
  nlSpoc = await memberActor(nl, nlSpocAgency.id, ['spoc', 'dpo']);
  luSpoc = await memberActor(lu, luSpocAgency.id, ['spoc', 'dpo']);
}, 60_000);

afterAll(async () => {
  await fed?.close();
});

describe('reading a record (purpose limitation, LED art. 25)', () => {
  let recordId: string;

  beforeAll(async () => {
    ({ recordId } = await supply('nl', person('Verbeke')));
  });

  it('is allowed in the context of a request of the own agency, logged with its purpose', async () => {
    const record = await ok<RecordDetail>(beOfficer, 'GET', `/api/v1/records/${recordId}`);
    expect(record.subject).toMatchObject({ surname: 'Verbeke', category: 'suspect' });
    expect(record.context?.reference).toMatch(/^BE-\d{4}-\d{5}$/);
    expect(record.disclosures).toEqual([
      expect.objectContaining({ recipientNode: 'nl', recipientCountry: 'NL', handlingCode: 'H0' }),
    ]);
    const log = await auditActions(be, recordId);
    expect(log.at(-1)).toMatchObject({
      action: 'record.consult',
      outcome: 'success',
      purpose: expect.stringContaining('Warn of a courier'),
      details: expect.objectContaining({ context: 'request', reason: null }),
    });
  });

  it('is refused without a context or reason, as if the record did not exist', async () => {
    const refused = await call<{ code: string }>(
      beOtherOfficer,
      'GET',
      `/api/v1/records/${recordId}`,
    );
    const missing = await call<{ code: string }>(
      beOtherOfficer,
      'GET',
      `/api/v1/records/${crypto.randomUUID()}`,
    );
    const shape = (r: typeof refused) => ({ status: r.status, code: r.body.code });
    expect(shape(refused)).toEqual(shape(missing));
    expect(refused.body).toEqual(
      expect.objectContaining({ code: 'not_found', detail: 'Not found.' }),
    );
    expect(missing.body).toEqual(
      expect.objectContaining({ code: 'not_found', detail: 'Not found.' }),
    );
    expect(refused.status).toBe(404);
    const log = await auditActions(be, recordId);
    expect(log.at(-1)).toMatchObject({ action: 'record.read', outcome: 'denied' });
  });

  it('is allowed for a reason from the list, and the log holds the reason and the note', async () => {
    const unknown = await call<{ code: string }>(
      beOtherOfficer,
      'POST',
      `/api/v1/records/${recordId}/consultations`,
      { reason: 'curiosity', note: 'Just having a look around.' },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('unknown_reason');
    const record = await ok<RecordDetail>(
      beOtherOfficer,
      'POST',
      `/api/v1/records/${recordId}/consultations`,
      { reason: 'identity_check', note: 'Stopped a driver giving this name at Lanaken.' },
    );
    expect(record.context).toBeNull();
    expect(record.allowed).toEqual([]);
    const log = await auditActions(be, recordId);
    expect(log.at(-1)).toMatchObject({
      action: 'record.consult',
      purpose: 'identity_check: Stopped a driver giving this name at Lanaken.',
      details: expect.objectContaining({ context: 'reason', reason: 'identity_check' }),
    });
  });

  it('lists search results with no more than is needed to choose', async () => {
    const found = await ok<{ items: RecordSummary[]; total: number }>(
      beOtherOfficer,
      'GET',
      '/api/v1/records?q=verbeke',
    );
    expect(found.items).toEqual([
      expect.objectContaining({
        id: recordId,
        label: 'VERBEKE, Jan',
        birthYear: 1988,
        inContext: false,
      }),
    ]);
    expect(JSON.stringify(found)).not.toContain('1988-02-29');
  });
});

describe('restriction (LED art. 16(3))', () => {
  let recordId: string;
  let requestId: string;

  beforeAll(async () => {
    const draft = await ok<RequestDetail>(beOfficer, 'POST', '/api/v1/exchange/requests', {
      requestedNode: 'nl',
      purpose: 'Establish whether the person below rents storage in Breda.',
      facts: 'A storage key was found in a car stopped at Meer.',
      reasonsHeld: 'The key fob names a Breda company.',
      offenceCategory: 'drug_trafficking',
      language: 'nl',
      subjects: [person('Maes', { link: 'Driver of the car.' })],
    });
    requestId = draft.id;
    recordId = draft.content.subjects![0]!.id!;
  });

  it('is decided by the holder agency’s SPOCs and the DPO, not by officers', async () => {
    const before = await ok<RecordDetail>(beOfficer, 'GET', `/api/v1/records/${recordId}`);
    expect(before.allowed).not.toContain('restrict');
    const refused = await call<{ code: string }>(
      beOfficer,
      'POST',
      `/api/v1/records/${recordId}/restriction`,
      { reason: 'The person contests being the driver.' },
    );
    expect(refused.status).toBe(403);
  });

  it('leaves the record to its holder SPOC and the DPO; officers no longer see it', async () => {
    const restricted = await ok<RecordDetail>(
      beKnokkeSpoc,
      'POST',
      `/api/v1/records/${recordId}/restriction`,
      { reason: 'The person contests being the driver.' },
    );
    expect(restricted.restricted?.reason).toBe('The person contests being the driver.');
    expect((await call(beOfficer, 'GET', `/api/v1/records/${recordId}`)).status).toBe(404);
    const request = await ok<RequestDetail>(
      beOfficer,
      'GET',
      `/api/v1/exchange/requests/${requestId}`,
    );
    expect(request.content.subjects).toEqual([{ id: recordId, kind: 'person', restricted: true }]);
    const search = await ok<{ items: RecordSummary[] }>(beOfficer, 'GET', '/api/v1/records?q=maes');
    expect(search.items).toEqual([]);
    await ok(beKnokkeSpoc, 'GET', `/api/v1/records/${recordId}`);
    await ok(beDpo, 'POST', `/api/v1/records/${recordId}/consultations`, {
      reason: 'data_protection_task',
      note: 'Checking the restriction was applied.',
    });
  });

  it('cannot be sent', async () => {
    const refused = await call<{ code: string }>(
      beKnokkeSpoc,
      'POST',
      `/api/v1/exchange/requests/${requestId}/send`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('record_restricted');
    const request = await ok<RequestDetail>(
      beKnokkeSpoc,
      'GET',
      `/api/v1/exchange/requests/${requestId}`,
    );
    expect(request.state).toBe('draft');
  });

  it('once lifted, the record is visible and can be sent again', async () => {
    await ok(beKnokkeSpoc, 'DELETE', `/api/v1/records/${recordId}/restriction`);
    await ok(beOfficer, 'GET', `/api/v1/records/${recordId}`);
    const sent = await ok<RequestDetail>(
      beOfficer,
      'POST',
      `/api/v1/exchange/requests/${requestId}/send`,
    );
    expect(sent.state).toBe('sent');
  });

  it('a record known to be inaccurate is not passed on', async () => {
    const { recordId: other } = await supply('nl', person('Claes'));
    await ok(beOfficer, 'POST', `/api/v1/records/${other}/inaccuracy`, {
      note: 'The birth date was read from a forged document.',
    });
    const refused = await call<{ code: string }>(
      beOfficer,
      'POST',
      `/api/v1/records/${other}/forward`,
      { ...forwardBody },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('record_inaccurate');
  });
});

describe('a person sent BE → NL under H2, and with permission NL → LU', () => {
  let recordId: string;

  beforeAll(async () => {
    ({ recordId } = await supply('nl', person('Berg', { surnamePrefix: 'van den' }), 'H2'));
    await held(nlSpoc, recordId);
  });

  it('cannot be passed on without the provider’s permission', async () => {
    const refused = await call<{ code: string }>(
      nlSpoc,
      'POST',
      `/api/v1/records/${recordId}/forward`,
      forwardBody,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('permission_required');
    const log = await lu.database.db
      .selectFrom('personal_record')
      .select('id')
      .where('id', '=', recordId)
      .execute();
    expect(log).toEqual([]);
  });

  it('is passed on once BE grants the permission NL asked for', async () => {
    const asked = await ok<Permission>(nlSpoc, 'POST', `/api/v1/records/${recordId}/permissions`, {
      node: 'lu',
      reason: 'LU police investigate the same courier.',
    });
    expect(asked).toMatchObject({ state: 'pending', answeringNode: 'be', recipientNode: 'lu' });
    const incoming = await eventually('the permission request on BE', async () => {
      const list = await ok<{ items: Permission[] }>(
        beKnokkeSpoc,
        'GET',
        '/api/v1/records/permission-requests',
      );
      return list.items.find((p) => p.id === asked.id);
    });
    expect(incoming).toMatchObject({ side: 'answering', askingNode: 'nl', state: 'pending' });
    // Another agency's SPOC does not answer for this record.
    expect(
      (
        await call(
          beOtherOfficer,
          'POST',
          `/api/v1/records/permission-requests/${asked.id}/answer`,
          {
            granted: true,
          },
        )
      ).status,
    ).toBe(403);
    await ok(beKnokkeSpoc, 'POST', `/api/v1/records/permission-requests/${asked.id}/answer`, {
      granted: true,
      note: 'Agreed, for this investigation only.',
    });
    await held(nlSpoc, recordId, (r) => r.permissions.some((p) => p.state === 'granted'));

    const forwarded = await ok<{ reference: string }>(
      nlSpoc,
      'POST',
      `/api/v1/records/${recordId}/forward`,
      forwardBody,
    );
    expect(forwarded.reference).toMatch(/^NL-/);
    const onLu = await held(luSpoc, recordId);
    expect(onLu).toMatchObject({ originNode: 'be', sourceNode: 'nl', handlingCode: 'H2' });
    expect(onLu.subject).toMatchObject({ surname: 'Berg', surnamePrefix: 'van den' });
  });

  it('is erased on BE, then on NL and LU, and BE sees both confirmations', async () => {
    const erased = await ok<RecordDetail>(
      beOfficer,
      'POST',
      `/api/v1/records/${recordId}/erasure`,
      {
        reason: 'The suspicion proved unfounded.',
      },
    );
    expect(erased.erased?.reason).toBe('The suspicion proved unfounded.');
    expect(erased.subject).toEqual({
      id: recordId,
      kind: 'person',
      category: 'suspect',
      statement: 'fact',
      erased: true,
    });
    const confirmed = await held(
      beDpo,
      recordId,
      (r) => (r.notices[0]?.recipients ?? []).filter((x) => x.confirmedAt !== null).length === 2,
    );
    expect(confirmed.notices[0]).toMatchObject({
      kind: 'erasure',
      originNode: 'be',
      fromNode: null,
    });
    expect(confirmed.notices[0]!.recipients.map((r) => [r.node, r.viaNode, r.overdue])).toEqual([
      ['nl', null, false],
      ['lu', 'nl', false],
    ]);

    for (const [node, from] of [
      [nl, 'be'],
      [lu, 'nl'],
    ] as const) {
      const record = await node.database.db
        .selectFrom('personal_record')
        .selectAll()
        .where('id', '=', recordId)
        .executeTakeFirstOrThrow();
      expect(record.erased_at, node.nodeId).not.toBeNull();
      expect(record.name_key).toBeNull();
      const details = await node.database.db
        .selectFrom('exchange_subject')
        .select('details')
        .where('record_id', '=', recordId)
        .execute();
      expect(details.map((d) => d.details)).toEqual(details.map(() => ({})));
      const log = await auditActions(node, recordId);
      expect(log.find((e) => e.action === 'record.receive-notice')?.details).toMatchObject({
        kind: 'erasure',
        from,
        origin: 'be',
      });
    }
    // The message logs of all three nodes hold the signed notices and receipts.
    expect(await envelopeTypes(be, 'out', recordId)).toContain('record.notice');
    expect(await envelopeTypes(be, 'in', recordId)).toEqual(
      expect.arrayContaining(['record.permission-request', 'record.receipt', 'record.receipt']),
    );
    expect(await envelopeTypes(nl, 'in', recordId)).toEqual(
      expect.arrayContaining(['record.notice', 'record.receipt']),
    );
    expect(await envelopeTypes(nl, 'out', recordId)).toEqual(
      expect.arrayContaining(['record.notice', 'record.receipt', 'record.receipt']),
    );
    expect(await envelopeTypes(lu, 'in', recordId)).toContain('record.notice');
    expect(await envelopeTypes(lu, 'out', recordId)).toContain('record.receipt');
    expect((await auditActions(be, recordId)).map((e) => e.action)).toContain('record.erase');
    const receipts = await be.database.db
      .selectFrom('audit_entry')
      .select('details')
      .where('action', '=', 'record.notice-confirmed')
      .where('object_id', '=', confirmed.notices[0]!.id)
      .execute();
    expect(receipts.map((r) => [r.details.node, r.details.via]).sort()).toEqual([
      ['lu', 'nl'],
      ['nl', 'nl'],
    ]);
  });

  it('the tombstone cannot be sent or changed', async () => {
    const refused = await call<{ code: string }>(
      beOfficer,
      'POST',
      `/api/v1/records/${recordId}/rectification`,
      { subject: person('Berg'), reason: 'Trying to bring it back.' },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('record_erased');
  });
});

describe('a rectification reaches every node the record went to', () => {
  let recordId: string;

  beforeAll(async () => {
    ({ recordId } = await supply('nl', person('Peeters', { givenNames: 'Anna' })));
    await held(nlSpoc, recordId);
    await ok(nlSpoc, 'POST', `/api/v1/records/${recordId}/forward`, {
      ...forwardBody,
      facts: 'NL passes on what BE supplied (H0).',
    });
    await held(luSpoc, recordId);
  });

  it('rectified on BE, is rectified on NL and LU, confirmed by both', async () => {
    const rectified = await ok<RecordDetail>(
      beOfficer,
      'POST',
      `/api/v1/records/${recordId}/rectification`,
      {
        subject: person('Peeters', { givenNames: 'Anna', birthDate: '1988-03-01' }),
        reason: 'The birth date was misread from the identity card.',
      },
    );
    expect(rectified.subject).toMatchObject({ birthDate: '1988-03-01' });
    expect(rectified.rectifiedAt).not.toBeNull();
    for (const who of [nlSpoc, luSpoc]) {
      const record = await held(who, recordId, (r) => r.rectifiedAt !== null);
      expect(record.subject).toMatchObject({ surname: 'Peeters', birthDate: '1988-03-01' });
    }
    const confirmed = await held(beDpo, recordId, (r) =>
      r.notices.some((n) => n.recipients.filter((x) => x.confirmedAt).length === 2),
    );
    expect(confirmed.notices.at(-1)).toMatchObject({ kind: 'rectification' });
    expect(confirmed.notices.at(-1)!.recipients.map((r) => r.node)).toEqual(['nl', 'lu']);
  });

  it('rectified on NL, reaches BE, where it came from (art. 16(5)), and LU', async () => {
    await ok(nlSpoc, 'POST', `/api/v1/records/${recordId}/rectification`, {
      subject: person('Peeters-Smets', { givenNames: 'Anna', birthDate: '1988-03-01' }),
      reason: 'Married name added after a check of the Dutch population register.',
    });
    for (const who of [beDpo, luSpoc]) {
      await held(
        who,
        recordId,
        (r) => (r.subject as { surname?: string }).surname === 'Peeters-Smets',
      );
    }
    const onNl = await held(nlSpoc, recordId, (r) =>
      r.notices.some(
        (n) => n.originNode === 'nl' && n.recipients.every((x) => x.confirmedAt !== null),
      ),
    );
    const own = onNl.notices.find((n) => n.originNode === 'nl')!;
    expect(own.recipients.map((r) => r.node).sort()).toEqual(['be', 'lu']);
  });

  it('an erasure by a node the record was given to goes on downstream; the source keeps its record', async () => {
    // NL erases its own copy: a local decision that LU, which got it from NL, follows,
    // but BE, the source, keeps its record.
    await ok(nlSpoc, 'POST', `/api/v1/records/${recordId}/erasure`, {
      reason: 'No longer needed for the Dutch investigation.',
    });
    await held(luSpoc, recordId, (r) => r.erased !== null);
    const onBe = await held(beDpo, recordId);
    expect(onBe.erased).toBeNull();
  });
});
