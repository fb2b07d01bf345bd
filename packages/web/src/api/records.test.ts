import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../i18n/index.js';
import {
  NOTICE_KINDS,
  PERMISSION_SIDES,
  PERMISSION_STATES,
  RECIPIENT_STATES,
  REVIEW_DECISIONS,
  REVIEW_STATES,
  consultationNoteProblem,
  latestNotice,
  reasonProblem,
  mayDo,
  reasonLabel,
  recipientState,
  subjectLabel,
  type Notice,
  type NoticeRecipient,
} from './records.js';

const recipient = (over: Partial<NoticeRecipient> = {}): NoticeRecipient => ({
  node: 'nl',
  viaNode: null,
  sentAt: '2026-11-01T10:00:00Z',
  dueAt: '2026-11-08T10:00:00Z',
  confirmedAt: null,
  overdue: false,
  ...over,
});

describe('a recipient of a notice', () => {
  it('has confirmed once a confirmation arrived, late or not', () => {
    expect(recipientState(recipient({ confirmedAt: '2026-11-02T10:00:00Z' }))).toBe('confirmed');
    expect(recipientState(recipient({ confirmedAt: '2026-11-09T10:00:00Z', overdue: true }))).toBe(
      'confirmed',
    );
  });

  it('is waiting until its due date, then overdue', () => {
    expect(recipientState(recipient())).toBe('waiting');
    expect(recipientState(recipient({ overdue: true }))).toBe('overdue');
  });
});

describe('the note of a consultation with a stated reason', () => {
  it('takes 10 to 500 characters, blanks at the ends not counted', () => {
    expect(consultationNoteProblem('')).toBe('required');
    expect(consultationNoteProblem('    ')).toBe('required');
    expect(consultationNoteProblem('  too short  ')).toBe('tooShort');
    expect(consultationNoteProblem('0123456789')).toBeUndefined();
    expect(consultationNoteProblem('x'.repeat(500))).toBeUndefined();
    expect(consultationNoteProblem('x'.repeat(501))).toBe('tooLong');
  });
});

describe('the reason of an action on a record', () => {
  it('takes at least 5 characters, blanks at the ends not counted', () => {
    expect(reasonProblem('  ')).toBe('required');
    expect(reasonProblem(' abcd ')).toBe('tooShort');
    expect(reasonProblem('abcde')).toBeUndefined();
  });
});

describe('a consultation reason', () => {
  const reason = {
    code: 'identity_check',
    labels: { nl: 'Identiteitscontrole', en: 'Identity check' },
  };

  it('is named in the reader’s language, else in English, else by its code', () => {
    expect(reasonLabel(reason, 'nl')).toBe('Identiteitscontrole');
    expect(reasonLabel(reason, 'de')).toBe('Identity check');
    expect(reasonLabel({ code: 'other', labels: {} }, 'fr')).toBe('other');
  });
});

describe('the name of a record', () => {
  it('writes a person as SURNAME, Given names, with the particle', () => {
    expect(
      subjectLabel({
        kind: 'person',
        surname: 'Stralen',
        surnamePrefix: 'van',
        givenNames: 'Jordy',
      }),
    ).toBe('VAN STRALEN, Jordy');
    expect(subjectLabel({ kind: 'person', surname: 'Lambrecht' })).toBe('LAMBRECHT');
  });

  it('names the other kinds by what identifies them', () => {
    expect(subjectLabel({ kind: 'vehicle', plate: 'K-718-SX', vin: 'WVW' })).toBe('K-718-SX');
    expect(subjectLabel({ kind: 'organisation', name: 'Transport BV' })).toBe('Transport BV');
    expect(subjectLabel({ kind: 'phone', number: '+32 470 12 34 56' })).toBe('+32 470 12 34 56');
    expect(subjectLabel({ kind: 'email', address: 'a@example.org' })).toBe('a@example.org');
    expect(subjectLabel({ kind: 'bank_account', iban: 'BE71096123456769' })).toBe(
      'BE71096123456769',
    );
    expect(
      subjectLabel({
        kind: 'address',
        street: 'Zeedijk',
        houseNumber: '12',
        postalCode: '8300',
        city: 'Knokke-Heist',
      }),
    ).toBe('Zeedijk 12, 8300 Knokke-Heist');
  });

  it('is empty for an erased or restricted placeholder', () => {
    expect(subjectLabel({ kind: 'person', id: 'x', category: 'suspect' })).toBe('');
  });
});

describe('the notices of a record', () => {
  const notice = (id: string, kind: Notice['kind'], issuedAt: string): Notice => ({
    id,
    kind,
    originNode: 'be',
    fromNode: null,
    issuedAt,
    issuedBy: null,
    reason: 'r',
    recipients: [],
  });

  it('give the newest of a kind', () => {
    const notices = [
      notice('a', 'restriction', '2026-11-01T10:00:00Z'),
      notice('b', 'restriction', '2026-11-03T10:00:00Z'),
      notice('c', 'erasure', '2026-11-02T10:00:00Z'),
    ];
    expect(latestNotice(notices, 'restriction')?.id).toBe('b');
    expect(latestNotice(notices, 'rectification')).toBeUndefined();
  });
});

describe('the actions on a record', () => {
  it('are those the server allows, and no others', () => {
    expect(mayDo({ allowed: ['erase', 'restrict'] }, 'erase')).toBe(true);
    expect(mayDo({ allowed: ['erase', 'restrict'] }, 'forward')).toBe(false);
  });
});

describe('the texts of the records', () => {
  it('name every value of their closed lists in every language', () => {
    const lists: [string, readonly string[]][] = [
      ['recipientStates', RECIPIENT_STATES],
      ['permissionStates', PERMISSION_STATES],
      ['permissionSides', PERMISSION_SIDES],
      ['noticeKinds', NOTICE_KINDS],
      ['reviews.decisions', REVIEW_DECISIONS],
      ['reviews.decisionHelp', REVIEW_DECISIONS],
      ['reviews.states', REVIEW_STATES],
      ['consult', ['note_required', 'note_tooShort', 'note_tooLong']],
      ['inRequest', ['restricted', 'erased']],
      ['badges', ['restricted', 'erased']],
      // The forms of the actions that take one text.
      ...['restrict', 'markInaccurate', 'forward', 'askPermission'].map(
        (action): [string, readonly string[]] => [
          `actions.${action}`,
          ['title', 'intro', 'label', 'submit', 'done'],
        ],
      ),
      ['actions', ['reasonRequired', 'noteRequired', 'purposeRequired']],
    ];
    for (const [language, resources] of Object.entries(RESOURCES)) {
      const texts = resources.records as unknown as Record<string, unknown>;
      for (const [path, values] of lists) {
        const group = path
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], texts) as Record<
          string,
          unknown
        >;
        for (const value of values) {
          expect(typeof group[value], `${language} ${path}.${value}`).toBe('string');
        }
      }
    }
  });
});
