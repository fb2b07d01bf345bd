/**
 * What lists show of a record: the least needed to choose it (LED art. 4(1)(c)).
 */

const text = (details: Record<string, unknown>, key: string): string => {
  const value = details[key];
  return typeof value === 'string' ? value.trim() : '';
};

/** The last characters only, enough to tell a number from another. */
const tail = (value: string, count = 4): string | null => {
  const compact = value.replace(/[\s./()-]/g, '');
  return compact === '' ? null : `…${compact.slice(-count)}`;
};

const orNull = (value: string): string | null => (value === '' ? null : value);

/**
 * The least a reviewer needs to tell one record from another (data minimisation):
 * a person's surname and given names, a plate, an organisation's name, the end
 * of a number; never birth dates, documents or full numbers.
 */
export function recordLabel(kind: string, details: Record<string, unknown>): string | null {
  switch (kind) {
    case 'person': {
      const surname = [text(details, 'surnamePrefix'), text(details, 'surname')]
        .filter((part) => part !== '')
        .join(' ')
        .toUpperCase();
      const given = text(details, 'givenNames');
      return orNull([surname, given].filter((part) => part !== '').join(', '));
    }
    case 'vehicle':
      return orNull(text(details, 'plate')) ?? tail(text(details, 'vin'));
    case 'organisation':
      return orNull(text(details, 'name'));
    case 'phone':
      return tail(text(details, 'number'));
    case 'bank_account':
      return tail(text(details, 'iban'));
    case 'email': {
      const [local = '', domain = ''] = text(details, 'address').split('@');
      return local === '' ? null : `${local.slice(0, 1)}…@${domain}`;
    }
    case 'address':
      return orNull(
        [text(details, 'postalCode'), text(details, 'city')].filter((p) => p !== '').join(' '),
      );
    default:
      return null;
  }
}

/** A person's year of birth, the most a list shows of the birth date. */
export function birthYear(details: Record<string, unknown>): number | null {
  const birthDate = details.birthDate;
  return typeof birthDate === 'string' && /^\d{4}/.test(birthDate)
    ? Number(birthDate.slice(0, 4))
    : null;
}
