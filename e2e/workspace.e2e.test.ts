import { generate } from 'otplib';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  seriousAccessibilityViolations,
  startDemoNode,
  watchForPageProblems,
  type StartedNode,
} from './support.js';

const DEMO_PASSWORD = 'senningen-demo-2026';
const NEW_USER = 'e2e.lambert';

let node: StartedNode;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  node = await startDemoNode();
  browser = await launchBrowser();
  // The browser prefers English: that is the language before anyone signs in.
  page = await browser.newPage({ locale: 'en-GB' });
  problems = watchForPageProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await node?.stop();
});

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

/** The text that describes a field for assistive technology (its aria-describedby targets). */
async function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

interface SignInLabels {
  username: string;
  password: string;
  submit: string;
}

async function signIn(username: string, labels: SignInLabels, password = DEMO_PASSWORD) {
  await page.getByLabel(labels.username).fill(username);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

interface EnrolLabels {
  start: string;
  qrAlt: string;
  secret: string;
  code: string;
  confirm: string;
}

/** Enrols a TOTP second factor, reading the secret key off the page as a person would type it. */
async function enrol(labels: EnrolLabels, afterStart?: () => Promise<void>) {
  await page.getByRole('button', { name: labels.start }).click();
  await page.getByRole('img', { name: labels.qrAlt }).waitFor();
  const shown = await page
    .locator('dt', { hasText: labels.secret })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
  const secret = (shown ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await afterStart?.();
  await page.getByLabel(labels.code).fill(await generate({ secret }));
  await page.getByRole('button', { name: labels.confirm }).click();
}

describe('the web workspace', () => {
  it('signs nobody in with a wrong password, and says why in the chosen language', async () => {
    await page.goto(`${node.url}/app/`);
    await expectHeading('Sign in');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible('sign-in page, English');

    // Checked in the page, in the page's language, and tied to the fields.
    await page.getByRole('button', { name: 'Sign in' }).click();
    const username = page.getByLabel('Username');
    await expect.poll(() => username.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(username)).toContain('Fill in this field.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'username',
    );

    await username.fill('admin.be');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The username or password is incorrect.');

    await page.getByLabel('Language').selectOption('nl');
    await expectHeading('Aanmelden');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.getByRole('alert').textContent()).toBe(
      'De gebruikersnaam of het wachtwoord is onjuist.',
    );
    await expectAccessible('sign-in page with an error, Dutch');
  });

  it('has the administrator set up a second factor, then switch language and add a user', async () => {
    await signIn('admin.be', {
      username: 'Gebruikersnaam',
      password: 'Wachtwoord',
      submit: 'Aanmelden',
    });
    // An administrator must set up a second factor before anything else, and sees nothing else.
    await expectHeading('Tweestapsverificatie instellen');
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectAccessible('enrolment page, Dutch');
    await enrol(
      {
        start: 'Beginnen',
        qrAlt: 'QR-code om Senningen aan uw authenticator-app toe te voegen',
        secret: 'Geheime sleutel',
        code: 'Verificatiecode',
        confirm: 'Bevestigen',
      },
      () => expectAccessible('enrolment page with the QR code, Dutch'),
    );
    await expectHeading('Welkom, An Peeters');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Tweestapsverificatie is ingesteld.');

    // The switch applies at once and is kept as the user's preference.
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH',
      ),
      page.getByRole('banner').getByLabel('Taal').selectOption('fr'),
    ]);
    expect(saved.status()).toBe(200);
    await expectHeading('Bienvenue, An Peeters');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible('home page, French');

    // After a reload the session and the saved language are still there; for the keyboard
    // the first stop is the skip link, which leads to the main content.
    await page.reload();
    await expectHeading('Bienvenue, An Peeters');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Aller au contenu principal',
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    await page.getByRole('navigation').getByRole('link', { name: 'Services' }).click();
    await expectHeading('Services');
    await expect.poll(() => page.getByRole('rowheader', { name: 'BE-CGI' }).count()).toBe(1);
    await expectAccessible('agencies page, French');

    await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
    await expectHeading('Utilisateurs');
    // The focus follows the navigation to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect.poll(() => page.getByRole('cell', { name: 'Pieter Claes' }).count()).toBe(1);
    await expectAccessible('users page, French');

    const form = page.getByRole('form', { name: 'Nouvel utilisateur' });
    await form.getByRole('button', { name: 'Créer' }).click();
    const username = form.getByLabel("Nom d'utilisateur");
    await expect.poll(() => username.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(username)).toContain('Remplissez ce champ.');
    expect(await descriptionOf(form.getByRole('group', { name: 'Rôles' }))).toContain(
      'Choisissez au moins un rôle.',
    );
    await expectAccessible('users page with form errors, French');

    await username.fill('E2E Lambert');
    await form.getByLabel("Nom d'affichage").fill('Lucie Lambert');
    await form.getByLabel('Policier').check();
    await form.getByLabel('Analyste').check();
    await form.getByLabel('Mot de passe initial').fill('a long initial password');
    await form.getByRole('button', { name: 'Créer' }).click();
    await expect
      .poll(() => descriptionOf(username))
      .toContain('Utilisez 3 à 64 lettres minuscules');

    await username.fill(NEW_USER);
    await form.getByRole('button', { name: 'Créer' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe(`L'utilisateur ${NEW_USER} a été créé.`);
    await expect.poll(() => page.getByRole('rowheader', { name: NEW_USER }).count()).toBe(1);

    await page.getByRole('button', { name: `Désactiver (${NEW_USER})`, exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe(`L'utilisateur ${NEW_USER} a été désactivé.`);
    await page.getByRole('button', { name: `Activer (${NEW_USER})`, exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe(`L'utilisateur ${NEW_USER} a été activé.`);

    await page.getByRole('navigation').getByRole('link', { name: 'Mon compte' }).click();
    await expectHeading('Mon compte');
    await expectAccessible('account page, French');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expectHeading('Connexion');
  });

  it("shows the data protection officer that user's creation in the audit log", async () => {
    await signIn('dpo.be', {
      username: "Nom d'utilisateur",
      password: 'Mot de passe',
      submit: 'Se connecter',
    });
    await expectHeading('Configurer la vérification en deux étapes');
    await enrol({
      start: 'Commencer',
      qrAlt: "Code QR pour ajouter Senningen à votre application d'authentification",
      secret: 'Clé secrète',
      code: "Code d'authentification",
      confirm: 'Confirmer',
    });
    await expectHeading('Bienvenue, Marc Lambert');
    // Not an administrator: no agencies or users in the navigation.
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);

    await nav.getByRole('link', { name: "Journal d'audit" }).click();
    await expectHeading("Journal d'audit");
    await expectAccessible('audit page, French');
    await page.getByLabel('Action', { exact: true }).fill('user.create');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const row = page.getByRole('row').filter({ hasText: NEW_USER });
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('admin.be');
    expect(text).toContain('user.create');
    expect(text).toContain('Réussi');
    expect(text).toContain('officer,analyst');
    await expectAccessible('audit page with results, French');

    // The exports carry the filters of the search.
    const csvHref = await page
      .getByRole('link', { name: 'Télécharger en CSV' })
      .getAttribute('href');
    expect(csvHref).toContain('action=user.create');
    const csv = await page.request.get(`${node.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(NEW_USER);
    const jsonlHref = await page
      .getByRole('link', { name: 'Télécharger en JSON Lines' })
      .getAttribute('href');
    const jsonl = await page.request.get(`${node.url}${jsonlHref}`);
    expect(jsonl.status()).toBe(200);
    const entries = (await jsonl.text())
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { action: string; details: { username?: string } });
    expect(entries.every((e) => e.action === 'user.create')).toBe(true);
    expect(entries.some((e) => e.details.username === NEW_USER)).toBe(true);

    await page.getByRole('banner').getByLabel('Langue').selectOption('de');
    await expectHeading('Prüfprotokoll');
    expect(await row.textContent()).toContain('Erfolgreich');
    await expectAccessible('audit page with results, German');

    // When the session is gone, the next request leads back to the sign-in page.
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expectHeading('Anmelden');
  });

  it('locks an account after repeated failures and says until when', async () => {
    const labels = { username: 'Benutzername', password: 'Passwort', submit: 'Anmelden' };
    await expectAccessible('sign-in page, German');
    let status = 0;
    for (let attempt = 1; attempt <= 8 && status !== 429; attempt += 1) {
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
        signIn('analyst.antwerpen', labels, `wrong password ${attempt}`),
      ]);
      status = answer.status();
    }
    expect(status).toBe(429);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(
        /^Zu viele fehlgeschlagene Anmeldungen\. Versuchen Sie es nach \d{1,2}:\d{2} erneut\.$/,
      );
  });
});
