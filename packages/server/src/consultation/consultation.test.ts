import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import type { DatabaseHandle } from '../kernel/db/database.js';
import {
  bearer,
  createTestAgency,
  createTestUser,
  issueToken,
  type TestNode,
  type TestUser,
} from '../test-support/app.js';
import { createTestDatabase } from '../test-support/database.js';
import type {
  Action,
  Body,
  BodyDetail,
  DecisionCreated,
  DocumentInfo,
  MeetingDetail,
  Member,
  Monitoring,
} from './consultation.schemas.js';

/**
 * Consultation bodies through the real HTTP app on a real database: the
 * secretariat (editor) keeps the bodies; a member with an account reads them and
 * follows up action items; anybody else sees nothing of them.
 */

// Tuesday 10 March 2026, 23:30 UTC: in Brussels it is already the 11th.
let now = new Date('2026-03-10T23:30:00Z');
const TODAY = '2026-03-11';

let app: App;
let database: DatabaseHandle;
let editor: string;
let member: string;
let outsider: string;
let memberUser: TestUser;
let editorUser: TestUser;

async function call<T = unknown>(
  token: string,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await app.server.inject({
    method,
    url,
    headers: { ...bearer(token), ...headers },
    ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
  });
  const type = String(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    headers: response.headers,
    raw: response.rawPayload,
    text: response.body,
    body: (type.includes('json') ? response.json() : undefined) as T,
  };
}

async function ok<T>(
  token: string,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  const result = await call<T>(token, method, url, payload, headers);
  if (result.status >= 300) throw new Error(`${method} ${url} → ${result.status} ${result.text}`);
  return result.body;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({
    config: { logLevel: 'warn', publicUrl: 'https://be.senningen.test' },
    db: database.db,
    dataKey: randomBytes(32),
    webDir: '/nonexistent',
    logStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
    exchange: { deadlineWatcher: false },
    consultation: { clock: () => now },
  });
  const node = { database } as TestNode;
  const db = database.db;
  const secretariat = await createTestAgency(db, { kind: 'secretariat' });
  const police = await createTestAgency(db, { country: 'BE' });
  editorUser = await createTestUser(db, Buffer.alloc(32), {
    agencyId: secretariat.id,
    roles: ['editor'],
  });
  memberUser = await createTestUser(db, Buffer.alloc(32), {
    agencyId: police.id,
    roles: ['officer'],
  });
  const outsiderUser = await createTestUser(db, Buffer.alloc(32), {
    agencyId: police.id,
    roles: ['supervisor'],
  });
  editor = await issueToken(node, editorUser);
  member = await issueToken(node, memberUser);
  outsider = await issueToken(node, outsiderUser);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');

describe('consultation bodies', () => {
  let hazeldonk: BodyDetail;
  let senningen: BodyDetail;
  let localMember: Member;
  let foreignMember: Member;
  let digital: MeetingDetail;
  let inPerson: MeetingDetail;
  let senningenMeeting: MeetingDetail;
  let document: DocumentInfo;
  let decision: DecisionCreated;

  it('lets an editor create bodies, and refuses a code that is taken', async () => {
    hazeldonk = await ok<BodyDetail>(editor, 'POST', '/api/v1/consultation/bodies', {
      code: 'hazeldonk',
      names: { nl: 'Hazeldonk-overleg', fr: 'Concertation de Hazeldonk' },
      level: 'strategic',
      countries: ['BE', 'NL', 'LU', 'FR'],
      description: 'Drug tourism and drug trafficking',
    });
    expect(hazeldonk).toMatchObject({
      code: 'hazeldonk',
      level: 'strategic',
      countries: ['BE', 'NL', 'LU', 'FR'],
      memberCount: 0,
      nextMeeting: null,
      canManage: true,
      members: [],
    });
    senningen = await ok<BodyDetail>(editor, 'POST', '/api/v1/consultation/bodies', {
      code: 'senningen',
      names: { nl: 'Senningenoverleg', fr: 'Concertation de Senningen', en: 'Senningen' },
      level: 'ministerial',
      countries: ['BE', 'NL', 'LU'],
    });
    const taken = await call(editor, 'POST', '/api/v1/consultation/bodies', {
      code: 'hazeldonk',
      names: { nl: 'x', fr: 'x' },
      level: 'strategic',
      countries: ['BE'],
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'body_code_taken' });
    const bad = await call(editor, 'POST', '/api/v1/consultation/bodies', {
      code: 'Not A Code',
      names: { nl: 'x', fr: 'x' },
      level: 'strategic',
      countries: ['DE'],
    });
    expect(bad.status).toBe(400);
    const patched = await ok<BodyDetail>(
      editor,
      'PATCH',
      `/api/v1/consultation/bodies/${senningen.id}`,
      { description: 'Twice a year' },
    );
    expect(patched.description).toBe('Twice a year');
  });

  it('adds members with an account on this node and members from elsewhere by name', async () => {
    const base = `/api/v1/consultation/bodies/${hazeldonk.id}/members`;
    localMember = await ok<Member>(editor, 'POST', base, {
      userId: memberUser.id,
      name: 'Commissaris Peeters',
      country: 'BE',
      organisation: 'Federale politie',
      function: 'chair',
    });
    expect(localMember).toMatchObject({ userId: memberUser.id, function: 'chair' });
    foreignMember = await ok<Member>(editor, 'POST', base, {
      name: 'Hoofdcommissaris de Vries',
      country: 'NL',
      organisation: 'Politie Zeeland-West-Brabant',
      function: 'member',
    });
    expect(foreignMember.userId).toBeNull();
    const again = await call(editor, 'POST', base, {
      userId: memberUser.id,
      name: 'Twice',
      country: 'BE',
      organisation: 'x',
      function: 'member',
    });
    expect(again.status).toBe(409);
    const unknown = await call(editor, 'POST', base, {
      userId: crypto.randomUUID(),
      name: 'Nobody',
      country: 'BE',
      organisation: 'x',
      function: 'member',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown_user' });
    // An account can be named by its user name, as the editor knows it.
    const byName = await call(editor, 'POST', base, {
      username: memberUser.username.toUpperCase(),
      name: 'Same person, named',
      country: 'BE',
      organisation: 'x',
      function: 'member',
    });
    expect(byName.status).toBe(409);
    const noSuchName = await call(editor, 'POST', base, {
      username: 'nobody.here',
      name: 'Nobody',
      country: 'BE',
      organisation: 'x',
      function: 'member',
    });
    expect(noSuchName.status).toBe(422);
    expect(noSuchName.body).toMatchObject({ code: 'unknown_user' });
    // A member added by mistake, and removed again.
    const extra = await ok<Member>(editor, 'POST', base, {
      name: 'Observateur',
      country: 'FR',
      organisation: 'Gendarmerie nationale',
      function: 'observer',
    });
    expect((await call(editor, 'DELETE', `${base}/${extra.id}`)).status).toBe(204);
    expect((await call(editor, 'DELETE', `${base}/${extra.id}`)).status).toBe(404);
    const body = await ok<BodyDetail>(editor, 'GET', `/api/v1/consultation/bodies/${hazeldonk.id}`);
    expect(body.memberCount).toBe(2);
    expect(body.members.map((m) => m.id).sort()).toEqual([localMember.id, foreignMember.id].sort());
  });

  it('plans meetings: digital ones without a place, others only with one', async () => {
    const base = `/api/v1/consultation/bodies/${hazeldonk.id}/meetings`;
    digital = await ok<MeetingDetail>(editor, 'POST', base, {
      title: 'Voorbereidend overleg',
      startsAt: '2026-04-02T08:00:00Z',
      endsAt: '2026-04-02T09:30:00Z',
      mode: 'digital',
    });
    expect(digital).toMatchObject({ mode: 'digital', place: null, agenda: [], canManage: true });
    const noPlace = await call(editor, 'POST', base, {
      title: 'Plenaire vergadering',
      startsAt: '2026-05-12T08:00:00Z',
      endsAt: '2026-05-12T14:00:00Z',
      mode: 'in_person',
    });
    expect(noPlace.status).toBe(422);
    expect(noPlace.body).toMatchObject({ code: 'place_required' });
    const backwards = await call(editor, 'POST', base, {
      title: 'Backwards',
      startsAt: '2026-05-12T08:00:00Z',
      endsAt: '2026-05-12T07:00:00Z',
      mode: 'digital',
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body).toMatchObject({ code: 'invalid_period' });
    inPerson = await ok<MeetingDetail>(editor, 'POST', base, {
      title: 'Plenaire vergadering',
      startsAt: '2026-02-12T08:00:00Z',
      endsAt: '2026-02-12T14:00:00Z',
      mode: 'in_person',
      place: 'Breda',
      agenda: [{ title: 'Drugstoerisme' }, { title: 'Drugshandel', notes: 'Stand van zaken' }],
    });
    expect(inPerson).toMatchObject({ place: 'Breda', agendaCount: 2 });
    expect(inPerson.agenda).toEqual([
      { position: 1, title: 'Drugstoerisme', notes: '' },
      { position: 2, title: 'Drugshandel', notes: 'Stand van zaken' },
    ]);
    senningenMeeting = await ok<MeetingDetail>(
      editor,
      'POST',
      `/api/v1/consultation/bodies/${senningen.id}/meetings`,
      {
        title: 'Ministerieel overleg',
        startsAt: '2026-06-01T09:00:00Z',
        endsAt: '2026-06-01T12:00:00Z',
        mode: 'hybrid',
        place: 'Senningen',
      },
    );

    const upcoming = await ok<{ items: { id: string }[] }>(editor, 'GET', `${base}?when=upcoming`);
    expect(upcoming.items.map((m) => m.id)).toEqual([digital.id]);
    const past = await ok<{ items: { id: string }[] }>(editor, 'GET', `${base}?when=past`);
    expect(past.items.map((m) => m.id)).toEqual([inPerson.id]);
  });

  it('records minutes and attendees; attendees must be members of the body', async () => {
    const url = `/api/v1/consultation/meetings/${inPerson.id}`;
    const updated = await ok<MeetingDetail>(editor, 'PATCH', url, {
      minutes: '# Verslag\n\nAfspraken gemaakt.',
      attendeeIds: [localMember.id, foreignMember.id],
    });
    expect(updated.minutes).toContain('Afspraken');
    expect(updated.attendees.map((a) => a.id).sort()).toEqual(
      [localMember.id, foreignMember.id].sort(),
    );
    const stranger = await ok<Member>(
      editor,
      'POST',
      `/api/v1/consultation/bodies/${senningen.id}/members`,
      { name: 'Minister', country: 'LU', organisation: 'Ministère', function: 'chair' },
    );
    const wrong = await call(editor, 'PATCH', url, { attendeeIds: [stranger.id] });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'unknown_member' });
    const toDigital = await ok<MeetingDetail>(
      editor,
      'PATCH',
      `/api/v1/consultation/meetings/${digital.id}`,
      {
        mode: 'in_person',
        place: 'Hazeldonk',
      },
    );
    expect(toDigital.place).toBe('Hazeldonk');
    const placeless = await call(editor, 'PATCH', `/api/v1/consultation/meetings/${digital.id}`, {
      place: null,
    });
    expect(placeless.status).toBe(422);
  });

  it('stores documents checked by their first bytes, and serves them as attachments', async () => {
    const url = `/api/v1/consultation/meetings/${inPerson.id}/documents`;
    const fileName = 'Verslag – Hazeldonk "2026".pdf';
    const uploaded = await call<DocumentInfo>(editor, 'POST', url, PDF, {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(fileName),
    });
    expect(uploaded.status).toBe(201);
    document = uploaded.body;
    expect(document).toMatchObject({
      fileName,
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    expect(document.uploadedBy).toEqual(expect.any(String));

    const mismatch = await call(editor, 'POST', url, Buffer.from('not a picture'), {
      'content-type': 'image/png',
      'x-file-name': 'photo.png',
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ code: 'document_type_mismatch' });
    const notUtf8 = await call(editor, 'POST', url, Buffer.from([0x41, 0xff, 0x42]), {
      'content-type': 'text/plain',
      'x-file-name': 'notes.txt',
    });
    expect(notUtf8.body).toMatchObject({ code: 'document_type_mismatch' });
    const text = await call<DocumentInfo>(editor, 'POST', url, Buffer.from('Agenda: één punt'), {
      'content-type': 'text/plain; charset=utf-8',
      'x-file-name': 'agenda.txt',
    });
    expect(text.status).toBe(201);
    const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const docx = await call<DocumentInfo>(
      editor,
      'POST',
      url,
      Buffer.concat([
        Buffer.from('PK\x03\x04', 'latin1'),
        randomBytes(26),
        Buffer.from('[Content_Types].xml'),
        randomBytes(32),
        Buffer.from('PK\x03\x04', 'latin1'),
        randomBytes(26),
        Buffer.from('word/document.xml'),
        randomBytes(32),
      ]),
      { 'content-type': docxType, 'x-file-name': 'besluitenlijst.docx' },
    );
    expect(docx.status).toBe(201);
    // Any other ZIP archive is not a Word document.
    const otherZip = await call(
      editor,
      'POST',
      url,
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(32)]),
      { 'content-type': docxType, 'x-file-name': 'archive.docx' },
    );
    expect(otherZip.status).toBe(422);
    expect(otherZip.body).toMatchObject({ code: 'document_type_mismatch' });
    const zip = await call(editor, 'POST', url, PDF, {
      'content-type': 'application/zip',
      'x-file-name': 'a.zip',
    });
    expect(zip.status).toBe(415);
    const noName = await call(editor, 'POST', url, PDF, { 'content-type': 'application/pdf' });
    expect(noName.body).toMatchObject({ code: 'invalid_file_name' });
    const slash = await call(editor, 'POST', url, PDF, {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('../etc/passwd'),
    });
    expect(slash.body).toMatchObject({ code: 'invalid_file_name' });
    const json = await call(editor, 'POST', url, {});
    expect(json.status).toBe(415);

    const download = await call(editor, 'GET', `/api/v1/consultation/documents/${document.id}`);
    expect(download.status).toBe(200);
    expect(download.raw.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('no-store');
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(fileName);

    const detail = await ok<MeetingDetail>(
      editor,
      'GET',
      `/api/v1/consultation/meetings/${inPerson.id}`,
    );
    expect(detail.documents).toHaveLength(3);
    expect(detail.documentCount).toBe(3);
  });

  it('numbers decisions per body and year, with their action items', async () => {
    const url = `/api/v1/consultation/meetings/${inPerson.id}/decisions`;
    decision = await ok<DecisionCreated>(editor, 'POST', url, {
      text: 'Gezamenlijke controles op de A16 worden voortgezet.',
      actions: [
        {
          title: 'Controleplan opstellen',
          ownerCountry: 'NL',
          ownerAgency: 'Politie Zeeland-West-Brabant',
          dueOn: '2026-03-10',
        },
        {
          title: 'Evaluatie rapporteren',
          description: 'Aan het strategisch overleg',
          ownerCountry: 'BE',
          ownerAgency: 'Federale politie',
          dueOn: '2026-04-30',
        },
      ],
    });
    expect(decision.decision).toMatchObject({
      reference: 'HAZELDONK-2026-01',
      decidedOn: '2026-02-12',
      meetingId: inPerson.id,
      bodyId: hazeldonk.id,
    });
    expect(decision.actions).toHaveLength(2);
    expect(decision.actions[0]).toMatchObject({
      decisionReference: 'HAZELDONK-2026-01',
      bodyCode: 'hazeldonk',
      status: 'open',
      overdue: true,
      completedOn: null,
      notes: [],
    });
    expect(decision.actions[1]!.overdue).toBe(false);
    const second = await ok<DecisionCreated>(editor, 'POST', url, {
      text: 'Informatie-uitwisseling over coffeeshops.',
      decidedOn: '2025-12-01',
    });
    expect(second.decision.reference).toBe('HAZELDONK-2025-01');
    const third = await ok<DecisionCreated>(editor, 'POST', url, { text: 'Derde besluit.' });
    expect(third.decision.reference).toBe('HAZELDONK-2026-02');

    const standalone = await ok<Action>(
      editor,
      'POST',
      `/api/v1/consultation/bodies/${hazeldonk.id}/actions`,
      {
        title: 'Contactlijst bijwerken',
        ownerCountry: 'BE',
        ownerAgency: 'Secretariaat-Generaal Benelux',
        dueOn: '2026-03-01',
        decisionId: third.decision.id,
      },
    );
    expect(standalone).toMatchObject({ decisionId: third.decision.id, overdue: true });
    const foreign = await call(
      editor,
      'POST',
      `/api/v1/consultation/bodies/${senningen.id}/actions`,
      {
        title: 'x',
        ownerCountry: 'BE',
        ownerAgency: 'x',
        dueOn: '2026-03-01',
        decisionId: third.decision.id,
      },
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({ code: 'unknown_decision' });
    const renamed = await ok<Action>(
      editor,
      'PATCH',
      `/api/v1/consultation/actions/${standalone.id}`,
      { title: 'Contactlijst actualiseren' },
    );
    expect(renamed.title).toBe('Contactlijst actualiseren');

    const decisions = await ok<{ items: { reference: string }[] }>(
      editor,
      'GET',
      `/api/v1/consultation/bodies/${hazeldonk.id}/decisions`,
    );
    expect(decisions.items.map((d) => d.reference)).toEqual([
      'HAZELDONK-2026-02',
      'HAZELDONK-2026-01',
      'HAZELDONK-2025-01',
    ]);
  });

  it('lets a member read the body and its meetings, and follow up action items', async () => {
    const bodies = await ok<{ items: Body[] }>(member, 'GET', '/api/v1/consultation/bodies');
    expect(bodies.items.map((b) => b.id)).toEqual([hazeldonk.id]);
    expect(bodies.items[0]).toMatchObject({
      canManage: false,
      memberCount: 2,
      nextMeeting: '2026-04-02T08:00:00.000Z',
      openActions: 3,
      overdueActions: 2,
    });
    await ok(member, 'GET', `/api/v1/consultation/bodies/${hazeldonk.id}`);
    const meeting = await ok<MeetingDetail>(
      member,
      'GET',
      `/api/v1/consultation/meetings/${inPerson.id}`,
    );
    expect(meeting.canManage).toBe(false);
    expect(meeting.decisions).toHaveLength(3);
    expect(meeting.actions.map((a) => a.canFollowUp)).toEqual([true, true, true]);
    const download = await call(member, 'GET', `/api/v1/consultation/documents/${document.id}`);
    expect(download.status).toBe(200);
    expect(download.raw.equals(PDF)).toBe(true);

    const action = decision.actions[0]!;
    const done = await call<Action>(
      member,
      'POST',
      `/api/v1/consultation/actions/${action.id}/notes`,
      {
        text: 'Controleplan vastgesteld.',
        status: 'done',
      },
    );
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'done', completedOn: TODAY, overdue: false });
    expect(done.body.notes).toMatchObject([{ text: 'Controleplan vastgesteld.', status: 'done' }]);

    const reopened = await ok<Action>(
      member,
      'POST',
      `/api/v1/consultation/actions/${action.id}/notes`,
      { text: 'Toch nog een aanvulling nodig.', status: 'in_progress' },
    );
    expect(reopened).toMatchObject({ status: 'in_progress', completedOn: null, overdue: true });
    const again = await ok<Action>(
      member,
      'POST',
      `/api/v1/consultation/actions/${action.id}/notes`,
      { text: 'Aanvulling verwerkt.', status: 'done' },
    );
    expect(again).toMatchObject({ status: 'done', completedOn: TODAY });
    const plain = await ok<Action>(
      member,
      'POST',
      `/api/v1/consultation/actions/${action.id}/notes`,
      { text: 'Gedeeld met de partners.', status: 'done' },
    );
    expect(plain.notes.map((n) => n.status)).toEqual(['done', 'in_progress', 'done', null]);
    const read = await ok<Action>(member, 'GET', `/api/v1/consultation/actions/${action.id}`);
    expect(read.notes).toHaveLength(4);

    const overdue = await ok<{ items: Action[] }>(
      member,
      'GET',
      '/api/v1/consultation/actions?status=overdue',
    );
    expect(overdue.items.map((a) => a.title)).toEqual(['Contactlijst actualiseren']);
    const nl = await ok<{ items: Action[] }>(
      member,
      'GET',
      `/api/v1/consultation/actions?country=NL&bodyId=${hazeldonk.id}&status=done`,
    );
    expect(nl.items.map((a) => a.id)).toEqual([action.id]);
  });

  it('does not let a member (nor anyone but an editor) manage', async () => {
    for (const token of [member, outsider]) {
      expect(
        (
          await call(token, 'PATCH', `/api/v1/consultation/meetings/${inPerson.id}`, {
            minutes: 'x',
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await call(token, 'POST', '/api/v1/consultation/bodies', {
            code: 'x',
            names: { nl: 'x', fr: 'x' },
            level: 'operational',
            countries: ['BE'],
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await call(token, 'POST', `/api/v1/consultation/meetings/${inPerson.id}/documents`, PDF, {
            'content-type': 'application/pdf',
            'x-file-name': 'x.pdf',
          })
        ).status,
      ).toBe(403);
    }
  });

  it('shows a non-member nothing: 404 for every object, empty lists', async () => {
    const action = decision.actions[1]!;
    for (const url of [
      `/api/v1/consultation/bodies/${hazeldonk.id}`,
      `/api/v1/consultation/bodies/${hazeldonk.id}/meetings`,
      `/api/v1/consultation/bodies/${hazeldonk.id}/decisions`,
      `/api/v1/consultation/meetings/${inPerson.id}`,
      `/api/v1/consultation/documents/${document.id}`,
      `/api/v1/consultation/actions/${action.id}`,
      `/api/v1/consultation/calendar.ics?bodyId=${hazeldonk.id}`,
    ]) {
      const response = await call(outsider, 'GET', url);
      expect(response.status, url).toBe(404);
      expect(response.body, url).toMatchObject({ code: 'not_found' });
    }
    const note = await call(outsider, 'POST', `/api/v1/consultation/actions/${action.id}/notes`, {
      text: 'Sneaky',
      status: 'done',
    });
    expect(note.status).toBe(404);
    const missing = await call(
      outsider,
      'GET',
      `/api/v1/consultation/meetings/${crypto.randomUUID()}`,
    );
    expect(missing.status).toBe(404);
    expect(missing.text.length).toBe(
      (await call(outsider, 'GET', `/api/v1/consultation/meetings/${inPerson.id}`)).text.length,
    );

    expect(
      (await ok<{ items: Body[] }>(outsider, 'GET', '/api/v1/consultation/bodies')).items,
    ).toEqual([]);
    expect(
      (await ok<{ items: Action[] }>(outsider, 'GET', '/api/v1/consultation/actions')).items,
    ).toEqual([]);
    const monitoring = await ok<Monitoring>(outsider, 'GET', '/api/v1/consultation/monitoring');
    expect(monitoring.byBody).toEqual([]);
    expect(monitoring.byCountry.every((c) => c.open + c.overdue + c.doneLast90Days === 0)).toBe(
      true,
    );
    const calendar = await call(outsider, 'GET', '/api/v1/consultation/calendar.ics');
    expect(calendar.status).toBe(200);
    expect(calendar.text).toContain('BEGIN:VCALENDAR');
    expect(calendar.text).not.toContain('BEGIN:VEVENT');

    const unchanged = await ok<Action>(editor, 'GET', `/api/v1/consultation/actions/${action.id}`);
    expect(unchanged.notes).toEqual([]);
  });

  it('counts open and overdue action items per body and per country, in Brussels time', async () => {
    const monitoring = await ok<Monitoring>(editor, 'GET', '/api/v1/consultation/monitoring');
    expect(monitoring.today).toBe(TODAY);
    // Open: 'Evaluatie rapporteren' (BE, due 30 April) and 'Contactlijst actualiseren'
    // (BE, due 1 March: overdue); done today: 'Controleplan opstellen' (NL).
    expect(monitoring.byBody).toEqual([
      {
        bodyId: hazeldonk.id,
        code: 'hazeldonk',
        names: { nl: 'Hazeldonk-overleg', fr: 'Concertation de Hazeldonk' },
        open: 2,
        inProgress: 0,
        overdue: 1,
        doneLast90Days: 1,
      },
      {
        bodyId: senningen.id,
        code: 'senningen',
        names: { nl: 'Senningenoverleg', fr: 'Concertation de Senningen', en: 'Senningen' },
        open: 0,
        inProgress: 0,
        overdue: 0,
        doneLast90Days: 0,
      },
    ]);
    expect(monitoring.byCountry).toEqual([
      { country: 'BE', open: 2, inProgress: 0, overdue: 1, doneLast90Days: 0 },
      { country: 'NL', open: 0, inProgress: 0, overdue: 0, doneLast90Days: 1 },
      { country: 'LU', open: 0, inProgress: 0, overdue: 0, doneLast90Days: 0 },
      { country: 'FR', open: 0, inProgress: 0, overdue: 0, doneLast90Days: 0 },
    ]);

    // An action due yesterday is overdue; one due today is not (yet).
    const dueYesterday = await ok<Action>(
      editor,
      'POST',
      `/api/v1/consultation/bodies/${senningen.id}/actions`,
      {
        title: 'Yesterday',
        ownerCountry: 'LU',
        ownerAgency: 'Police grand-ducale',
        dueOn: '2026-03-10',
      },
    );
    const dueToday = await ok<Action>(
      editor,
      'POST',
      `/api/v1/consultation/bodies/${senningen.id}/actions`,
      { title: 'Today', ownerCountry: 'LU', ownerAgency: 'Police grand-ducale', dueOn: TODAY },
    );
    expect([dueYesterday.overdue, dueToday.overdue]).toEqual([true, false]);
    await ok(editor, 'POST', `/api/v1/consultation/actions/${dueToday.id}/notes`, {
      text: 'Begonnen',
      status: 'in_progress',
    });
    const later = await ok<Monitoring>(editor, 'GET', '/api/v1/consultation/monitoring');
    expect(later.byCountry.find((c) => c.country === 'LU')).toEqual({
      country: 'LU',
      open: 1,
      inProgress: 1,
      overdue: 1,
      doneLast90Days: 0,
    });

    // A day later (in Brussels), the one due 'today' is overdue as well.
    now = new Date('2026-03-11T23:30:00Z');
    const tomorrow = await ok<Monitoring>(editor, 'GET', '/api/v1/consultation/monitoring');
    expect(tomorrow.today).toBe('2026-03-12');
    expect(tomorrow.byCountry.find((c) => c.country === 'LU')?.overdue).toBe(2);
    now = new Date('2026-03-10T23:30:00Z');

    // The member sees their body only.
    const mine = await ok<Monitoring>(member, 'GET', '/api/v1/consultation/monitoring');
    expect(mine.byBody.map((b) => b.code)).toEqual(['hazeldonk']);
    expect(mine.byCountry.find((c) => c.country === 'LU')?.open).toBe(0);
  });

  it('exports the meetings in reach as iCalendar', async () => {
    const calendar = await call(editor, 'GET', '/api/v1/consultation/calendar.ics');
    expect(calendar.status).toBe(200);
    expect(calendar.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(calendar.headers['content-disposition']).toBe(
      'attachment; filename="senningen-meetings.ics"',
    );
    const events = parseEvents(calendar.text);
    expect(calendar.text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(calendar.text).toMatch(/PRODID:.*Senningen/);
    expect(events).toHaveLength(3);
    const plenary = events.find((e) => e.UID === `${inPerson.id}@be.senningen.test`);
    expect(plenary).toMatchObject({
      DTSTART: '20260212T080000Z',
      DTEND: '20260212T140000Z',
      LOCATION: 'Breda',
    });
    expect(plenary?.SUMMARY).toContain('Plenaire vergadering');
    expect(plenary?.DESCRIPTION).toContain('Drugstoerisme');
    expect(plenary?.DESCRIPTION).toContain('Drugshandel');

    const own = parseEvents((await call(member, 'GET', '/api/v1/consultation/calendar.ics')).text);
    expect(own.map((e) => e.UID).sort()).toEqual(
      [`${digital.id}@be.senningen.test`, `${inPerson.id}@be.senningen.test`].sort(),
    );
    expect(own.some((e) => e.UID?.startsWith(senningenMeeting.id))).toBe(false);

    const one = parseEvents(
      (await call(editor, 'GET', `/api/v1/consultation/calendar.ics?bodyId=${senningen.id}`)).text,
    );
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ LOCATION: 'Senningen', DTSTART: '20260601T090000Z' });
  });

  it('points a meeting to the latest news item written about it', async () => {
    const url = `/api/v1/consultation/meetings/${inPerson.id}`;
    expect((await ok<MeetingDetail>(editor, 'GET', url)).newsId).toBeNull();
    const older = crypto.randomUUID();
    const newer = crypto.randomUUID();
    await database.db
      .insertInto('portal_news')
      .values([
        {
          id: older,
          slug: 'hazeldonk-februari',
          body_id: hazeldonk.id,
          meeting_id: inPerson.id,
          created_by: editorUser.id,
          created_at: new Date('2020-02-13T10:00:00Z'),
        },
        {
          id: newer,
          slug: 'hazeldonk-februari-2',
          body_id: hazeldonk.id,
          meeting_id: inPerson.id,
          created_by: editorUser.id,
          created_at: new Date('2020-02-14T10:00:00Z'),
        },
      ])
      .execute();
    expect((await ok<MeetingDetail>(editor, 'GET', url)).newsId).toBe(newer);
    expect((await ok<MeetingDetail>(member, 'GET', url)).newsId).toBe(newer);
  });

  it('drafts the public news item about a meeting in one step', async () => {
    const themeId = crypto.randomUUID();
    await database.db.insertInto('portal_theme').values({ id: themeId, slug: 'drugs' }).execute();
    const url = `/api/v1/consultation/meetings/${inPerson.id}/news-draft`;
    expect((await call(member, 'POST', url, { themeId })).status).toBe(403);
    const unknownTheme = await call(editor, 'POST', url, { themeId: crypto.randomUUID() });
    expect(unknownTheme.status).toBe(422);
    expect(unknownTheme.body).toMatchObject({ code: 'unknown_theme' });

    const created = await call<{ newsId: string }>(editor, 'POST', url, { themeId });
    expect(created.status).toBe(201);
    const { newsId } = created.body;
    const news = await database.db
      .selectFrom('portal_news')
      .selectAll()
      .where('id', '=', newsId)
      .executeTakeFirstOrThrow();
    expect(news).toMatchObject({
      body_id: hazeldonk.id,
      meeting_id: inPerson.id,
      created_by: editorUser.id,
    });
    const themes = await database.db
      .selectFrom('portal_news_theme')
      .select('theme_id')
      .where('news_id', '=', newsId)
      .execute();
    expect(themes).toEqual([{ theme_id: themeId }]);
    const texts = await database.db
      .selectFrom('portal_text')
      .selectAll()
      .where('news_id', '=', newsId)
      .orderBy('language', 'desc')
      .execute();
    expect(texts.map((t) => t.language)).toEqual(['nl', 'fr']);
    expect(texts.every((t) => t.published_revision_id === null && t.publish_at === null)).toBe(
      true,
    );
    const [nl, fr] = texts;
    expect(nl?.title).toBe('Plenaire vergadering');
    expect(nl?.summary).toBe('Hazeldonk-overleg: vergadering van 12 februari 2026, in Breda.');
    expect(nl?.body).toContain('- Drugstoerisme\n- Drugshandel');
    expect(fr?.summary).toBe('Concertation de Hazeldonk : réunion du 12 février 2026, à Breda.');
    expect(fr?.body).toContain("À l'ordre du jour");

    const detail = await ok<MeetingDetail>(
      editor,
      'GET',
      `/api/v1/consultation/meetings/${inPerson.id}`,
    );
    expect(detail.newsId).toBe(newsId);
    const audited = await database.db
      .selectFrom('audit_entry')
      .select(['action', 'object_id'])
      .where('action', 'in', ['consultation.meeting.news-draft', 'portal.news.create'])
      .execute();
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: 'consultation.meeting.news-draft', object_id: inPerson.id },
        { action: 'portal.news.create', object_id: newsId },
      ]),
    );
  });

  it('describes its routes in the OpenAPI document', async () => {
    const response = await app.server.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/consultation/bodies/{id}/members/{memberId}',
        '/api/v1/consultation/meetings/{id}/documents',
        '/api/v1/consultation/calendar.ics',
        '/api/v1/consultation/meetings/{id}/news-draft',
      ]),
    );
  });

  it('puts changes and document reads on the audit record', async () => {
    const entries = await database.db
      .selectFrom('audit_entry')
      .select(['action', 'outcome', 'object_id', 'actor_user_id'])
      .where('action', 'like', 'consultation.%')
      .execute();
    const actions = new Set(entries.map((e) => `${e.action}:${e.outcome}`));
    for (const expected of [
      'consultation.body.create:success',
      'consultation.body.update:success',
      'consultation.member.add:success',
      'consultation.member.remove:success',
      'consultation.meeting.create:success',
      'consultation.meeting.update:success',
      'consultation.document.upload:success',
      'consultation.document.read:success',
      'consultation.decision.create:success',
      'consultation.action.create:success',
      'consultation.action.update:success',
      'consultation.action.note:success',
      'consultation.read:denied',
    ]) {
      expect(actions, expected).toContain(expected);
    }
    const reads = entries.filter(
      (e) => e.action === 'consultation.document.read' && e.object_id === document.id,
    );
    expect(reads.map((e) => e.actor_user_id).sort()).toEqual([editorUser.id, memberUser.id].sort());
    const refused = entries.filter((e) => e.outcome === 'denied' && e.object_id === document.id);
    expect(refused).toHaveLength(1);
  });
});

/** The properties of each VEVENT, lines unfolded (RFC 5545 §3.1), parameters dropped. */
function parseEvents(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      current[name] = line
        .slice(colon + 1)
        .replace(/\\n/g, '\n')
        .replace(/\\([,;\\])/g, '$1');
    }
  }
  return events;
}
