import type { RequestKind } from './exchange.model.js';
import type { RequestContent, Subject } from './exchange.schemas.js';

/** One thing a request lacks: where (a JSON pointer into its content) and what. */
export interface Shortcoming {
  path: string;
  message: string;
}

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/**
 * What a request (or a spontaneous provision) lacks before it may be sent:
 * the content art. 4 of Directive 2023/977 requires, and the urgency
 * ground of art. 4(4) when it is marked urgent. An empty list means complete.
 * The requesting agency and officer are not asked: they are who sends it.
 */
export function checkComplete(content: RequestContent, kind: RequestKind): Shortcoming[] {
  const missing: Shortcoming[] = [];
  const need = (path: string, message: string) => missing.push({ path, message });

  if (blank(content.requestedNode)) need('/requestedNode', 'Choose the country to ask.');
  if (blank(content.purpose)) need('/purpose', 'State the purpose of the request.');
  if (blank(content.facts)) need('/facts', 'Describe the facts.');
  if (kind === 'request' && blank(content.reasonsHeld)) {
    need('/reasonsHeld', 'Explain why the information is believed to be held there.');
  }
  if (content.offenceCategory === undefined) {
    need('/offenceCategory', 'Choose the offence category.');
  } else if (content.offenceCategory === 'other' && blank(content.offenceDescription)) {
    need('/offenceDescription', 'Describe the offence when the category is "other".');
  }
  if (content.language === undefined) need('/language', 'Choose the language of the request.');

  if (content.urgent === true) {
    if (kind === 'spontaneous') {
      need(
        '/urgent',
        'Information supplied on your own initiative has no deadline to mark urgent.',
      );
    } else {
      if (content.urgencyGround === undefined) {
        need('/urgencyGround', 'An urgent request needs one of the four grounds of art. 4(4).');
      }
      if (blank(content.urgencyJustification)) {
        need('/urgencyJustification', 'Explain why the request is urgent.');
      }
    }
  } else if (content.urgencyGround !== undefined) {
    need('/urgencyGround', 'An urgency ground is given, but the request is not marked urgent.');
  }

  const subjects = content.subjects ?? [];
  if (kind === 'request' && subjects.length === 0) {
    need('/subjects', 'Name at least one person or object the request is about.');
  }
  subjects.forEach((subject, i) => {
    missing.push(...checkSubject(subject, `/subjects/${i}`, kind === 'request'));
  });
  return missing;
}

/**
 * A subject is complete before it leaves the node (LED art. 7(2)): its category,
 * whether it is a fact or an assessment, enough to identify it, and (in a
 * request) how it is linked to the purpose.
 */
function checkSubject(subject: Subject, at: string, needsLink: boolean): Shortcoming[] {
  const missing: Shortcoming[] = [];
  if (subject.kind !== 'organisation' && subject.category === undefined) {
    missing.push({
      path: `${at}/category`,
      message: 'Give the data-subject category (suspect, victim, witness, …).',
    });
  }
  if (subject.statement === undefined) {
    missing.push({
      path: `${at}/statement`,
      message: 'Say whether this is a fact or an assessment.',
    });
  }
  if (needsLink && blank(subject.link)) {
    missing.push({
      path: `${at}/link`,
      message: 'Explain how this subject is linked to the purpose of the request.',
    });
  }
  const identification = identifies(subject);
  if (identification !== null) {
    missing.push({ path: `${at}/${identification.path}`, message: identification.message });
  }
  return missing;
}

/** Whether a subject says enough to be found; otherwise the field that is missing. */
function identifies(subject: Subject): { path: string; message: string } | null {
  switch (subject.kind) {
    case 'person':
      if (blank(subject.surname)) return { path: 'surname', message: 'Give the surname.' };
      if (blank(subject.givenNames) && !subject.birthDate && !subject.documents?.length) {
        return {
          path: 'givenNames',
          message: 'Give the given names, the birth date or an identity document.',
        };
      }
      return null;
    case 'vehicle':
      return blank(subject.plate) && blank(subject.vin)
        ? { path: 'plate', message: 'Give the registration plate or the VIN.' }
        : null;
    case 'organisation':
      return blank(subject.name) ? { path: 'name', message: 'Give the name.' } : null;
    case 'phone':
      return blank(subject.number) ? { path: 'number', message: 'Give the number.' } : null;
    case 'email':
      return blank(subject.address) ? { path: 'address', message: 'Give the address.' } : null;
    case 'address':
      return blank(subject.city) && blank(subject.postalCode)
        ? { path: 'city', message: 'Give at least the city or the postal code.' }
        : null;
    case 'bank_account':
      return blank(subject.iban) ? { path: 'iban', message: 'Give the IBAN.' } : null;
  }
}

/** Items supplied: a stated restriction with H3, and complete subjects (the schema checks the rest). */
export function checkItems(
  items: readonly {
    handlingCode: string;
    handlingNote?: string | undefined;
    subjects?: readonly Subject[] | undefined;
  }[],
  at = '/items',
): Shortcoming[] {
  return items.flatMap((item, i) => [
    ...(item.handlingCode === 'H3' && blank(item.handlingNote)
      ? [{ path: `${at}/${i}/handlingNote`, message: 'H3 needs the restriction in words.' }]
      : []),
    ...(item.subjects ?? []).flatMap((subject, j) =>
      checkSubject(subject, `${at}/${i}/subjects/${j}`, false),
    ),
  ]);
}
