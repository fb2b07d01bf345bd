import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  seriousAccessibilityViolations,
  startDemoFederation,
  watchForPageProblems,
  type StartedFederation,
} from './support.js';

/**
 * The public portal and the governance side on the demo federation: a visitor reads the
 * Senningen theme page in Dutch without JavaScript, switches to French, opens a news item
 * and follows "more news"; the Benelux editor writes and publishes a news item in the
 * workspace and finds it on the portal; the editor and a member of a consultation body
 * work with the bodies' meetings and action items.
 */

const DEMO_PASSWORD = 'senningen-demo-2026';
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let federation: StartedFederation;
let browser: Browser;
const desks: { page: Page; problems: string[] }[] = [];

beforeAll(async () => {
  const starting = startDemoFederation();
  starting.catch(() => undefined);
  browser = await launchBrowser();
  federation = await starting;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await federation?.stop();
}, 60_000);

afterEach(() => {
  for (const desk of desks) {
    expect(desk.problems, 'uncaught errors or CSP refusals in the page').toEqual([]);
  }
});

async function openPage(options: { locale: string; javaScript?: boolean }): Promise<Page> {
  const context = await browser.newContext({
    locale: options.locale,
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  desks.push({ page, problems: watchForPageProblems(page) });
  return page;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  if (typeof text === 'string') await expect.poll(() => heading(page).textContent()).toBe(text);
  else await expect.poll(() => heading(page).textContent()).toMatch(text);
}

/** axe needs script: pages read without JavaScript are checked in a second, scripted page. */
async function expectAccessible(url: string, where: string): Promise<void> {
  const page = await openPage({ locale: 'nl-BE' });
  await page.goto(url);
  expect(await seriousAccessibilityViolations(page), where).toEqual([]);
  await page.close();
}

/** Signs a demo user in on the Belgian node and switches the interface to English. */
async function signIn(page: Page, username: string, displayName: string): Promise<void> {
  await page.goto(`${federation.urls.be}/app/`);
  await page.getByLabel(/Username|Gebruikersnaam|Benutzername|Nom d’utilisateur/).waitFor();
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.getByRole('navigation').waitFor();
  // A user who chose English before (an earlier test) is in English already.
  if ((await page.getAttribute('html', 'lang')) === 'en') {
    await expectHeading(page, `Welcome, ${displayName}`);
    return;
  }
  const select = page.getByRole('banner').getByRole('combobox');
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH'),
    select.selectOption('en'),
  ]);
  expect(answer.status()).toBe(200);
  await expectHeading(page, `Welcome, ${displayName}`);
}

describe('the public portal', () => {
  it('lets a visitor read the theme page in Dutch, switch to French, open an item and find more news', async () => {
    const be = federation.urls.be;
    // No JavaScript: the portal is server-rendered HTML.
    const page = await openPage({ locale: 'nl-BE', javaScript: false });
    await page.goto(`${be}/`);
    expect(new URL(page.url()).pathname).toBe('/nl/');
    await page.getByRole('link', { name: 'Senningenoverleg' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/nl/themes/senningen');
    await expectHeading(page, 'Senningenoverleg');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.getByRole('heading', { level: 2, name: 'Algemeen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Actueel' }).waitFor();
    const news = page.locator('main article');
    expect(await news.count()).toBeGreaterThanOrEqual(3);
    await page.getByText('Strategisch Hazeldonkoverleg vergadert digitaal').first().waitFor();
    await expectAccessible(page.url(), 'theme page (nl)');

    await page.getByRole('link', { name: 'Français' }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/themes/senningen');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectHeading(page, 'Concertation de Senningen');
    await page.getByRole('heading', { level: 2, name: 'Actualités' }).waitFor();

    // "Read more" of the first item on the page.
    const first = page.locator('main article').first();
    const title = (await first.getByRole('heading').textContent())?.trim() ?? '';
    expect(title).not.toBe('');
    await first.getByRole('link', { name: /Lire la suite/ }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/fr\/news\/[a-z0-9-]+$/);
    await expectHeading(page, title);
    await page
      .getByText(/\d+ vues?/)
      .first()
      .waitFor();
    await expectAccessible(page.url(), 'news item (fr)');

    await page.goBack();
    await page.getByRole('link', { name: /Plus d’actualités|Plus d'actualités/ }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/themes/senningen/news');
    // The archive holds every item, the oldest (Knokke, summer 2020) too.
    await page
      .getByRole('link', {
        name: 'Des policiers belges et néerlandais patrouillent ensemble à Knokke',
        exact: true,
      })
      .waitFor();
    await expectAccessible(page.url(), 'news archive (fr)');
  });
});

describe('the editors and the consultation bodies', () => {
  it('lets the editor write and publish a news item that then appears on the portal', async () => {
    const page = await openPage({ locale: 'en-GB' });
    await signIn(page, 'editor.benelux', 'Anna Schmit');
    await page.getByRole('navigation').getByRole('link', { name: 'Portal news' }).click();
    await expectHeading(page, 'Portal news');
    expect(await seriousAccessibilityViolations(page), 'news list').toEqual([]);

    await page.getByRole('link', { name: 'New news item' }).click();
    await page.getByRole('checkbox', { name: 'Senningen consultation' }).check();
    await page.getByLabel('Language of the first text').selectOption('en');
    const title = `Joint patrol weekend on the coast ${Date.now()}`;
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Summary').fill('Belgian and Dutch officers patrol the coast together.');
    await page
      .getByLabel('Text (Markdown)')
      .fill('## A joint weekend\n\nOfficers of both countries **patrol together** on the coast.');
    expect(await seriousAccessibilityViolations(page), 'new item form').toEqual([]);
    await page.getByRole('button', { name: 'Create the news item' }).click();
    await expectHeading(page, title);

    // An image, uploaded to the node and described for those who cannot see it.
    await page.getByLabel('Image file').setInputFiles({
      name: 'coast.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByLabel('Description of the image').fill('Two officers on the dyke');
    await page.getByRole('button', { name: 'Upload and insert' }).click();
    await page.getByText(/The image has been added/).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('main')
      .getByText(/Saved as revision 2/)
      .waitFor();

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page
      .getByRole('main')
      .getByText(/is public now/)
      .waitFor();
    expect(await seriousAccessibilityViolations(page), 'item editor').toEqual([]);
    const link = page.getByRole('link', { name: /^\/en\/news\// });
    const path = (await link.getAttribute('href')) ?? '';
    expect(path).toMatch(/^\/en\/news\/[a-z0-9-]+$/);

    // A visitor (no session) reads it on the portal and on the English theme page.
    const visitor = await openPage({ locale: 'en-GB', javaScript: false });
    await visitor.goto(`${federation.urls.be}${path}`);
    await expectHeading(visitor, title);
    const image = visitor.getByRole('img', { name: 'Two officers on the dyke' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await visitor.goto(`${federation.urls.be}/en/themes/senningen`);
    await visitor.getByRole('link', { name: title, exact: true }).waitFor();
  });

  it('lets the editor follow a body’s meetings and action items, and a member see only their body', async () => {
    const page = await openPage({ locale: 'en-GB' });
    await signIn(page, 'editor.benelux', 'Anna Schmit');
    await page.getByRole('navigation').getByRole('link', { name: 'Consultation bodies' }).click();
    await expectHeading(page, 'Consultation bodies');
    await page.getByRole('link', { name: 'Strategic Hazeldonk consultation' }).click();
    await expectHeading(page, 'Strategic Hazeldonk consultation');
    expect(await seriousAccessibilityViolations(page), 'body page').toEqual([]);
    await page
      .getByRole('link', { name: /15 January 2021|15\/01\/2021|réunion numérique/ })
      .first()
      .click();
    await page
      .getByText(/Digital/)
      .first()
      .waitFor();
    expect(await seriousAccessibilityViolations(page), 'meeting page').toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: 'Consultation bodies' }).click();
    await page
      .getByRole('link', { name: /Action items|Monitoring/ })
      .first()
      .click();
    await page.getByRole('table').first().waitFor();
    expect(await seriousAccessibilityViolations(page), 'monitoring').toEqual([]);

    const member = await openPage({ locale: 'en-GB' });
    await signIn(member, 'supervisor.knokke', 'Els Maes');
    await member.getByRole('navigation').getByRole('link', { name: 'Consultation bodies' }).click();
    await member.getByRole('link', { name: 'Benelux strategic police consultation' }).waitFor();
    expect(
      await member.getByRole('link', { name: 'Strategic Hazeldonk consultation' }).count(),
    ).toBe(0);
  });
});
