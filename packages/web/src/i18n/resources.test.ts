import { describe, expect, it } from 'vitest';
import { AGENCY_KINDS, LANGUAGES, OUTCOMES, ROLES } from '../api/types.js';
import { RESOURCES, currentLocale, initialLanguage } from './index.js';

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → text, for every text of a resource tree. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') result.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) result.set(k, v);
  }
  return result;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const english = flatten(RESOURCES.en);

describe('the translations', () => {
  it.each(LANGUAGES)('%s has exactly the texts English has, none empty', (language) => {
    const texts = flatten(RESOURCES[language]);
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of texts) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it('name every role, agency kind, audit outcome and language', () => {
    for (const role of ROLES) expect(english.has(`roles.${role}`), role).toBe(true);
    for (const kind of AGENCY_KINDS) expect(english.has(`kinds.${kind}`), kind).toBe(true);
    for (const outcome of OUTCOMES) expect(english.has(`outcomes.${outcome}`), outcome).toBe(true);
    for (const language of LANGUAGES) expect(english.has(`language.${language}`)).toBe(true);
  });

  it('cover the error codes of the API the screens can meet', () => {
    const codes = [
      'invalid_credentials',
      'second_factor_missing',
      'invalid_second_factor',
      'login_locked',
      'validation_failed',
      'unauthenticated',
      'second_factor_required',
      'second_factor_already_enrolled',
      'wrong_current_password',
      'password_too_short',
      'agency_code_taken',
      'spoc_already_designated',
      'outside_reach',
      'cannot_disable_own_agency',
      'username_taken',
      'cannot_change_own_access',
      'agency_disabled',
      'forbidden',
      'not_found',
      'csrf_token_invalid',
      'federation_not_configured',
      'unknown_peer',
      'not_dead_letter',
      'register_unavailable',
      'register_expired',
    ];
    for (const code of codes) expect(english.has(`errors.${code}`), code).toBe(true);
  });
});

describe('the language before sign-in', () => {
  it('is the one chosen earlier on this device', () => {
    expect(initialLanguage('de', ['fr-BE'])).toBe('de');
  });

  it('else the first preferred browser language Senningen speaks', () => {
    expect(initialLanguage(null, ['es-ES', 'fr-BE', 'nl-BE'])).toBe('fr');
    expect(initialLanguage('xx', ['NL'])).toBe('nl');
  });

  it('else English', () => {
    expect(initialLanguage(null, ['es-ES', 'it'])).toBe('en');
  });

  it('formats in the Belgian locale of the language, British English for English', () => {
    expect(LANGUAGES.map(currentLocale)).toEqual(['nl-BE', 'fr-BE', 'de-BE', 'en-GB']);
  });
});
