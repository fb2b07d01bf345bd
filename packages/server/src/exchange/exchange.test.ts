import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgency } from '../test-support/app.js';
import {
  call as callAs,
  memberActor,
  ok as okAs,
  type MemberActor,
} from '../test-support/members.js';
import {
  createTestFederation,
  eventually,
  type MemberNode,
  type TestFederation,
} from '../test-support/federation.js';
import { enqueueEnvelopes } from '../federation/outbox.js';
import { REFUSAL_GROUNDS } from './exchange.model.js';
import type { RequestContent, RequestDetail } from './exchange.schemas.js';

/**
 * The SPOC workflow end to end over three real nodes on loopback (BE, NL, LU),
 * each with its own database, talking through signed envelopes.
 */

type Actor = MemberActor;

/** The statistics count calendar years in Brussels time. */
const brusselsYear = () =>
  Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Brussels', year: 'numeric' }).format(
      new Date(),
    ),
  );

let fed: TestFederation;
let be: MemberNode;
let nl: MemberNode;
let lu: MemberNode;
const people: Record<string, Actor> = {};

function call<T = RequestDetail>(who: Actor, method: string, path: string, body?: unknown) {
  return callAs<T>(who, method, path, body);
}

function ok<T = RequestDetail>(who: Actor, method: string, path: string, body?: unknown) {
  return okAs<T>(who, method, path, body);
}

async function person(
  node: MemberNode,
  name: string,
  agencyId: string,
  roles: MemberActor['user']['roles'],
): Promise<Actor> {
  const actor = await memberActor(node, agencyId, roles);
  people[name] = actor;
  return actor;
}

const urgentContent = (requestedNode: string): RequestContent => ({
  requestedNode,
  purpose: 'Locate a missing minor believed to be with the person below.',
  facts: 'A 15-year-old left home in Knokke on Friday night; cameras show her in a car.',
  reasonsHeld: 'The car carries a Dutch plate and was seen heading for Sluis.',
  offenceCategory: 'kidnapping_hostage_taking',
  urgent: true,
  urgencyGround: 'threat_to_life',
  urgencyJustification: 'The minor needs daily medication she does not have with her.',
  language: 'nl',
  subjects: [
    {
      kind: 'person',
      category: 'suspect',
      statement: 'fact',
      link: 'Driver of the car the minor was seen in.',
      surname: 'Jansen',
      surnamePrefix: 'de',
      givenNames: 'Mark',
      birthDate: '1990-04-12',
      nationalities: ['NL'],
    },
    {
      kind: 'vehicle',
      category: 'suspect',
      statement: 'fact',
      link: 'The car the minor was last seen in.',
      plate: 'XK-123-Z',
      plateCountry: 'NL',
      make: 'Volkswagen',
      model: 'Golf',
    },
  ],
});

const standardContent = (requestedNode: string, purpose: string): RequestContent => ({
  requestedNode,
  purpose,
  facts: 'Cash couriers stopped on the E19 carried a receipt from a shop in the requested country.',
  reasonsHeld: 'The receipt names a shop registered there.',
  offenceCategory: 'money_laundering',
  language: 'fr',
  subjects: [
    {
      kind: 'organisation',
      statement: 'fact',
      link: 'Issued the receipt.',
      name: 'Handelsonderneming Voorbeeld',
    },
  ],
});

async function sendRequest(who: Actor, content: RequestContent): Promise<RequestDetail> {
  const draft = await ok(who, 'POST', '/api/v1/exchange/requests', content);
  return ok(who, 'POST', `/api/v1/exchange/requests/${draft.id}/send`);
}

/** Waits until the request exists on the node and matches. */
function arrives(who: Actor, id: string, check: (r: RequestDetail) => boolean = () => true) {
  return eventually(`${id} on ${who.node.nodeId}`, async () => {
    const result = await call(who, 'GET', `/api/v1/exchange/requests/${id}`);
    return result.status === 200 && check(result.body) ? result.body : null;
  });
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
  const beSpoc = await agency(be, 'BE', true);
  const beKnokke = await agency(be, 'BE');
  const beOther = await agency(be, 'BE');
  const nlSpoc = await agency(nl, 'NL', true);
  const nlUnit = await agency(nl, 'NL');
  const luSpoc = await agency(lu, 'LU', true);
  await person(be, 'beOfficer', beKnokke.id, ['officer']);
  await person(be, 'beSpoc', beSpoc.id, ['spoc']);
  await person(be, 'beOtherOfficer', beOther.id, ['officer']);
  await person(be, 'beSupervisor', beKnokke.id, ['supervisor']);
  await person(nl, 'nlSpoc', nlSpoc.id, ['spoc']);
  await person(nl, 'nlHandler', nlUnit.id, ['officer']);
  await person(nl, 'nlOtherOfficer', nlUnit.id, ['officer']);
  await person(lu, 'luSpoc', luSpoc.id, ['spoc']);
}, 60_000);

afterAll(async () => {
  await fed?.close();
});

describe('an urgent request about a person and a vehicle, BE to NL', () => {
  let sent: RequestDetail;

  it('cannot be sent while it lacks what art. 4 requires; the errors name the fields', async () => {
    const { beOfficer } = people;
    const draft = await ok(beOfficer!, 'POST', '/api/v1/exchange/requests', {
      requestedNode: 'nl',
      urgent: true,
      subjects: [{ kind: 'person', surname: 'Jansen' }],
    });
    expect(draft.state).toBe('draft');
    expect(draft.reference).toMatch(/^BE-\d{4}-\d{5}$/);
    const refused = await call<{ code: string; errors: { path: string }[] }>(
      beOfficer!,
      'POST',
      `/api/v1/exchange/requests/${draft.id}/send`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('request_incomplete');
    expect(refused.body.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        '/purpose',
        '/facts',
        '/reasonsHeld',
        '/offenceCategory',
        '/language',
        '/urgencyGround',
        '/urgencyJustification',
        '/subjects/0/category',
        '/subjects/0/statement',
        '/subjects/0/link',
        '/subjects/0/givenNames',
      ]),
    );
    // Still a draft: nothing left the node.
    const again = await ok(beOfficer!, 'GET', `/api/v1/exchange/requests/${draft.id}`);
    expect(again.state).toBe('draft');
  });

  it('is sent, and the BE SPOC gets its copy', async () => {
    const { beOfficer, beSpoc } = people;
    sent = await sendRequest(beOfficer!, urgentContent('nl'));
    expect(sent.state).toBe('sent');
    expect(sent.spocCopy).not.toBeNull();
    const copies = await ok<{ items: { id: string }[] }>(
      beSpoc!,
      'GET',
      '/api/v1/exchange/requests?direction=outgoing',
    );
    expect(copies.items.map((r) => r.id)).toContain(sent.id);
    const notices = await ok<{ items: { kind: string; requestId: string }[] }>(
      beSpoc!,
      'GET',
      '/api/v1/notifications',
    );
    expect(notices.items).toContainEqual(
      expect.objectContaining({ kind: 'request_received', requestId: sent.id }),
    );
  });

  it('reaches NL, whose deadline runs from receipt: 8 hours once directly accessible', async () => {
    const { nlSpoc, beOfficer } = people;
    const received = await arrives(nlSpoc!, sent.id);
    expect(received.direction).toBe('incoming');
    expect(received.state).toBe('received');
    expect(received.content.subjects).toHaveLength(2);
    const receivedAt = Date.parse(received.receivedAt!);
    expect(received.deadline!.class).toBe('urgent_direct');
    expect(Date.parse(received.deadline!.dueAt!)).toBe(receivedAt + 8 * 3600_000);

    const indirect = await ok(
      nlSpoc!,
      'POST',
      `/api/v1/exchange/requests/${sent.id}/accessibility`,
      {
        accessibility: 'indirect',
      },
    );
    expect(indirect.deadline!.class).toBe('urgent_indirect');
    expect(Date.parse(indirect.deadline!.dueAt!) - receivedAt).toBeGreaterThanOrEqual(
      71 * 3600_000,
    );
    const direct = await ok(nlSpoc!, 'POST', `/api/v1/exchange/requests/${sent.id}/accessibility`, {
      accessibility: 'direct',
    });
    expect(Date.parse(direct.deadline!.dueAt!)).toBe(receivedAt + 8 * 3600_000);

    // BE sees the receipt and the same deadline.
    const mirrored = await arrives(
      beOfficer!,
      sent.id,
      (r) => r.accessibility === 'direct' && r.deadline?.dueAt === direct.deadline!.dueAt,
    );
    expect(mirrored.state).toBe('received');
    expect(mirrored.receivedAt).toBe(received.receivedAt);
  });

  it('is assigned to a handler, who answers with items carrying handling codes and evaluations', async () => {
    const { nlSpoc, nlHandler, nlOtherOfficer } = people;
    const handlers = await ok<{ items: { id: string }[] }>(
      nlSpoc!,
      'GET',
      '/api/v1/exchange/handlers',
    );
    expect(handlers.items.map((h) => h.id)).toContain(nlHandler!.user.id);
    const assigned = await ok(nlSpoc!, 'POST', `/api/v1/exchange/requests/${sent.id}/assign`, {
      userId: nlHandler!.user.id,
    });
    expect(assigned.state).toBe('assigned');

    // A colleague of the handler's agency sees nothing: it is not theirs.
    expect(
      (await call(nlOtherOfficer!, 'GET', `/api/v1/exchange/requests/${sent.id}`)).status,
    ).toBe(404);

    const answered = await ok(nlHandler!, 'POST', `/api/v1/exchange/requests/${sent.id}/answer`, {
      partial: false,
      text: 'The driver is known to us; the car was stopped near Sluis at 03:10.',
      items: [
        {
          body: 'Mark de Jansen lives at an address in Middelburg.',
          handlingCode: 'H2',
          sourceReliability: 'B',
          informationAccuracy: '2',
          subjects: [
            {
              kind: 'address',
              category: 'suspect',
              statement: 'fact',
              street: 'Voorbeeldstraat',
              houseNumber: '12',
              city: 'Middelburg',
              country: 'NL',
            },
          ],
        },
        {
          body: 'He is believed to drive for a drug courier network.',
          handlingCode: 'H3',
          handlingNote: 'Not to be shared with municipalities.',
          sourceReliability: 'C',
          informationAccuracy: '3',
        },
      ],
    });
    expect(answered.state).toBe('answered');
  });

  it('BE sees the answer with the handling codes and evaluations', async () => {
    const { beOfficer } = people;
    const answer = await arrives(beOfficer!, sent.id, (r) => r.state === 'answered');
    const event = answer.timeline.find((e) => e.kind === 'answered')!;
    expect(event.country).toBe('NL');
    expect(
      event.items.map((i) => [i.handlingCode, i.sourceReliability, i.informationAccuracy]),
    ).toEqual([
      ['H2', 'B', '2'],
      ['H3', 'C', '3'],
    ]);
    expect(event.items[1]!.handlingNote).toBe('Not to be shared with municipalities.');
    expect(event.items[0]!.subjects[0]).toMatchObject({ kind: 'address', city: 'Middelburg' });
    expect(answer.timeline.map((e) => e.kind)).toEqual([
      'sent',
      'received',
      'accessibility',
      'accessibility',
      'assigned',
      'answered',
    ]);
    const notices = await ok<{ items: { kind: string; requestId: string }[] }>(
      beOfficer!,
      'GET',
      '/api/v1/notifications',
    );
    expect(notices.items).toContainEqual(
      expect.objectContaining({ kind: 'answer_received', requestId: sent.id }),
    );
  });

  it('both nodes log every consultation of a subject with the purpose', async () => {
    for (const node of [be, nl]) {
      await node.app!.audit.flush();
      const entries = await node.database.db
        .selectFrom('audit_entry')
        .select(['action', 'object_type', 'purpose', 'actor_user_id'])
        .where('action', '=', 'subject.consult')
        .where('purpose', 'like', `${sent.reference}:%`)
        .execute();
      expect(entries.length).toBeGreaterThanOrEqual(2);
      expect(entries.map((e) => e.object_type)).toEqual(
        expect.arrayContaining(['subject.person', 'subject.vehicle']),
      );
      expect(entries[0]!.purpose).toContain('Locate a missing minor');
    }
  });

  it('the statistics count it on both sides', async () => {
    const { beSpoc, nlSpoc } = people;
    const year = brusselsYear();
    const nlFigures = await ok<{
      received: { country: string; urgentReceived: number; urgentAnswered: number }[];
    }>(nlSpoc!, 'GET', `/api/v1/exchange/statistics?year=${year}`);
    expect(nlFigures.received.find((r) => r.country === 'BE')).toMatchObject({
      urgentReceived: 1,
      urgentAnswered: 1,
    });
    const beFigures = await ok<{ sent: { byCountry: { country: string; count: number }[] } }>(
      beSpoc!,
      'GET',
      `/api/v1/exchange/statistics?year=${year}`,
    );
    expect(beFigures.sent.byCountry).toContainEqual({ country: 'NL', count: 1 });
    const csv = await call<string>(beSpoc!, 'GET', `/api/v1/exchange/statistics.csv?year=${year}`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(`${year},requests_sent,NL,,1`);
  });

  it('is out of reach of another BE agency and of LU', async () => {
    const { beOtherOfficer, luSpoc } = people;
    expect(
      (await call(beOtherOfficer!, 'GET', `/api/v1/exchange/requests/${sent.id}`)).status,
    ).toBe(404);
    const list = await ok<{ items: unknown[] }>(
      beOtherOfficer!,
      'GET',
      '/api/v1/exchange/requests',
    );
    expect(list.items).toEqual([]);
    expect((await call(luSpoc!, 'GET', `/api/v1/exchange/requests/${sent.id}`)).status).toBe(404);
    const rows = await lu.database.db
      .selectFrom('exchange_request')
      .select('id')
      .where('id', '=', sent.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('cannot be touched by a third node: LU’s event about it is refused for good', async () => {
    const federation = lu.app!.federation!;
    await lu.database.db.transaction().execute((trx) =>
      enqueueEnvelopes(trx, federation, [
        {
          recipient: 'be',
          type: 'exchange.event',
          correlationId: sent.id,
          payload: {
            requestId: sent.id,
            event: {
              id: crypto.randomUUID(),
              kind: 'refused',
              occurredAt: new Date().toISOString(),
              actor: null,
              agency: null,
              stateAfter: 'refused',
              text: 'Not yours to refuse.',
              refusalGround: 'a_not_available',
              accessibility: null,
              dueAt: null,
              deadlineClass: null,
              expectedAt: null,
              items: [],
              attachments: [],
            },
          },
        },
      ]),
    );
    lu.app!.delivery!.nudge();
    const dead = await eventually('the refusal', () =>
      lu.database.db
        .selectFrom('federation_outbound')
        .select(['state', 'last_error'])
        .where('correlation_id', '=', sent.id)
        .where('state', '=', 'dead')
        .executeTakeFirst(),
    );
    expect(dead.last_error).toContain('unknown_request');
    const { beOfficer } = people;
    const still = await ok(beOfficer!, 'GET', `/api/v1/exchange/requests/${sent.id}`);
    expect(still.state).toBe('answered');
  });

  it('is closed by the requester, and NL follows', async () => {
    const { beOfficer, nlSpoc } = people;
    const closed = await ok(beOfficer!, 'POST', `/api/v1/exchange/requests/${sent.id}/close`, {});
    expect(closed.state).toBe('closed');
    await arrives(nlSpoc!, sent.id, (r) => r.state === 'closed');
    // Nothing leaves closed.
    const late = await call<{ code: string }>(
      beOfficer!,
      'POST',
      `/api/v1/exchange/requests/${sent.id}/messages`,
      { text: 'One more thing.' },
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invalid_transition');
  });
});

describe('refusal, clarification, delay', () => {
  it('refuses on each ground of art. 6, and the statistics count them by ground', async () => {
    const { beOfficer, nlSpoc } = people;
    const ids: string[] = [];
    for (const ground of REFUSAL_GROUNDS) {
      const request = await sendRequest(
        beOfficer!,
        standardContent('nl', `Refusal test ${ground}`),
      );
      ids.push(request.id);
      await arrives(nlSpoc!, request.id);
      const refused = await ok(nlSpoc!, 'POST', `/api/v1/exchange/requests/${request.id}/refuse`, {
        ground,
        text: `Refused: ${ground}`,
      });
      expect(refused.state).toBe('refused');
    }
    for (const [i, id] of ids.entries()) {
      const seen = await arrives(beOfficer!, id, (r) => r.state === 'refused');
      expect(seen.refusalGround).toBe(REFUSAL_GROUNDS[i]);
    }
    const bad = await call<{ code: string }>(
      nlSpoc!,
      'POST',
      `/api/v1/exchange/requests/${ids[0]}/refuse`,
      {
        ground: 'z_because',
        text: 'no',
      },
    );
    expect(bad.status).toBe(400);
    const figures = await ok<{ refusals: { country: string; ground: string; count: number }[] }>(
      nlSpoc!,
      'GET',
      `/api/v1/exchange/statistics?year=${brusselsYear()}`,
    );
    for (const ground of REFUSAL_GROUNDS) {
      expect(figures.refusals).toContainEqual({ country: 'BE', ground, count: 1 });
    }
  });

  it('pauses the deadline while a clarification is asked, and resumes it on both sides', async () => {
    const { beOfficer, nlSpoc } = people;
    const request = await sendRequest(
      beOfficer!,
      standardContent('nl', 'Clarification round trip'),
    );
    const received = await arrives(nlSpoc!, request.id);
    const firstDue = Date.parse(received.deadline!.dueAt!);
    expect(firstDue - Date.parse(received.receivedAt!)).toBeGreaterThanOrEqual(167 * 3600_000);

    const asked = await ok(
      nlSpoc!,
      'POST',
      `/api/v1/exchange/requests/${request.id}/clarification`,
      {
        text: 'Which shop do you mean? The receipt names two.',
      },
    );
    expect(asked.state).toBe('clarification_requested');
    expect(asked.deadline).toMatchObject({ paused: true, dueAt: null });
    const waiting = await arrives(
      beOfficer!,
      request.id,
      (r) => r.state === 'clarification_requested',
    );
    expect(waiting.deadline!.paused).toBe(true);
    expect(waiting.allowed).toContain('clarify');

    await new Promise((resolve) => setTimeout(resolve, 300));
    await ok(beOfficer!, 'POST', `/api/v1/exchange/requests/${request.id}/clarify`, {
      text: 'The one in Roosendaal.',
    });
    const resumed = await arrives(nlSpoc!, request.id, (r) => r.state === 'received');
    const newDue = Date.parse(resumed.deadline!.dueAt!);
    expect(newDue - firstDue).toBeGreaterThanOrEqual(300);
    expect(resumed.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['clarification_requested', 'clarified', 'resumed']),
    );
    // BE learns the new deadline.
    await arrives(beOfficer!, request.id, (r) => r.deadline?.dueAt === resumed.deadline!.dueAt);
  });

  it('tells the requester at once of a delay for judicial authorisation, and again when it changes', async () => {
    const { beOfficer, nlSpoc } = people;
    const request = await sendRequest(beOfficer!, standardContent('nl', 'Judicial delay'));
    await arrives(nlSpoc!, request.id);
    const expectedAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const delayed = await ok(nlSpoc!, 'POST', `/api/v1/exchange/requests/${request.id}/delay`, {
      text: 'The bank records need an order of the investigating judge.',
      expectedAt,
    });
    expect(delayed.state).toBe('delayed');
    const later = new Date(Date.now() + 14 * 86_400_000).toISOString();
    await ok(nlSpoc!, 'POST', `/api/v1/exchange/requests/${request.id}/delay`, {
      text: 'The judge asked for more details; expect four more days.',
      expectedAt: later,
    });
    const seen = await arrives(
      beOfficer!,
      request.id,
      (r) => r.timeline.filter((e) => e.kind === 'delayed').length === 2,
    );
    expect(seen.state).toBe('delayed');
    expect(seen.judicialDelay).toBe(true);
    expect(seen.timeline.filter((e) => e.kind === 'delayed').map((e) => e.expectedAt)).toEqual([
      expectedAt,
      later,
    ]);
    const past = await call<{ code: string }>(
      nlSpoc!,
      'POST',
      `/api/v1/exchange/requests/${request.id}/delay`,
      {
        text: 'x',
        expectedAt: new Date(Date.now() - 1000).toISOString(),
      },
    );
    expect(past.body.code).toBe('expected_in_past');
  });

  it('lets neither side take the other’s steps, and a reader no step', async () => {
    const { beOfficer, nlSpoc } = people;
    const request = await sendRequest(beOfficer!, standardContent('nl', 'Wrong side'));
    await arrives(nlSpoc!, request.id);
    const answer = await call(
      beOfficer!,
      'POST',
      `/api/v1/exchange/requests/${request.id}/answer`,
      {
        partial: false,
        items: [
          { body: 'x', handlingCode: 'H0', sourceReliability: 'A', informationAccuracy: '1' },
        ],
      },
    );
    expect(answer.status).toBe(409);
    expect((answer.body as unknown as { code: string }).code).toBe('invalid_transition');
    const clarify = await call(nlSpoc!, 'POST', `/api/v1/exchange/requests/${request.id}/clarify`, {
      text: 'x',
    });
    expect(clarify.status).toBe(409);
    // A supervisor reads but does not act.
    const { beSupervisor } = people;
    const close = await call(
      beSupervisor!,
      'POST',
      `/api/v1/exchange/requests/${request.id}/messages`,
      {
        text: 'x',
      },
    );
    expect(close.status).toBe(403);
  });
});

describe('addressing: the SPOC copy and a designated agency', () => {
  it('leaves the own SPOC out when the officer picks an exception, and records the choice', async () => {
    const { beOfficer, beSpoc } = people;
    const request = await sendRequest(beOfficer!, {
      ...standardContent('nl', 'Sensitive investigation'),
      spocCopyException: 'sensitive_investigation',
    });
    expect(request.spocCopy).toBeNull();
    expect((await call(beSpoc!, 'GET', `/api/v1/exchange/requests/${request.id}`)).status).toBe(
      404,
    );
    const entry = await be.database.db
      .selectFrom('audit_entry')
      .select('details')
      .where('action', '=', 'exchange.send')
      .where('object_id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({
      spocCopy: null,
      spocCopyException: 'sensitive_investigation',
    });
  });

  it('routes a request for a designated agency to it, with the national SPOC able to assign it', async () => {
    const { beOfficer, nlSpoc, nlHandler } = people;
    const unit = await nl.database.db
      .selectFrom('agency')
      .select(['id', 'code'])
      .where('id', '=', nlHandler!.user.agencyId)
      .executeTakeFirstOrThrow();
    const request = await sendRequest(beOfficer!, {
      ...standardContent('nl', 'Designated agency'),
      designatedAgencyCode: unit.code,
    });
    // The handler's agency is addressed: its officers are told, and see it.
    const seen = await arrives(nlHandler!, request.id);
    expect(seen.allowed).toEqual([]);
    const notices = await ok<{ items: { kind: string; requestId: string }[] }>(
      nlHandler!,
      'GET',
      '/api/v1/notifications',
    );
    expect(notices.items).toContainEqual(
      expect.objectContaining({ kind: 'request_received', requestId: request.id }),
    );
    const bySpoc = await ok(nlSpoc!, 'GET', `/api/v1/exchange/requests/${request.id}`);
    expect(bySpoc.allowed).toContain('assign');
    await ok(nlSpoc!, 'POST', `/api/v1/exchange/requests/${request.id}/assign`, {
      userId: nlHandler!.user.id,
    });
    const assigned = await ok(nlHandler!, 'GET', `/api/v1/exchange/requests/${request.id}`);
    expect(assigned.allowed).toEqual(expect.arrayContaining(['answer', 'refuse', 'clarification']));
  });
});

describe('spontaneous provision, attachments, and a node that is down', () => {
  it('supplies information to LU without a request (art. 7)', async () => {
    const { beSpoc, luSpoc } = people;
    const provided = await ok(beSpoc!, 'POST', '/api/v1/exchange/provisions', {
      requestedNode: 'lu',
      purpose: 'Warn of a burglary gang moving towards Luxembourg.',
      facts: 'Three burglaries in Arlon this week with the same method.',
      offenceCategory: 'organised_property_crime',
      language: 'fr',
      items: [
        {
          body: 'A grey van with a French plate was seen at two of the scenes.',
          handlingCode: 'H0',
          sourceReliability: 'B',
          informationAccuracy: '2',
        },
      ],
    });
    expect(provided.kind).toBe('spontaneous');
    expect(provided.state).toBe('sent');
    const arrived = await arrives(luSpoc!, provided.id);
    expect(arrived.deadline).toBeNull();
    expect(arrived.timeline[0]!.items[0]!.handlingCode).toBe('H0');
    const closed = await ok(luSpoc!, 'POST', `/api/v1/exchange/requests/${provided.id}/close`, {
      text: 'Thank you.',
    });
    expect(closed.state).toBe('closed');
  });

  it('carries attachments checked by type, stored by content hash', async () => {
    const { beOfficer, nlSpoc } = people;
    const request = await sendRequest(beOfficer!, standardContent('nl', 'Attachments'));
    await arrives(nlSpoc!, request.id);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
      'base64',
    );
    const posted = await ok(
      beOfficer!,
      'POST',
      `/api/v1/exchange/requests/${request.id}/messages`,
      {
        text: 'The receipt, photographed.',
        attachments: [
          { name: 'receipt.png', mediaType: 'image/png', content: png.toString('base64') },
        ],
      },
    );
    expect(posted.timeline.at(-1)!.kind).toBe('message');
    const onNl = await arrives(nlSpoc!, request.id, (r) =>
      r.timeline.some((e) => e.kind === 'message'),
    );
    const attachment = onNl.timeline.find((e) => e.kind === 'message')!.attachments[0]!;
    expect(attachment).toMatchObject({
      name: 'receipt.png',
      mediaType: 'image/png',
      size: png.length,
    });
    const download = await fetch(
      `${nl.url}/api/v1/exchange/requests/${request.id}/attachments/${attachment.id}`,
      { headers: { authorization: `Bearer ${nlSpoc!.token}` } },
    );
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);

    const lying = await call<{ code: string }>(
      beOfficer!,
      'POST',
      `/api/v1/exchange/requests/${request.id}/messages`,
      {
        text: 'Not a PDF.',
        attachments: [
          {
            name: 'x.pdf',
            mediaType: 'application/pdf',
            content: Buffer.from('hello').toString('base64'),
          },
        ],
      },
    );
    expect(lying.status).toBe(400);
    expect(lying.body.code).toBe('attachment_type_mismatch');
  });

  it('delivers to a node that was down when it comes back; the deadline counts from actual receipt', async () => {
    const { beOfficer, nlSpoc } = people;
    await nl.stop();
    const request = await sendRequest(beOfficer!, urgentContent('nl'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const restartedAt = Date.now();
    await nl.start();
    const received = await arrives(nlSpoc!, request.id);
    const receivedAt = Date.parse(received.receivedAt!);
    expect(receivedAt).toBeGreaterThanOrEqual(restartedAt - 5);
    expect(receivedAt - Date.parse(request.sentAt!)).toBeGreaterThan(1500);
    expect(Date.parse(received.deadline!.dueAt!)).toBe(receivedAt + 8 * 3600_000);
  }, 40_000);
});
