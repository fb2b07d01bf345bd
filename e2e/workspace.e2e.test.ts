import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  seriousAccessibilityViolations,
  startDemoNode,
  type StartedNode,
} from './support.js';

const DEMO_PASSWORD = 'senningen-demo-2026';

let node: StartedNode;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  node = await startDemoNode();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'en-GB' });
});

afterAll(async () => {
  await browser?.close();
  await node?.stop();
});

async function expectAccessible(): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** Fills the sign-in form (labels as in the current language). */
async function signIn(
  username: string,
  labels: { username: string; password: string; submit: string },
) {
  await page.getByLabel(labels.username).fill(username);
  await page.getByLabel(labels.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** Enrols a TOTP second factor from the enrolment screen, reading the secret off the page. */
async function enrol(labels: { start: string; code: string; confirm: string }) {
  await page.getByRole('button', { name: labels.start }).click();
  const secret = await page.locator('code[data-secret]').getAttribute('data-secret');
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  await expect.poll(() => page.getByRole('img').count()).toBe(1);
  await page.getByLabel(labels.code).fill(await generate({ secret: secret! }));
  await page.getByRole('button', { name: labels.confirm }).click();
}

describe('the web workspace', () => {
  it('shows the sign-in page, accessibly, and a translated error for a wrong password', async () => {
    await page.goto(`${node.url}/app/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expectAccessible();
    await page.getByLabel('Username').fill('admin.be');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The username or password is incorrect.');
  });

  it('lets an administrator enrol a second factor, switch language and create a user', async () => {
    await signIn('admin.be', { username: 'Username', password: 'Password', submit: 'Sign in' });
    // admin.be prefers Dutch, and must enrol a second factor before anything else.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Tweestapsverificatie instellen');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectAccessible();
    await enrol({ start: 'Beginnen', code: 'Verificatiecode', confirm: 'Bevestigen' });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Welkom, An Peeters');

    await page.locator('header').getByLabel('Taal').selectOption('fr');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Bienvenue, An Peeters');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');

    await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Utilisateurs');
    await expect.poll(() => page.getByRole('cell', { name: 'Pieter Claes' }).count()).toBe(1);
    await expectAccessible();

    const form = page.locator('form.card');
    await form.getByLabel("Nom d'utilisateur").fill('e2e.lambert');
    await form.getByLabel("Nom d'affichage").fill('Lucie Lambert');
    await form.getByLabel('Policier').check();
    await form.getByLabel('Analyste').check();
    await form.getByLabel('Mot de passe initial').fill('a long initial password');
    await form.getByRole('button', { name: 'Créer' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe("L'utilisateur e2e.lambert a été créé.");
    await expect.poll(() => page.getByRole('rowheader', { name: 'e2e.lambert' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Connexion');
  });

  it('shows the DPO that user creation in the audit log', async () => {
    await signIn('dpo.be', {
      username: "Nom d'utilisateur",
      password: 'Mot de passe',
      submit: 'Se connecter',
    });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Configurer la vérification en deux étapes');
    await enrol({ start: 'Commencer', code: "Code d'authentification", confirm: 'Confirmer' });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Bienvenue, Marc Lambert');

    await page.getByRole('navigation').getByRole('link', { name: "Journal d'audit" }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe("Journal d'audit");
    await page.getByLabel('Action', { exact: true }).fill('user.create');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const row = page.getByRole('row').filter({ hasText: 'e2e.lambert' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('admin.be');
    expect(await row.textContent()).toContain('Réussi');
    await expectAccessible();

    await page.locator('header').getByLabel('Langue').selectOption('de');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Prüfprotokoll');
    await expectAccessible();

    const csv = await page.request.get(
      `${node.url}${await page.getByRole('link', { name: 'Als CSV herunterladen' }).getAttribute('href')}`,
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('e2e.lambert');
  });
});
