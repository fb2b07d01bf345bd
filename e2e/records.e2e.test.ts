import { generate } from 'otplib';
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
 * The life of personal data on the demo federation, as the Belgian data protection officer
 * sees it: the workspace with its logs and record of processing, an access report for a
 * person the demo exchange names (Jordy van Stralen, sent by the Belgian police to the
 * Netherlands), the report's PDF, and the erasure of one of the person's records, which
 * leaves a tombstone and sends an erasure notice to the node the record went to.
 */

const DEMO_PASSWORD = 'senningen-demo-2026';
/**
 * The person: in the demo request BE → NL about a missing minor, and again, spelled the Dutch
 * way, in the answer (demo-exchange.ts).
 */
const PERSON = { surname: 'Stralen', givenNames: 'Jordy', birthDate: '2001-06-14' };

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
  const context = await browser.newContext({ locale: 'en-GB' });
  page = await context.newPage();
  problems = watchForPageProblems(page);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await federation?.stop();
}, 60_000);

afterEach(() => {
  expect(problems, 'uncaught errors or CSP refusals in the page').toEqual([]);
});

// Cross-node waits: delivery between the nodes takes up to a few seconds.
const ACROSS = { timeout: 30_000, interval: 1_000 };

const heading = () => page.getByRole('heading', { level: 1 });

async function expectHeading(text: string | RegExp): Promise<void> {
  if (typeof text === 'string') await expect.poll(() => heading().textContent()).toBe(text);
  else await expect.poll(() => heading().textContent()).toMatch(text);
}

async function expectAccessible(where: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page), where).toEqual([]);
}

/** The confirmation of the page's last action. */
const statusOf = () => page.getByRole('main').getByRole('status').first().textContent();

/**
 * Signs the Belgian DPO in (French by preference), sets up the second factor the role needs,
 * and switches the interface and the saved preference to English.
 */
async function signInDpo(): Promise<void> {
  await page.goto(`${federation.urls.be}/app/`);
  await expectHeading('Sign in');
  await page.getByLabel('Username').fill('dpo.be');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');

  // Until the second factor is set up nothing is saved: the switch holds for this screen.
  const language = page.getByRole('banner').getByRole('combobox');
  await language.selectOption('en');
  await expectHeading('Set up two-step verification');
  await page.getByRole('button', { name: 'Start' }).click();
  await page
    .getByRole('img', { name: 'QR code to add Senningen to your authenticator app' })
    .waitFor();
  const shown = await page
    .locator('dt', { hasText: 'Secret key' })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
  const secret = (shown ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('Authentication code').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');

  const [saved] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH'),
    language.selectOption('en'),
  ]);
  expect(saved.status()).toBe(200);
  await expectHeading('Welcome, Marc Lambert');
}

/**
 * On a record's page: without a context of the DPO's own, states the data protection reason
 * first; ends on the record itself.
 */
async function consultRecord(): Promise<void> {
  const noContext = page.getByTestId('record-no-context');
  const detail = page.getByTestId('record-detail');
  await expect.poll(async () => (await noContext.count()) + (await detail.count())).toBe(1);
  if ((await noContext.count()) === 0) return;
  expect(await noContext.textContent()).toContain(
    'You have no context for this record. State a reason to consult it.',
  );
  await expectAccessible('record without context');
  // The reasons come from the node, labelled in the user's language.
  const reason = page.getByLabel('Reason', { exact: true });
  await expect.poll(() => reason.isEnabled()).toBe(true);
  await reason.selectOption({ label: 'Data protection task' });
  await page.getByLabel('Note', { exact: true }).fill('Access request of the data subject.');
  await page.getByRole('button', { name: 'Consult the record' }).click();
  await detail.waitFor();
}

let recordUrl: string;

describe('personal data protection (LED)', () => {
  it('shows the data protection officer the workspace, its logs and the record of processing', async () => {
    await signInDpo();
    await page.getByRole('navigation').getByRole('link', { name: 'Data protection' }).click();
    await expectHeading('Data protection');
    await page.getByRole('heading', { name: 'Overdue reviews' }).waitFor();
    await expectAccessible('DPO workspace, overview');

    await page.getByRole('tab', { name: 'Consultation log' }).click();
    await expect.poll(() => page.url()).toContain('tab=consultations');
    await page.getByRole('table', { name: /^Consultation log/ }).waitFor();
    await expectAccessible('DPO workspace, consultation log');

    await page.getByRole('tab', { name: 'Disclosure log' }).click();
    const disclosures = page.getByRole('table', { name: /^Disclosure log/ });
    await disclosures.waitFor();
    // The demo requests sent records from Belgium to the other nodes.
    await expect.poll(() => page.getByTestId('disclosure-entry').count()).toBeGreaterThan(0);
    await expectAccessible('DPO workspace, disclosure log');

    await page.getByRole('tab', { name: 'Anomalies' }).click();
    await page.getByLabel('Period').waitFor();
    await expectAccessible('DPO workspace, anomalies');

    await page.getByRole('tab', { name: 'Record of processing' }).click();
    const register = page.getByTestId('processing-record');
    await register.waitFor();
    expect(await register.textContent()).toContain('Data protection task');
    await expectAccessible('DPO workspace, record of processing');
  });

  it('produces an access report for a person of the demo data, with its PDF', async () => {
    await page.getByRole('link', { name: 'New access report' }).click();
    await expectHeading('New access report');
    await expectAccessible('new access report');

    // Case and the particle do not matter: "Stralen" finds "van Stralen".
    await page.getByLabel('Surname').fill(PERSON.surname);
    await page.getByLabel('Given names').fill(PERSON.givenNames);
    await page.getByLabel('Date of birth').fill(PERSON.birthDate);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    const matches = page.getByTestId('person-match');
    // The Belgian request's "van Stralen, Jordy" and the Dutch answer's "VAN STRALEN, Jordy
    // Pieter": one person, spelled two ways, found together.
    await expect.poll(() => matches.count()).toBe(2);
    expect(await matches.nth(0).textContent()).toContain('VAN STRALEN, Jordy');
    expect(await matches.nth(1).textContent()).toContain('VAN STRALEN, Jordy Pieter');

    // Nothing chosen yet: the form says what is missing, each line leading to its field.
    await page.getByRole('button', { name: 'Produce the report' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Tick at least one record that is this person.',
      'Choose through whom the request came.',
    ]);
    await expectAccessible('new access report with errors');

    await matches.first().getByRole('checkbox').check();
    await page.getByRole('radio', { name: 'The data subject' }).check();
    await page.getByRole('button', { name: 'Produce the report' }).click();
    await expectHeading('Access report');
    await expect.poll(statusOf).toBe('The access report has been produced.');
    const records = page.getByTestId('report-record');
    await expect.poll(() => records.count()).toBe(1);
    expect(await records.first().textContent()).toContain('Stralen');
    // The record went to the Netherlands with the request: the report says so.
    await expect
      .poll(() => records.first().getByTestId('report-disclosure').count())
      .toBeGreaterThan(0);
    await expectAccessible('access report');

    const href = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/dpo\/access-reports\/[0-9a-f-]{36}\/pdf$/);
    const pdf = await page.request.get(`${federation.urls.be}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // It is listed among the reports produced.
    await expect.poll(() => page.getByTestId('report-row').count()).toBeGreaterThan(0);
  });

  it("erases one of the person's records, leaving a tombstone and an erasure notice to the Netherlands", async () => {
    await page.getByRole('link', { name: 'Open record 1 (Person)' }).click();
    recordUrl = page.url();
    expect(recordUrl).toMatch(/\/app\/records\/[0-9a-f-]{36}$/);
    await consultRecord();
    await expectHeading('Record: VAN STRALEN, Jordy');
    // The DPO works in the agency of the national contact point, which is copied on the
    // request: that request is the context, and the consultation is logged with it.
    expect(await page.getByTestId('record-context').textContent()).toMatch(
      /^You see this record (in the context of request [A-Z]{2}-\d{4}-\d+|because you stated a reason)\. This consultation is logged with (that reference|your reason)\.$/,
    );
    const disclosures = page.getByTestId('disclosure');
    await expect.poll(() => disclosures.count()).toBeGreaterThan(0);
    expect(await disclosures.first().textContent()).toContain('nl');
    await expectAccessible('record detail');

    // Erasure is asked for in a dialog, and needs a reason.
    await page.getByRole('button', { name: 'Erase this record…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this record for good?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('An erasure notice goes to 1 node');
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    const reason = dialog.getByLabel('Reason for the erasure');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible('erase dialog with an error');
    await reason.fill('Access request: the data subject was a bystander; no longer needed.');
    await dialog.getByRole('button', { name: 'Erase for good' }).click();

    // What remains is the tombstone, and the notice to the node the record went to.
    await page.getByTestId('record-tombstone').waitFor();
    await expectHeading('Erased record (Person)');
    await expect.poll(statusOf).toBe('The record has been erased.');
    expect(await page.getByTestId('record-tombstone').textContent()).toContain('no longer needed');
    expect(await page.getByTestId('badge-erased').count()).toBe(1);
    const notice = page.locator('[data-testid="notice"][data-kind="erasure"]');
    await expect.poll(() => notice.count()).toBe(1);
    const recipient = notice.locator('[data-testid="notice-recipient"][data-node="nl"]');
    await expect.poll(() => recipient.count()).toBe(1);
    expect(await recipient.getByTestId('recipient-state').getAttribute('data-state')).toMatch(
      /^(waiting|confirmed)$/,
    );
    // Nothing is left to do with an erased record.
    expect(await page.getByRole('button', { name: 'Erase this record…' }).count()).toBe(0);
    await expectAccessible('erased record');
  });

  it('sees the Netherlands confirm the erasure', async () => {
    const state = async () => {
      const badge = page
        .locator('[data-testid="notice"][data-kind="erasure"]')
        .locator('[data-testid="notice-recipient"][data-node="nl"]')
        .getByTestId('recipient-state');
      return (await badge.count()) === 0 ? undefined : badge.getAttribute('data-state');
    };
    await expect
      .poll(async () => {
        await page.goto(recordUrl);
        await consultRecord();
        return state();
      }, ACROSS)
      .toBe('confirmed');
    await page.getByTestId('record-tombstone').waitFor();
  });
});
