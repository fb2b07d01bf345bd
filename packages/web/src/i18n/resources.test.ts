import { describe, expect, it } from 'vitest';
import {
  ACCESSIBILITY,
  DATA_SUBJECT_CATEGORIES,
  DEADLINE_CLASSES,
  DIRECTIONS,
  EVENT_KINDS,
  HANDLING_CODES,
  IDENTITY_DOCUMENT_TYPES,
  INFORMATION_ACCURACY,
  NOTIFICATION_KINDS,
  OFFENCE_CATEGORIES,
  REFUSAL_GROUNDS,
  REQUEST_KINDS,
  REQUEST_LANGUAGES,
  REQUEST_STATES,
  SIDES,
  SOURCE_RELIABILITY,
  SPOC_COPY_EXCEPTIONS,
  STATEMENT_KINDS,
  SUBJECT_KINDS,
  URGENCY_GROUNDS,
} from '../api/exchange.js';
import { checkComplete, checkItems, checkSubjectFormats } from '../api/exchange-rules.js';
import { AGENCY_KINDS, LANGUAGES, OUTCOMES, ROLES } from '../api/types.js';
import { SUBJECT_FIELDS } from '../components/subjects-editor.js';
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

  it('name every value of the exchange vocabularies', () => {
    const lists: [string, readonly string[]][] = [
      ['exchange.states', REQUEST_STATES],
      ['exchange.urgencyGrounds', URGENCY_GROUNDS],
      ['exchange.refusalGrounds', REFUSAL_GROUNDS],
      ['exchange.refusalGroundsShort', REFUSAL_GROUNDS],
      ['exchange.spocCopy', ['copy', ...SPOC_COPY_EXCEPTIONS]],
      ['exchange.spocCopyHelp', SPOC_COPY_EXCEPTIONS],
      ['exchange.handlingCodes', HANDLING_CODES],
      ['exchange.reliability', SOURCE_RELIABILITY],
      ['exchange.accuracy', INFORMATION_ACCURACY],
      ['exchange.subjectKinds', SUBJECT_KINDS],
      ['exchange.categories', DATA_SUBJECT_CATEGORIES],
      ['exchange.statements', STATEMENT_KINDS],
      ['exchange.documentTypes', IDENTITY_DOCUMENT_TYPES],
      ['exchange.offences', OFFENCE_CATEGORIES],
      ['exchange.deadlineClasses', DEADLINE_CLASSES],
      ['exchange.accessibility', ACCESSIBILITY],
      ['exchange.accessibilityHelp', ACCESSIBILITY],
      ['exchange.directions', DIRECTIONS],
      ['exchange.kinds', REQUEST_KINDS],
      ['exchange.sides', SIDES],
      ['exchange.events', EVENT_KINDS],
      ['notifications.kinds', NOTIFICATION_KINDS],
      ['language', REQUEST_LANGUAGES],
    ];
    for (const [prefix, values] of lists) {
      for (const value of values)
        expect(english.has(`${prefix}.${value}`), `${prefix}.${value}`).toBe(true);
    }
    for (const spec of Object.values(SUBJECT_FIELDS).flat()) {
      expect(english.has(`exchange.subjectFields.${spec.name}`), spec.name).toBe(true);
      if (spec.help)
        expect(english.has(`exchange.subjects.help.${spec.help}`), spec.help).toBe(true);
    }
    // Each refusal ground shows its letter of art. 6(1).
    for (const ground of REFUSAL_GROUNDS) {
      for (const language of LANGUAGES) {
        const text = flatten(RESOURCES[language]).get(`exchange.refusalGrounds.${ground}`) ?? '';
        expect(text.startsWith(`${ground.charAt(0)})`), `${language} ${ground}`).toBe(true);
      }
    }
  });

  it('have a message for every shortcoming the forms can find', () => {
    const everything = [
      ...checkComplete({ urgent: true, subjects: [] }, 'request'),
      ...checkComplete({ urgent: true }, 'spontaneous'),
      ...checkComplete({ urgencyGround: 'threat_to_life', offenceCategory: 'other' }, 'request'),
      ...checkComplete({ subjects: SUBJECT_KINDS.map((kind) => ({ kind })) }, 'request'),
      ...checkSubjectFormats(
        [
          {
            kind: 'person',
            birthDate: 'x',
            nationalities: ['b'],
            documents: [{ type: 'passport', number: '', issuingCountry: 'x' }],
          },
          { kind: 'vehicle', plateCountry: 'x', vin: 'x' },
          { kind: 'phone', number: 'x' },
          { kind: 'email', address: 'x' },
          { kind: 'bank_account', iban: 'x', bic: 'x' },
        ],
        '/subjects',
      ),
      ...checkItems([]),
      ...checkItems([
        {
          body: '',
          handlingCode: '',
          handlingNote: '',
          sourceReliability: '',
          informationAccuracy: '',
          subjects: [],
        },
        {
          body: 'x',
          handlingCode: 'H3',
          handlingNote: '',
          sourceReliability: 'A',
          informationAccuracy: '1',
          subjects: [],
        },
      ]),
    ];
    expect(everything.length).toBeGreaterThan(20);
    for (const { key } of everything) {
      expect(english.has(`exchange.validation.${key}`), key).toBe(true);
    }
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
      'request_incomplete',
      'invalid_transition',
      'invalid_attachment',
      'attachment_too_large',
      'attachment_type_mismatch',
      'not_a_draft',
      'expected_in_past',
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
