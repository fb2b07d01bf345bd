import type { Item, RequestContent, RequestKind, Subject } from './exchange.js';

/**
 * What a request lacks, checked in the browser before it is saved or sent. The completeness
 * rules mirror packages/server/src/exchange/request-rules.ts (art. 4(3) and 5(1) of Directive
 * 2023/977); the format rules mirror the patterns of exchange.schemas.ts. Each shortcoming
 * names its field by a JSON pointer into the content, as the server's 422 answer does, and a
 * translation key for the message.
 */
export interface Shortcoming {
  path: string;
  key: string;
}

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/**
 * The translation key (under exchange.validation) for each place the server's request_incomplete
 * answer can point at, with array positions as "*". A path not listed keeps the server's message.
 */
const KEYS_BY_PATH: Record<string, string> = {
  '/requestedNode': 'requestedNode',
  '/purpose': 'purpose',
  '/facts': 'facts',
  '/reasonsHeld': 'reasonsHeld',
  '/offenceCategory': 'offenceCategory',
  '/offenceDescription': 'offenceDescription',
  '/language': 'language',
  '/urgent': 'urgentSpontaneous',
  '/urgencyGround': 'urgencyGround',
  '/urgencyJustification': 'urgencyJustification',
  '/subjects': 'subjects',
  '/subjects/*/category': 'category',
  '/subjects/*/statement': 'statement',
  '/subjects/*/link': 'link',
  '/subjects/*/surname': 'surname',
  '/subjects/*/givenNames': 'givenNames',
  '/subjects/*/plate': 'plate',
  '/subjects/*/name': 'name',
  '/subjects/*/number': 'number',
  '/subjects/*/address': 'address',
  '/subjects/*/city': 'city',
  '/subjects/*/iban': 'iban',
  '/items': 'items',
  '/items/*/body': 'body',
  '/items/*/handlingCode': 'handlingCode',
  '/items/*/handlingNote': 'handlingNote',
  '/items/*/sourceReliability': 'sourceReliability',
  '/items/*/informationAccuracy': 'informationAccuracy',
};

/**
 * A server path as a JSON pointer into the content: validation errors say "body/purpose", the
 * art. 4 check "/purpose".
 */
export function pointerOf(path: string): string {
  const pointer = path.replace(/^body(?=\/|$)/, '');
  return pointer.startsWith('/') || pointer === '' ? pointer : `/${pointer}`;
}

/** The translation key (without "exchange.validation.") for a pointer, if there is one. */
export function keyForPointer(pointer: string): string | undefined {
  return KEYS_BY_PATH[pointer.replace(/\/\d+(?=\/|$)/g, '/*')];
}

/**
 * What a request (or a spontaneous provision) lacks before it may be sent: the content art. 4(3)
 * requires, and the urgency ground of art. 5(1) when it is marked urgent. Empty means complete.
 */
export function checkComplete(content: RequestContent, kind: RequestKind): Shortcoming[] {
  const missing: Shortcoming[] = [];
  const need = (path: string, key = keyForPointer(path) ?? 'required') =>
    missing.push({ path, key });

  const provision = kind === 'spontaneous';
  if (blank(content.requestedNode)) {
    need('/requestedNode', provision ? 'recipientNode' : undefined);
  }
  if (blank(content.purpose)) need('/purpose', provision ? 'purposeProvision' : undefined);
  if (blank(content.facts)) need('/facts');
  if (kind === 'request' && blank(content.reasonsHeld)) need('/reasonsHeld');
  if (content.offenceCategory === undefined) need('/offenceCategory');
  else if (content.offenceCategory === 'other' && blank(content.offenceDescription)) {
    need('/offenceDescription');
  }
  if (content.language === undefined) need('/language');

  if (content.urgent === true) {
    if (kind === 'spontaneous') need('/urgent');
    else {
      if (content.urgencyGround === undefined) need('/urgencyGround');
      if (blank(content.urgencyJustification)) need('/urgencyJustification');
    }
  } else if (content.urgencyGround !== undefined) {
    need('/urgencyGround', 'urgencyGroundNotUrgent');
  }

  const subjects = content.subjects ?? [];
  if (kind === 'request' && subjects.length === 0) need('/subjects');
  subjects.forEach((subject, i) => {
    const at = `/subjects/${i}`;
    if (subject.kind !== 'organisation' && subject.category === undefined) {
      need(`${at}/category`);
    }
    if (subject.statement === undefined) need(`${at}/statement`);
    if (kind === 'request' && blank(subject.link)) need(`${at}/link`);
    const field = unidentified(subject);
    if (field !== null) need(`${at}/${field}`);
  });
  return missing;
}

/** The field a subject needs to be found by, when it says too little; else null. */
function unidentified(subject: Subject): string | null {
  switch (subject.kind) {
    case 'person':
      if (blank(subject.surname)) return 'surname';
      return blank(subject.givenNames) && !subject.birthDate && !subject.documents?.length
        ? 'givenNames'
        : null;
    case 'vehicle':
      return blank(subject.plate) && blank(subject.vin) ? 'plate' : null;
    case 'organisation':
      return blank(subject.name) ? 'name' : null;
    case 'phone':
      return blank(subject.number) ? 'number' : null;
    case 'email':
      return blank(subject.address) ? 'address' : null;
    case 'address':
      return blank(subject.city) && blank(subject.postalCode) ? 'city' : null;
    case 'bank_account':
      return blank(subject.iban) ? 'iban' : null;
  }
}

const COUNTRY = /^[A-Z]{2}$/;
const VIN = /^[A-HJ-NPR-Z0-9]{11,17}$/;
const PHONE = /^\+?[0-9 ()./-]{3,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$/;
const BIC = /^[A-Z0-9]{8}([A-Z0-9]{3})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Values the server's schema would refuse even in a draft: checked before every save. */
export function checkSubjectFormats(subjects: readonly Subject[], at: string): Shortcoming[] {
  const wrong: Shortcoming[] = [];
  const test = (value: string | undefined, pattern: RegExp, path: string, key: string) => {
    if (value !== undefined && value !== '' && !pattern.test(value)) wrong.push({ path, key });
  };
  subjects.forEach((subject, i) => {
    const base = `${at}/${i}`;
    switch (subject.kind) {
      case 'person': {
        test(subject.birthDate, DATE, `${base}/birthDate`, 'format.date');
        if (subject.birthDate && Date.parse(subject.birthDate) > Date.now()) {
          wrong.push({ path: `${base}/birthDate`, key: 'format.future' });
        }
        const nationalities = subject.nationalities ?? [];
        if (
          nationalities.some((n) => !COUNTRY.test(n)) ||
          new Set(nationalities).size !== nationalities.length ||
          nationalities.length > 5
        ) {
          wrong.push({ path: `${base}/nationalities`, key: 'format.nationalities' });
        }
        (subject.documents ?? []).forEach((document, d) => {
          if (blank(document.number)) {
            wrong.push({ path: `${base}/documents/${d}/number`, key: 'documentNumber' });
          }
          test(
            document.issuingCountry,
            COUNTRY,
            `${base}/documents/${d}/issuingCountry`,
            'format.country',
          );
        });
        break;
      }
      case 'vehicle':
        test(subject.plateCountry, COUNTRY, `${base}/plateCountry`, 'format.country');
        test(subject.vin, VIN, `${base}/vin`, 'format.vin');
        break;
      case 'organisation':
        test(subject.country, COUNTRY, `${base}/country`, 'format.country');
        break;
      case 'phone':
        test(subject.number, PHONE, `${base}/number`, 'format.phone');
        break;
      case 'email':
        test(subject.address, EMAIL, `${base}/address`, 'format.email');
        break;
      case 'address':
        test(subject.country, COUNTRY, `${base}/country`, 'format.country');
        break;
      case 'bank_account':
        test(subject.iban, IBAN, `${base}/iban`, 'format.iban');
        test(subject.bic, BIC, `${base}/bic`, 'format.bic');
        break;
    }
  });
  return wrong;
}

/** An item being written: the selects may still be unchosen (''). */
export interface ItemDraftValues {
  body: string;
  handlingCode: string;
  handlingNote: string;
  sourceReliability: string;
  informationAccuracy: string;
  subjects: readonly Subject[];
}

/** What items supplied lack: a body, a handling code (with a note for H3), an evaluation. */
export function checkItems(items: readonly ItemDraftValues[], at = '/items'): Shortcoming[] {
  if (items.length === 0) return [{ path: at, key: 'items' }];
  return items.flatMap((item, i) => {
    const base = `${at}/${i}`;
    const missing: Shortcoming[] = [];
    if (blank(item.body)) missing.push({ path: `${base}/body`, key: 'body' });
    if (item.handlingCode === '') {
      missing.push({ path: `${base}/handlingCode`, key: 'handlingCode' });
    } else if (item.handlingCode === 'H3' && blank(item.handlingNote)) {
      missing.push({ path: `${base}/handlingNote`, key: 'handlingNote' });
    }
    if (item.sourceReliability === '') {
      missing.push({ path: `${base}/sourceReliability`, key: 'sourceReliability' });
    }
    if (item.informationAccuracy === '') {
      missing.push({ path: `${base}/informationAccuracy`, key: 'informationAccuracy' });
    }
    missing.push(...checkSubjectFormats(item.subjects, `${base}/subjects`));
    return missing;
  });
}

/** Items as the API takes them, once checkItems found nothing. */
export function toItems(items: readonly ItemDraftValues[]): Item[] {
  return items.map((item) => ({
    body: item.body.trim(),
    handlingCode: item.handlingCode as Item['handlingCode'],
    ...(item.handlingCode === 'H3' && { handlingNote: item.handlingNote.trim() }),
    sourceReliability: item.sourceReliability as Item['sourceReliability'],
    informationAccuracy: item.informationAccuracy as Item['informationAccuracy'],
    ...(item.subjects.length > 0 && { subjects: [...item.subjects] }),
  }));
}
