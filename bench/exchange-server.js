// @ts-check
// The servers under test for npm run bench:exchange, in a process of their own:
// two Senningen nodes over one database holding one request with three subjects.
// The first logs each read as a consultation (one entry per subject, with the
// purpose, group-committed); the second is the same node with the audit writer
// made a no-op, i.e. the same read without logging.
import { randomBytes } from 'node:crypto';
import { buildApp } from '@senningen/server';
import { BENCH_PASSWORD, openBenchData } from './bench-data.js';

const database = await openBenchData({ username: 'bench.officer', displayName: 'Bench Officer' });

const dataKey = randomBytes(32);
const options = {
  config: { logLevel: /** @type {const} */ ('warn'), publicUrl: 'http://127.0.0.1' },
  db: database.db,
  dataKey,
  webDir: '/nonexistent',
  exchange: { deadlineWatcher: false },
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
    facts: 'A petrol station was robbed on Monday night; the car fled towards Maastricht.',
    reasonsHeld: 'The car carries a Dutch plate.',
    offenceCategory: 'robbery',
    language: 'en',
    subjects: [
      {
        kind: 'person',
        category: 'suspect',
        statement: 'assessment',
        link: 'Believed to be the driver.',
        surname: 'Example',
        givenNames: 'Sam',
        birthDate: '1991-02-03',
      },
      {
        kind: 'vehicle',
        category: 'suspect',
        statement: 'fact',
        link: 'Used to flee.',
        plate: '12-ABC-3',
        plateCountry: 'NL',
      },
      {
        kind: 'phone',
        category: 'contact_other',
        statement: 'fact',
        link: 'Called from the car.',
        number: '+31 6 0000 0000',
      },
    ],
  }),
});
if (created.status !== 201) throw new Error(`creating the request: ${created.status}`);
const { id } = /** @type {{ id: string }} */ (await created.json());

process.send?.({ loggedUrl, unloggedUrl, cookie, id, database: database.kind });
process.on('message', async (message) => {
  if (message === 'stop') {
    await logged.close();
    await unlogged.close();
    const entries = await database.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'subject.consult')
      .executeTakeFirstOrThrow();
    process.send?.({ consultations: Number(entries.n) });
    await database.close();
    process.exit(0);
  }
});
