// @ts-check
// The servers under test for npm run bench:portal, in a process of their own: a
// Senningen node whose portal holds a theme with its general text and six news
// items, written and published by an editor through the API, and, in the same
// process, a plain Fastify server sending a static file with the same bytes as
// the theme page. A second node over the same database renders every request
// afresh (its page cache switched off).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { buildApp, invalidatePortalCache } from '@senningen/server';
import { BENCH_PASSWORD, openBenchData } from './bench-data.js';

const database = await openBenchData({ username: 'bench.editor', displayName: 'Bench Editor' }, [
  'editor',
]);
const options = {
  config: { logLevel: /** @type {const} */ ('warn'), publicUrl: 'http://127.0.0.1' },
  db: database.db,
  dataKey: randomBytes(32),
  webDir: '/nonexistent',
  exchange: { deadlineWatcher: false },
};
const app = await buildApp(options);
const nodeUrl = await app.server.listen({ port: 0, host: '127.0.0.1' });
// The same node with its page cache switched off: every request queries and renders.
const uncached = await buildApp({ ...options, portal: { pageCacheMs: 0 } });
const uncachedUrl = await uncached.server.listen({ port: 0, host: '127.0.0.1' });

const login = await fetch(`${nodeUrl}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench.editor', password: BENCH_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const { csrfToken } = /** @type {{ csrfToken: string }} */ (await login.json());

/** @param {string} method @param {string} url @param {unknown} [body] */
async function call(method, url, body) {
  const response = await fetch(`${nodeUrl}${url}`, {
    method,
    headers: {
      cookie,
      'x-csrf-token': csrfToken,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return /** @type {{ id: string; slug: string }} */ (
    response.status === 204 ? {} : await response.json()
  );
}

const paragraph =
  'Belgium, the Netherlands and Luxembourg work together against crime that crosses their borders: police, justice and local governments exchange information, patrol together and tackle drug trafficking, human trafficking and cybercrime, with personal data protected at every step.';
const theme = await call('POST', '/api/v1/portal/themes', { slug: 'senningen', position: 1 });
await call('PUT', `/api/v1/portal/themes/${theme.id}/texts/nl`, {
  title: 'Senningenoverleg',
  summary: paragraph,
  body: `## Doelen\n\n${paragraph}\n\n- informatie-uitwisseling\n- gezamenlijke patrouilles\n- bestuurlijke aanpak\n\n${paragraph}\n\n${paragraph}`,
});
await call('POST', `/api/v1/portal/themes/${theme.id}/texts/nl/publish`, {});
let newsUrl = '';
for (let n = 1; n <= 6; n += 1) {
  const news = await call('POST', '/api/v1/portal/news', {
    themeIds: [theme.id],
    texts: [
      {
        language: 'nl',
        title: `Digitale vergadering van het strategisch overleg, deel ${n}`,
        summary: paragraph.slice(0, 180),
        body: `${paragraph}\n\n${paragraph}\n\n${paragraph}`,
      },
    ],
  });
  await call('POST', `/api/v1/portal/news/${news.id}/texts/nl/publish`, {});
  newsUrl = `/nl/news/${news.slug}`;
}

const themePath = '/nl/themes/senningen';
const page = await fetch(`${nodeUrl}${themePath}`);
if (page.status !== 200) throw new Error(`theme page: ${page.status}`);
const bytes = Buffer.from(await page.arrayBuffer());

// The static side: the same bytes, from a file, by Fastify's own static plugin.
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-bench-portal-'));
fs.writeFileSync(path.join(staticDir, 'senningen.html'), bytes);
process.on('exit', () => fs.rmSync(staticDir, { recursive: true, force: true }));
const plain = Fastify({ logger: false });
await plain.register(fastifyStatic, { root: staticDir, prefix: '/static/' });
const plainUrl = await plain.listen({ port: 0, host: '127.0.0.1' });

/** Server time of rendering an address with the page cache dropped before each request. */
async function renderTimes(/** @type {string} */ url) {
  const times = [];
  for (let i = 0; i < 200; i += 1) {
    invalidatePortalCache();
    const started = process.hrtime.bigint();
    const response = await app.server.inject({
      method: 'GET',
      url,
      headers: { 'user-agent': 'Mozilla/5.0 bench' },
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
  }
  times.sort((a, b) => a - b);
  return { p50: times[100] ?? 0, p99: times[197] ?? 0 };
}
const render = { theme: await renderTimes(themePath), news: await renderTimes(newsUrl) };

process.send?.({
  themeUrl: `${nodeUrl}${themePath}`,
  uncachedUrl: `${uncachedUrl}${themePath}`,
  staticUrl: `${plainUrl}/static/senningen.html`,
  bytes: bytes.length,
  database: database.kind,
  render,
});
