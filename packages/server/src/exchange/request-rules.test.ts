import { describe, expect, it } from 'vitest';
import type { RequestContent } from './exchange.schemas.js';
import { checkComplete, checkItems } from './request-rules.js';

const complete: RequestContent = {
  requestedNode: 'nl',
  purpose: 'Identify the driver of a car used in a robbery.',
  facts: 'A petrol station in Lanaken was robbed on Monday night.',
  reasonsHeld: 'The car carries a Dutch plate.',
  offenceCategory: 'robbery',
  language: 'nl',
  subjects: [
    {
      kind: 'vehicle',
      category: 'suspect',
      statement: 'fact',
      link: 'Used to flee the scene.',
      plate: '12-ABC-3',
      plateCountry: 'NL',
    },
  ],
};

const paths = (content: RequestContent, kind: 'request' | 'spontaneous' = 'request') =>
  checkComplete(content, kind).map((s) => s.path);

describe('the content art. 4 requires before a request is sent', () => {
  it('accepts a complete request', () => {
    expect(checkComplete(complete, 'request')).toEqual([]);
  });

  it.each([
    ['requestedNode', '/requestedNode'],
    ['purpose', '/purpose'],
    ['facts', '/facts'],
    ['reasonsHeld', '/reasonsHeld'],
    ['offenceCategory', '/offenceCategory'],
    ['language', '/language'],
  ] as const)('names a missing %s', (field, path) => {
    const { [field]: _left, ...rest } = complete;
    expect(paths(rest)).toEqual([path]);
  });

  it('treats text of spaces as missing', () => {
    expect(paths({ ...complete, purpose: '   ' })).toEqual(['/purpose']);
  });

  it('asks for a description of an offence of category "other"', () => {
    expect(paths({ ...complete, offenceCategory: 'other' })).toEqual(['/offenceDescription']);
    expect(
      paths({ ...complete, offenceCategory: 'other', offenceDescription: 'Illegal dumping' }),
    ).toEqual([]);
  });

  it('wants one of the four grounds of art. 4(4) and a justification for an urgent request', () => {
    expect(paths({ ...complete, urgent: true })).toEqual([
      '/urgencyGround',
      '/urgencyJustification',
    ]);
    expect(
      paths({
        ...complete,
        urgent: true,
        urgencyGround: 'threat_to_life',
        urgencyJustification: 'A life.',
      }),
    ).toEqual([]);
    expect(paths({ ...complete, urgencyGround: 'threat_to_life' })).toEqual(['/urgencyGround']);
  });

  it('needs at least one subject, each with category, fact/assessment marker and link to the purpose', () => {
    expect(paths({ ...complete, subjects: [] })).toEqual(['/subjects']);
    expect(
      paths({ ...complete, subjects: [{ kind: 'person', surname: 'Peeters', givenNames: 'Jan' }] }),
    ).toEqual(['/subjects/0/category', '/subjects/0/statement', '/subjects/0/link']);
    // An organisation is not a data subject: no category needed.
    expect(
      paths({
        ...complete,
        subjects: [
          { kind: 'organisation', statement: 'fact', link: 'Owner.', name: 'BV Voorbeeld' },
        ],
      }),
    ).toEqual([]);
  });

  it.each([
    [{ kind: 'person', surname: 'Peeters' }, '/subjects/0/givenNames'],
    [{ kind: 'person', givenNames: 'Jan' }, '/subjects/0/surname'],
    [{ kind: 'vehicle' }, '/subjects/0/plate'],
    [{ kind: 'organisation' }, '/subjects/0/name'],
    [{ kind: 'phone' }, '/subjects/0/number'],
    [{ kind: 'email' }, '/subjects/0/address'],
    [{ kind: 'address', street: 'Kerkstraat' }, '/subjects/0/city'],
    [{ kind: 'bank_account', holder: 'J. Peeters' }, '/subjects/0/iban'],
  ] as const)('asks for what identifies a %o', (subject, path) => {
    const described = {
      ...subject,
      category: 'suspect',
      statement: 'fact',
      link: 'Involved.',
    } as const;
    expect(paths({ ...complete, subjects: [described as never] })).toEqual([path]);
  });

  it('does not ask a spontaneous provision why the information is held there, nor for subjects', () => {
    const { reasonsHeld: _r, subjects: _s, ...rest } = complete;
    expect(paths(rest, 'spontaneous')).toEqual([]);
    expect(paths({ ...rest, urgent: true }, 'spontaneous')).toEqual(['/urgent']);
  });
});

describe('items supplied', () => {
  it('need the restriction in words with handling code H3', () => {
    expect(checkItems([{ handlingCode: 'H3' }, { handlingCode: 'H2' }])).toEqual([
      { path: '/items/0/handlingNote', message: 'H3 needs the restriction in words.' },
    ]);
    expect(checkItems([{ handlingCode: 'H3', handlingNote: 'Not for municipalities.' }])).toEqual(
      [],
    );
  });
});
