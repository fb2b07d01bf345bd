// @ts-check
// The servers under test for npm run bench:consult, in a process of their own:
// two Senningen nodes over one database holding one person record, in a draft
// request of the benchmark officer's agency. The first logs each read as a
// consultation with its purpose (group-committed); the second is the same node
// with the audit writer made a no-op, i.e. the same read without logging.
import { randomBytes } from 'node:crypto';
import { buildApp } from '@senningen/server';
import { BENCH_PASSWORD, openBenchData } from './bench-data.js';

const database = await openBenchData({ username: 'bench.officer', displayName: 'Bench Officer' });

const options = {
  config: { logLevel: /** @type {const} */ ('warn'), publicUrl: 'http://127.0.0.1' },
  db: database.db,
  dataKey: randomBytes(32),
  webDir: '/nonexistent',
  exchange: { deadlineWatcher: false },
  records: { retentionJob: false },
};
const logged = await buildApp(options);
const unlogged = await buildApp(options);
unlogged.audit.record = async () => {};
const loggedUrl = await logged.server.listen({ port: 0, host: '127.0.0.1' });
const unloggedUrl = await unlogged.server.listen({ port: 0, host: '127.0.0.1' });

const login = await fetch(`${loggedUrl}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench.officer', password: BENCH_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const { csrfToken } = /** @type {{ csrfToken: string }} */ (await login.json());

const created = await fetch(`${loggedUrl}/api/v1/exchange/requests`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
  body: JSON.stringify({
    requestedNode: 'nl',
    purpose: 'Identify the driver of a car used in a robbery in Lanaken.',
    offenceCategory: 'robbery',
    language: 'en',
    subjects: [
      {
        kind: 'person',
        category: 'suspect',
        statement: 'assessment',
        link: 'Believed to be the driver.',
        surname: 'Example',
        surnamePrefix: 'van',
        givenNames: 'Sam',
        birthDate: '1991-02-03',
        nationalities: ['NL'],
        documents: [{ type: 'passport', number: 'NX0000000', issuingCountry: 'NL' }],
      },
    ],
  }),
});
if (created.status !== 201) throw new Error(`creating the request: ${created.status}`);
const request = /** @type {{ content: { subjects: { id: string }[] } }} */ (await created.json());
const recordId = request.content.subjects[0]?.id;

process.send?.({ loggedUrl, unloggedUrl, cookie, csrfToken, recordId, database: database.kind });
process.on('message', async (message) => {
  if (message === 'stop') {
    await logged.close();
    await unlogged.close();
    const entries = await database.db
      .selectFrom('audit_entry')
      .select(['action', (eb) => eb.fn.countAll().as('n')])
      .where('action', '=', 'record.consult')
      .groupBy('action')
      .executeTakeFirst();
    process.send?.({ consultations: Number(entries?.n ?? 0) });
    await database.close();
    process.exit(0);
  }
});
