/** Letters that Unicode decomposition does not reduce to a base letter and a mark. */
const LIGATURES: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

export const TITLE_SLUG_MAX = 80;

/**
 * The address part made from a title: diacritics stripped, lower case, every run of
 * other characters a single hyphen, at most `max` characters (cut at a hyphen where
 * one is near). Empty when the title holds no letter or digit.
 */
export function slugify(title: string, max = TITLE_SLUG_MAX): string {
  const plain = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (c) => LIGATURES[c] ?? '');
  const slug = plain.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** The calendar date in Brussels, YYYY-MM-DD. */
export function brusselsDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** A news item's slug: the date, then its title's slug. */
export function newsSlug(at: Date, title: string | undefined): string {
  const words = title === undefined ? '' : slugify(title);
  const date = brusselsDate(at);
  return words === '' ? date : `${date}-${words}`;
}

/** The first of base, base-2, base-3 … that is not taken. */
export function firstFree(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
