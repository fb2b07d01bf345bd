import { describe, expect, it } from 'vitest';
import type { RequestContent } from './exchange.js';
import {
  checkComplete,
  checkItems,
  checkSubjectFormats,
  keyForPointer,
  pointerOf,
  toItems,
} from './exchange-rules.js';

const COMPLETE: RequestContent = {
  requestedNode: 'nl',
  purpose: 'Identify the driver',
  facts: 'A hit-and-run in Gent',
  reasonsHeld: 'Dutch plates',
  offenceCategory: 'vehicle_crime',
  language: 'nl',
  urgent: false,
  subjects: [
    {
      kind: 'vehicle',
      plate: 'AB-123-C',
      plateCountry: 'NL',
      category: 'suspect',
      statement: 'fact',
      link: 'The car that drove away',
    },
  ],
};

const paths = (content: RequestContent, kind: 'request' | 'spontaneous' = 'request') =>
  checkComplete(content, kind).map((s) => s.path);

describe('what a request lacks before it is sent (art. 4)', () => {
  it('finds nothing in a complete request', () => {
    expect(checkComplete(COMPLETE, 'request')).toEqual([]);
  });

  it('names each missing field by a JSON pointer, as the node does', () => {
    expect(paths({})).toEqual([
      '/requestedNode',
      '/purpose',
      '/facts',
      '/reasonsHeld',
      '/offenceCategory',
      '/language',
      '/subjects',
    ]);
  });

  it('asks for a description of an offence in the category "other"', () => {
    expect(paths({ ...COMPLETE, offenceCategory: 'other' })).toEqual(['/offenceDescription']);
  });

  it('asks an urgent request for its ground and justification', () => {
    expect(paths({ ...COMPLETE, urgent: true })).toEqual([
      '/urgencyGround',
      '/urgencyJustification',
    ]);
    const ground = checkComplete({ ...COMPLETE, urgencyGround: 'threat_to_life' }, 'request');
    expect(ground).toEqual([{ path: '/urgencyGround', key: 'urgencyGroundNotUrgent' }]);
  });

  it('checks every subject: category (not for organisations), statement, link, identification', () => {
    const found = paths({
      ...COMPLETE,
      subjects: [
        { kind: 'person', surname: 'Peeters' },
        { kind: 'organisation', name: 'Acme', statement: 'fact', link: 'owner' },
        { kind: 'address', category: 'witness', statement: 'fact', link: 'lives there' },
      ],
    });
    expect(found).toEqual([
      '/subjects/0/category',
      '/subjects/0/statement',
      '/subjects/0/link',
      '/subjects/0/givenNames',
      '/subjects/2/city',
    ]);
  });

  it('does not ask a spontaneous provision for reasons, subjects or links, nor allow urgency', () => {
    const { reasonsHeld: _, ...provision } = COMPLETE;
    expect(paths({ ...provision, subjects: [] }, 'spontaneous')).toEqual([]);
    expect(paths({ ...provision, urgent: true }, 'spontaneous')).toEqual(['/urgent']);
  });
});

describe('formats the node would refuse even in a draft', () => {
  it('checks codes, VIN, phone, e-mail, IBAN and BIC', () => {
    const wrong = checkSubjectFormats(
      [
        { kind: 'vehicle', vin: 'IOQ', plateCountry: 'nl' },
        { kind: 'phone', number: 'call me' },
        { kind: 'email', address: 'nobody' },
        { kind: 'bank_account', iban: 'BE68 5390', bic: 'GEBA' },
        { kind: 'person', nationalities: ['BE', 'BE'], birthDate: '2999-01-01' },
      ],
      '/subjects',
    );
    expect(wrong.map((w) => w.path)).toEqual([
      '/subjects/0/plateCountry',
      '/subjects/0/vin',
      '/subjects/1/number',
      '/subjects/2/address',
      '/subjects/3/iban',
      '/subjects/3/bic',
      '/subjects/4/birthDate',
      '/subjects/4/nationalities',
    ]);
  });

  it('accepts well-formed values', () => {
    expect(
      checkSubjectFormats(
        [
          { kind: 'vehicle', vin: 'WVWZZZ1JZXW000001', plateCountry: 'NL' },
          { kind: 'phone', number: '+32 2 123 45 67' },
          { kind: 'bank_account', iban: 'BE68539007547034', bic: 'GEBABEBB' },
          { kind: 'person', nationalities: ['BE', 'NL'], birthDate: '1980-02-29' },
        ],
        '/subjects',
      ),
    ).toEqual([]);
  });
});

describe('items supplied', () => {
  const item = {
    body: 'Registered to J. Jansen',
    handlingCode: 'H2',
    handlingNote: '',
    sourceReliability: 'B',
    informationAccuracy: '2',
    subjects: [],
  };

  it('need a handling code, a note with H3 and an evaluation', () => {
    expect(checkItems([item])).toEqual([]);
    expect(checkItems([{ ...item, handlingCode: 'H3' }]).map((s) => s.path)).toEqual([
      '/items/0/handlingNote',
    ]);
    expect(
      checkItems([{ ...item, body: ' ', sourceReliability: '', informationAccuracy: '' }]).map(
        (s) => s.path,
      ),
    ).toEqual(['/items/0/body', '/items/0/sourceReliability', '/items/0/informationAccuracy']);
    expect(checkItems([])).toEqual([{ path: '/items', key: 'items' }]);
  });

  it('are sent with the note only for H3', () => {
    expect(toItems([{ ...item, handlingNote: 'left over' }])).toEqual([
      {
        body: 'Registered to J. Jansen',
        handlingCode: 'H2',
        sourceReliability: 'B',
        informationAccuracy: '2',
      },
    ]);
  });
});

describe("paths in the node's answers", () => {
  it('are read as pointers into the content', () => {
    expect(pointerOf('/purpose')).toBe('/purpose');
    expect(pointerOf('body/subjects/0/vin')).toBe('/subjects/0/vin');
    expect(pointerOf('body')).toBe('');
  });

  it('find their message whatever the position in a list', () => {
    expect(keyForPointer('/subjects/12/link')).toBe('link');
    expect(keyForPointer('/items/3/handlingNote')).toBe('handlingNote');
    expect(keyForPointer('/requestedNode')).toBe('requestedNode');
    expect(keyForPointer('/unknown')).toBeUndefined();
  });
});
