/**
 * Folding of person names for matching, so that "Van den Berg-Ünal",
 * "VANDENBERG UNAL" and "van den berg unal" are found as one: case, diacritics,
 * hyphens, apostrophes and spaces do not count, and the name particles that
 * languages of the Benelux and France put before a surname may be left out.
 */

/** Particles that may stand before a surname (van, de, van der, d', zu …), longest first. */
const PARTICLES = [
  'van der',
  'van den',
  'van de',
  'von der',
  'von dem',
  'de la',
  'de le',
  'de l',
  'in het',
  'in t',
  'op de',
  'op den',
  'uit de',
  'uit den',
  'van',
  'von',
  'vom',
  'zum',
  'zur',
  'zu',
  'der',
  'den',
  'de',
  'het',
  'ten',
  'ter',
  'te',
  'du',
  'des',
  'del',
  'della',
  'la',
  'le',
  'l',
  'd',
  't',
];

/** Lower case, without diacritics, every run of other characters a single space. */
function words(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const squash = (text: string) => text.replace(/ /g, '');

/** The surname with its particles and without them, both folded. */
export function surnameKeys(
  surname: string,
  prefix?: string | null,
): { full: string; bare: string } {
  const whole = words(`${prefix ?? ''} ${surname}`);
  let rest = whole;
  for (let changed = true; changed;) {
    changed = false;
    for (const particle of PARTICLES) {
      if (rest.startsWith(`${particle} `)) {
        rest = rest.slice(particle.length + 1);
        changed = true;
        break;
      }
    }
  }
  return { full: squash(whole), bare: squash(rest) };
}

/** Given names folded; matched as a prefix, so "Jan" finds "Jan Willem". */
export function givenKey(givenNames: string): string {
  return squash(words(givenNames));
}

/**
 * Whether a record's keys match the keys of a name searched for: the searched
 * surname may be written with or without particles, and in one word or several.
 */
export function surnameMatches(
  record: { full: string; bare: string },
  searched: { full: string; bare: string },
): boolean {
  return (
    record.full === searched.full ||
    record.bare === searched.bare ||
    record.full === searched.bare ||
    record.bare === searched.full
  );
}
