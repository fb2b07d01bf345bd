import { generate } from 'otplib';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  seriousAccessibilityViolations,
  startDemoFederation,
  watchForPageProblems,
  type StartedFederation,
} from './support.js';

const DEMO_PASSWORD = 'senningen-demo-2026';

let federation: StartedFederation;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  const starting = startDemoFederation();
  // Its failure is reported below, when it is awaited; not as an unhandled rejection meanwhile.
  starting.catch(() => undefined);
  browser = await launchBrowser();
  federation = await starting;
  // The browser prefers English: that is the language before anyone signs in.
  page = await browser.newPage({ locale: 'en-GB' });
  problems = watchForPageProblems(page);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await federation?.stop();
}, 60_000);

afterEach(() => {
  expect(problems, 'uncaught errors or CSP refusals in the page').toEqual([]);
});

const heading = () => page.getByRole('heading', { level: 1 });

async function expectHeading(text: string): Promise<void> {
  await expect.poll(() => heading().textContent()).toBe(text);
}

async function expectAccessible(where: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page), where).toEqual([]);
}

/** A part of the federation page, by its heading. */
const part = (name: string) => page.getByRole('region', { name, exact: true });

/** The reachability a peer's row shows (the cell after its country). */
function reachabilityOf(peers: Locator, peerName: string): Promise<string | null> {
  return peers
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: peerName }) })
    .getByRole('cell')
    .nth(1)
    .textContent();
}

describe('the federation page', () => {
  it('shows the administrator the peers, pings one and shows its receipt', async () => {
    await page.goto(`${federation.urls.be}/app/`);
    await expectHeading('Sign in');
    await page.getByLabel('Username').fill('admin.be');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    // admin.be prefers Dutch; an administrator sets up a second factor first.
    await expectHeading('Tweestapsverificatie instellen');
    await page.getByRole('button', { name: 'Beginnen' }).click();
    await page
      .getByRole('img', { name: 'QR-code om Senningen aan uw authenticator-app toe te voegen' })
      .waitFor();
    const shown = await page
      .locator('dt', { hasText: 'Geheime sleutel' })
      .locator('xpath=following-sibling::dd[1]')
      .textContent();
    const secret = (shown ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel('Verificatiecode').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await expectHeading('Welkom, An Peeters');

    await page.getByRole('navigation').getByRole('link', { name: 'Federatie' }).click();
    await expectHeading('Federatie');
    const node = part('Dit knooppunt');
    await expect.poll(() => node.textContent()).toContain('Senningen België / Belgique');
    expect(await node.textContent()).toContain(federation.urls.be);
    expect(await node.textContent()).toContain('Registerversie1');

    // The demo has every node ask its peers who they are once all three listen; the page
    // shows what it knows at once and fetches the state again every 10 seconds.
    const peers = part('Partnerknooppunten');
    for (const name of ['Senningen Nederland', 'Senningen Luxembourg']) {
      await expect
        .poll(() => reachabilityOf(peers, name), { timeout: 15_000, interval: 500 })
        .toBe('Bereikbaar');
    }
    await expectAccessible('federation page, Dutch');

    await peers.getByRole('button', { name: 'Ping (Senningen Nederland)' }).click();
    await expect
      .poll(() => peers.getByRole('status').textContent(), { timeout: 20_000 })
      .toMatch(/^Ping naar Senningen Nederland afgeleverd: ontvangstbewijs van nl op .+\.$/);
    expect(await peers.getByRole('alert').textContent()).toBe('');

    // The ping is in the outbox, delivered; its receipt is signed by NL.
    const outbox = part('Uitgaande post');
    const row = outbox
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'ping', exact: true }) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Afgeleverd');
    await row.getByRole('button', { name: /^Bekijken/ }).click();
    const detail = outbox.getByRole('region', { name: /^Envelop / });
    await expect.poll(() => detail.textContent()).toContain('"receivedBy": "nl"');
    expect(await detail.textContent()).toContain('"sentBy": "admin.be"');
    // The opened envelope takes the focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await expectAccessible('federation page with an envelope opened, Dutch');

    // The outcome of the ping reads in the language chosen afterwards too.
    await page.getByRole('banner').getByLabel('Taal').selectOption('fr');
    await expectHeading('Fédération');
    expect(await part('Nœuds partenaires').getByRole('status').textContent()).toMatch(
      /^Ping à Senningen Nederland remis : accusé de réception de nl le .+\.$/,
    );
    await expectAccessible('federation page, French');
  });
});
