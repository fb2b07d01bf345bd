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

/**
 * The information exchange of Directive (EU) 2023/977 across the demo federation: a Belgian
 * officer asks the Netherlands for information, the Belgian SPOC sees its copy, the Dutch SPOC
 * routes the request, a Dutch handler answers it, and the officer reads the answer.
 *
 * Every user works in a browser context of their own, on the node of their country, in English
 * (each switches from their own language right after signing in). The demo federation holds
 * demo requests of its own; this test finds its request by the reference shown after sending.
 */

const DEMO_PASSWORD = 'senningen-demo-2026';

let federation: StartedFederation;
let browser: Browser;
/** The pages opened, each with what went wrong in it. */
const desks: { page: Page; problems: string[] }[] = [];

beforeAll(async () => {
  const starting = startDemoFederation();
  // Its failure is reported below, when it is awaited; not as an unhandled rejection meanwhile.
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

/** A new browser context preferring English, with one page in it. */
async function openPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  desks.push({ page, problems: watchForPageProblems(page) });
  return page;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  if (typeof text === 'string') await expect.poll(() => heading(page).textContent()).toBe(text);
  else await expect.poll(() => heading(page).textContent()).toMatch(text);
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page), where).toEqual([]);
}

/** The confirmation of the page's last action (the bell in the banner has a status of its own). */
const statusOf = (page: Page) => page.getByRole('main').getByRole('status').first().textContent();

/** The text that describes a field for assistive technology (its aria-describedby targets). */
function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** Switches the interface to English with the banner's language switch (labelled in any language). */
async function switchToEnglish(page: Page, saved: boolean): Promise<void> {
  const select = page.getByRole('banner').getByRole('combobox');
  if (!saved) {
    await select.selectOption('en');
  } else {
    const [answer] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH',
      ),
      select.selectOption('en'),
    ]);
    expect(answer.status()).toBe(200);
  }
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
}

interface DemoUser {
  username: string;
  displayName: string;
  /** The language the demo user prefers: the interface switches to it on signing in. */
  language: 'nl' | 'fr';
  /** SPOC operators must set up a second factor first. */
  secondFactor: boolean;
}

const OFFICER_KNOKKE: DemoUser = {
  username: 'officer.knokke',
  displayName: 'Pieter Claes',
  language: 'nl',
  secondFactor: false,
};
const SPOC_BE: DemoUser = {
  username: 'spoc.be',
  displayName: 'Julien Dubois',
  language: 'fr',
  secondFactor: true,
};
const SPOC_NL: DemoUser = {
  username: 'spoc.nl',
  displayName: 'Daan Jansen',
  language: 'nl',
  secondFactor: true,
};
const OFFICER_ZWB: DemoUser = {
  username: 'officer.zwb',
  displayName: 'Lotte Bakker',
  language: 'nl',
  secondFactor: false,
};

/**
 * Signs a demo user in on a node, sets up their second factor when their role needs one, and
 * switches the interface (and their saved preference) to English; ends on the home page.
 */
async function signIn(page: Page, origin: string, user: DemoUser): Promise<void> {
  await page.goto(`${origin}/app/`);
  await expectHeading(page, 'Sign in');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Signed in, the interface speaks the user's language.
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(user.language);

  if (user.secondFactor) {
    // Until the second factor is set up nothing is saved: the switch holds for this screen.
    await switchToEnglish(page, false);
    await expectHeading(page, 'Set up two-step verification');
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
    // Enrolled, the user's own language applies again.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe(user.language);
  }
  await switchToEnglish(page, true);
  await expectHeading(page, `Welcome, ${user.displayName}`);
}

async function openExchange(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Information exchange' }).click();
  await expectHeading(page, 'Information exchange');
}

/** The dashboard row of a request, by its reference. */
const rowOf = (page: Page, reference: string) =>
  page.locator(`[data-testid="request-row"][data-reference="${reference}"]`);

/** Narrows the dashboard to one reference (the filters stay in the address, so reloads keep them). */
async function filterByReference(page: Page, reference: string): Promise<void> {
  await page.getByLabel('Reference contains').fill(reference);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect.poll(() => page.url()).toContain(`reference=${reference}`);
}

/** Reloads the page and reads the current state of the request it shows. */
async function reloadedState(page: Page): Promise<string | null> {
  await page.reload();
  const state = page.getByRole('main').getByTestId('request-state').first();
  await state.waitFor();
  return state.getAttribute('data-state');
}

/** Reloads the page and counts the rows of one reference on the dashboard. */
async function reloadedRows(page: Page, reference: string): Promise<number> {
  await page.reload();
  await page.getByRole('table').waitFor();
  // The list arrives after the page: wait until it no longer says it is loading.
  await expect.poll(() => page.getByRole('table').textContent()).not.toContain('Loading…');
  return rowOf(page, reference).count();
}

// Cross-node waits: delivery between the nodes takes up to a few seconds.
const ACROSS = { timeout: 20_000, interval: 1_000 };

let officer: Page;
let reference: string;

describe('the information exchange (Directive 2023/977)', () => {
  it('has a Belgian officer write an urgent request to the Netherlands, guided past what is missing', async () => {
    officer = await openPage();
    await signIn(officer, federation.urls.be, OFFICER_KNOKKE);
    await openExchange(officer);
    await officer.getByRole('link', { name: 'New request' }).click();
    await expectHeading(officer, 'New request for information');
    const form = officer.getByRole('form', { name: 'New request for information' });

    // Half filled in: a purpose, urgent without its ground, a person with nothing said of them.
    await form.getByLabel('Purpose', { exact: true }).fill('Locate a missing minor at risk.');
    await form.getByLabel('This request is urgent').check();
    await form.getByLabel('Kind of subject to add').selectOption('person');
    await form.getByRole('button', { name: 'Add subject' }).click();
    // The new subject's first field takes the focus.
    await expect
      .poll(() => officer.evaluate(() => document.activeElement?.id))
      .toBe('rq-subjects-0-surname');
    await form.getByRole('button', { name: 'Send request' }).click();

    // Checked in the page: a summary at the top, which takes the focus, each line a link.
    const summary = officer.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('heading').textContent()).toBe('There are 10 problems to fix');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Choose the country to ask.',
      'Describe the facts.',
      'Explain why the information is believed to be held there.',
      'Choose the offence category.',
      'Choose one of the four grounds for urgency.',
      'Explain why the request is urgent.',
      'Subject 1 (Person): Choose the data-subject category.',
      'Subject 1 (Person): Say whether this is a fact or an assessment.',
      'Subject 1 (Person): Explain how this subject is linked to the purpose.',
      'Subject 1 (Person): Give the surname.',
    ]);
    await expect
      .poll(() => officer.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('error-summary');
    // Nothing was saved: the page is still the new request's.
    expect(officer.url()).toMatch(/\/exchange\/new$/);

    // Each field carries its own error, tied to it for assistive technology.
    const facts = form.getByLabel('Facts', { exact: true });
    expect(await facts.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(facts)).toContain('Describe the facts.');
    const person = form.getByRole('group', { name: 'Subject 1: Person' });
    const surname = person.getByLabel('Surname', { exact: true });
    expect(await surname.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(surname)).toContain('Give the surname.');
    expect(await descriptionOf(form.getByRole('group', { name: /^Ground for urgency/ }))).toContain(
      'Choose one of the four grounds for urgency.',
    );
    await expectAccessible(officer, 'request form with errors');

    // A link of the summary leads to its field.
    await summary.getByRole('link', { name: 'Describe the facts.' }).click();
    await expect.poll(() => officer.evaluate(() => document.activeElement?.id)).toBe('rq-facts');

    // Now in full.
    await form.getByLabel('Country to ask').selectOption('nl');
    await facts.fill(
      'A 15-year-old girl left Knokke-Heist last night with an adult man; she is believed to be held against her will.',
    );
    await form
      .getByLabel('Why the information is believed to be held there', { exact: true })
      .fill('The car seen leaving carries Dutch plates and was last seen near Sluis.');
    await form.getByLabel('Offence category').selectOption('kidnapping_hostage_taking');
    await form
      .getByRole('radio', {
        name: 'Imminent threat to the life or physical integrity of a person',
      })
      .check();
    await form
      .getByLabel('Why the request is urgent', { exact: true })
      .fill('She needs daily medication and has not had it since yesterday.');
    await form.getByLabel('Language of the request').selectOption('en');

    await surname.fill('Vermeulen');
    await person.getByLabel('Given names').fill('Jonas');
    await person.getByLabel('Date of birth').fill('1988-04-12');
    await person.getByLabel('Data-subject category').selectOption('suspect');
    await person.getByRole('radio', { name: 'Fact', exact: true }).check();
    await person
      .getByLabel('Link to the purpose')
      .fill('Seen driving away with the girl; the owner of the car.');

    await form.getByLabel('Kind of subject to add').selectOption('vehicle');
    await form.getByRole('button', { name: 'Add subject' }).click();
    const vehicle = form.getByRole('group', { name: 'Subject 2: Vehicle' });
    await vehicle.getByLabel('Registration plate').fill('gz-123-k');
    await vehicle.getByLabel('Country of registration').fill('NL');
    await vehicle.getByLabel('Data-subject category').selectOption('suspect');
    await vehicle.getByRole('radio', { name: 'Fact', exact: true }).check();
    await vehicle.getByLabel('Link to the purpose').fill('The car the girl was taken away in.');
    await form.getByRole('button', { name: 'Send request' }).click();

    // Sent: the request's own page, under the reference this node gave it.
    await expectHeading(officer, /^Request BE-\d{4}-\d{5}$/);
    reference = (await officer.getByTestId('reference').textContent()) ?? '';
    expect(reference).toMatch(/^BE-\d{4}-\d{5}$/);
    expect(await heading(officer).textContent()).toBe(`Request ${reference}`);
    expect(await statusOf(officer)).toBe(`Request ${reference} is sent.`);
    expect(await officer.getByTestId('urgent').textContent()).toBe(
      'Urgent: Imminent threat to the life or physical integrity of a person',
    );
    const state = officer.getByRole('main').getByTestId('request-state');
    expect(['sent', 'received']).toContain(await state.getAttribute('data-state'));
    // The plate is stored as it is written on the car.
    expect(await officer.getByTestId('subject-view').nth(1).textContent()).toContain('GZ-123-K');
    expect(await officer.getByRole('main').textContent()).toContain('(BE-CGI)');

    // The Dutch node acknowledges its receipt: the deadline runs from then, 8 hours at most.
    await expect.poll(() => reloadedState(officer), ACROSS).toBe('received');
    const deadline = officer.getByTestId('deadline');
    expect(await deadline.getAttribute('data-deadline')).toBe('running');
    expect(await deadline.textContent()).toMatch(/^(8 hours|7 hours \d{1,2} minutes) left/);
    expect(
      await officer
        .getByTestId('timeline-event')
        .evaluateAll((events) => events.map((e) => e.getAttribute('data-kind'))),
    ).toEqual(expect.arrayContaining(['sent', 'received']));
    // The officer of the requesting side has nothing to do but wait (or write).
    expect(await officer.getByTestId('action-answer').count()).toBe(0);
    await expectAccessible(officer, 'request detail, sent');
  });

  it('shows the Belgian SPOC its copy of the request', async () => {
    const spoc = await openPage();
    await signIn(spoc, federation.urls.be, SPOC_BE);
    await openExchange(spoc);
    // A SPOC starts on the incoming requests; the copy is of an outgoing one.
    expect(
      await spoc.getByRole('tab', { name: 'Incoming', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    await spoc.getByRole('tab', { name: 'Outgoing', exact: true }).click();
    await filterByReference(spoc, reference);
    const row = rowOf(spoc, reference);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('request-state').getAttribute('data-state')).toBe('received');
    expect(await row.getByTestId('deadline').getAttribute('data-deadline')).toBe('running');
    expect(await row.textContent()).toContain('Netherlands');
    await expectAccessible(spoc, 'dashboard of the Belgian SPOC');

    await row.getByTestId('request-link').click();
    await expectHeading(spoc, `Request ${reference}`);
    // A copy to read, not a request to act on.
    expect(await spoc.getByRole('heading', { name: 'Actions', exact: true }).count()).toBe(0);
  });

  it('has the Dutch SPOC find the request, record it as directly accessible and assign it', async () => {
    const spoc = await openPage();
    await signIn(spoc, federation.urls.nl, SPOC_NL);
    await openExchange(spoc);
    await filterByReference(spoc, reference);
    await expect.poll(() => reloadedRows(spoc, reference), ACROSS).toBe(1);
    const row = rowOf(spoc, reference);
    expect(await row.textContent()).toContain('Incoming');
    expect(await row.textContent()).toContain('Belgium');
    expect(await row.getByTestId('urgent').count()).toBe(1);
    expect(await row.getByTestId('request-state').getAttribute('data-state')).toBe('received');
    expect(await row.getByTestId('deadline').getAttribute('data-deadline')).toBe('running');
    expect(await row.getByTestId('deadline').textContent()).toMatch(
      /^(8 hours|7 hours \d{1,2} minutes) left$/,
    );
    await expectAccessible(spoc, 'dashboard of the Dutch SPOC');

    await row.getByTestId('request-link').click();
    await expectHeading(spoc, `Request ${reference}`);
    const main = spoc.getByRole('main');
    expect(await main.getByTestId('request-state').getAttribute('data-state')).toBe('received');
    expect(await spoc.getByTestId('accessibility').textContent()).toBe('Not yet recorded');
    // The subjects travelled with the request.
    expect(await main.textContent()).toContain('Vermeulen');

    const accessibility = spoc.getByTestId('action-accessibility');
    await accessibility.getByRole('radio', { name: /^Directly accessible/ }).check();
    await accessibility.getByRole('button', { name: 'Record accessibility' }).click();
    await expect.poll(() => statusOf(spoc)).toBe('The accessibility is recorded.');
    expect(await spoc.getByTestId('accessibility').textContent()).toBe('Directly accessible');
    const deadline = spoc.getByTestId('deadline');
    expect(await deadline.getAttribute('data-deadline')).toBe('running');
    expect(await deadline.textContent()).toMatch(/^(8 hours|7 hours \d{1,2} minutes) left/);
    expect(await main.textContent()).toContain('Urgent, directly accessible information: 8 hours');

    const assign = spoc.getByTestId('action-assign');
    const handler = assign.getByLabel('Handler');
    const option = handler.locator('option', { hasText: OFFICER_ZWB.displayName });
    await expect.poll(() => option.count()).toBe(1);
    await handler.selectOption((await option.getAttribute('value')) ?? '');
    await assign.getByRole('button', { name: 'Assign request' }).click();
    await expect
      .poll(() => statusOf(spoc))
      .toBe(`The request is assigned to ${OFFICER_ZWB.displayName}.`);
    expect(await main.getByTestId('request-state').getAttribute('data-state')).toBe('assigned');
    expect(
      await spoc
        .getByTestId('timeline-event')
        .evaluateAll((events) => events.map((e) => e.getAttribute('data-kind'))),
    ).toEqual(expect.arrayContaining(['received', 'accessibility', 'assigned']));
    await expectAccessible(spoc, 'request detail of the Dutch SPOC');
  });

  it('has the Dutch handler answer with an evaluated item', async () => {
    const handler = await openPage();
    await signIn(handler, federation.urls.nl, OFFICER_ZWB);
    // Told of the assignment by a notification, which leads to the request.
    await handler.getByTestId('notification-bell').click();
    await expectHeading(handler, 'Notifications');
    const assigned = handler
      .locator('[data-testid="notification"][data-kind="request_assigned"]')
      .filter({ hasText: reference });
    await expect.poll(() => assigned.count()).toBe(1);
    await assigned.getByRole('link', { name: reference }).click();
    await expectHeading(handler, `Request ${reference}`);

    const answer = handler.getByTestId('action-answer');
    // An item needs its text, handling code and evaluation.
    await answer.getByRole('button', { name: 'Send answer' }).click();
    const summary = answer.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Item 1: Write the information.',
      'Item 1: Choose a handling code.',
      'Item 1: Choose the reliability of the source.',
      'Item 1: Choose the accuracy of the information.',
    ]);

    await answer
      .getByLabel('Information', { exact: true })
      .fill('The car GZ-123-K was registered at a holiday park near Sluis at 06:40 this morning.');
    await answer.getByLabel('Handling code').selectOption('H2');
    await answer.getByLabel('Source reliability').selectOption('B');
    await answer.getByLabel('Information accuracy').selectOption('2');
    await answer.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => statusOf(handler)).toBe('The answer is sent.');
    expect(
      await handler.getByRole('main').getByTestId('request-state').getAttribute('data-state'),
    ).toBe('answered');
    const evaluation = handler.getByTestId('evaluation');
    expect(await evaluation.locator('[aria-hidden="true"]').textContent()).toBe('H2 · B2');
  });

  it('shows the Belgian officer the answer, its evaluation and a notification', async () => {
    await expect.poll(() => reloadedState(officer), ACROSS).toBe('answered');
    const item = officer.getByTestId('item-view');
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('registered at a holiday park near Sluis');
    const evaluation = item.getByTestId('evaluation');
    expect(await evaluation.locator('[aria-hidden="true"]').textContent()).toBe('H2 · B2');
    // In words for screen readers, and in full in its tooltip.
    expect(await evaluation.textContent()).toContain('Handling code H2, source B, accuracy 2');
    expect(await evaluation.getAttribute('title')).toContain(
      "H2: Not to be passed on without the provider's permission",
    );
    expect(
      await officer
        .getByTestId('timeline-event')
        .evaluateAll((events) => events.map((e) => e.getAttribute('data-kind'))),
    ).toEqual(expect.arrayContaining(['sent', 'received', 'answered']));
    // Answered, the request no longer counts down.
    expect(await officer.getByTestId('deadline').getAttribute('data-deadline')).toBe('none');
    await expectAccessible(officer, 'request detail with its answer');

    // The bell counts the unread notifications (the reload above fetched the number).
    const count = officer.getByTestId('notification-count');
    await expect.poll(() => count.count()).toBe(1);
    expect(Number(await count.textContent())).toBeGreaterThanOrEqual(1);
    await officer.getByTestId('notification-bell').click();
    await expectHeading(officer, 'Notifications');
    const received = officer
      .locator('[data-testid="notification"][data-kind="answer_received"]')
      .filter({ hasText: reference });
    await expect.poll(() => received.count()).toBe(1);
    expect(await received.textContent()).toContain('Answer received');
  });
});
