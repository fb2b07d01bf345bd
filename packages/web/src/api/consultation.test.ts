import { afterEach, describe, expect, it } from 'vitest';
import { RESOURCES } from '../i18n/index.js';
import {
  ACTION_FILTERS,
  ACTION_STATUSES,
  BODY_LEVELS,
  MEETING_MODES,
  MEMBER_FUNCTIONS,
  actionsByDecision,
  bodyName,
  brusselsInstant,
  documentProblem,
  documentTypeOf,
  formatCalendarDate,
  formatSize,
  isCalendarDate,
  paragraphs,
  sortBodyCounts,
  sortCountryCounts,
  themeTitle,
  totalCounts,
  type Action,
  type BodyCounts,
  type CountryCounts,
} from './consultation.js';

describe("a body's name", () => {
  const names = {
    nl: 'Benelux-politiecomité',
    fr: 'Comité de police Benelux',
    en: 'Police committee',
  };

  it('is the one in the reader’s language when the body has it', () => {
    expect(bodyName(names, 'en')).toBe('Police committee');
    expect(bodyName(names, 'fr')).toBe('Comité de police Benelux');
  });

  it('falls back to Dutch, or to French for nobody but a French reader', () => {
    expect(bodyName(names, 'de')).toBe('Benelux-politiecomité');
    expect(bodyName({ nl: '', fr: 'Comité' }, 'de')).toBe('Comité');
    expect(bodyName({ nl: 'Comité NL', fr: '' }, 'fr')).toBe('Comité NL');
  });

  it('ignores a name of blanks', () => {
    expect(bodyName({ ...names, de: '  ' }, 'de')).toBe('Benelux-politiecomité');
  });
});

describe("a theme's title", () => {
  it('is in the reader’s language, else another one, else the slug', () => {
    expect(
      themeTitle({ id: 'x', slug: 'safety', titles: { nl: 'Veiligheid', fr: 'Sécurité' } }, 'fr'),
    ).toBe('Sécurité');
    expect(themeTitle({ id: 'x', slug: 'safety', titles: { fr: 'Sécurité' } }, 'de')).toBe(
      'Sécurité',
    );
    expect(themeTitle({ id: 'x', slug: 'safety', titles: {} }, 'en')).toBe('safety');
  });
});

describe('calendar dates', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('are recognised only when the day exists', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00:00Z')).toBe(false);
  });

  it('are shown as the same day in every time zone of the browser', () => {
    const shown = new Set<string>();
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Brussels', 'UTC']) {
      process.env.TZ = tz;
      shown.add(formatCalendarDate('2026-03-01', 'en-GB'));
    }
    expect([...shown]).toEqual(['1 Mar 2026']);
  });

  it('are written in the words of the locale', () => {
    expect(formatCalendarDate('2026-12-31', 'nl-BE', 'long')).toBe('31 december 2026');
    expect(formatCalendarDate('2026-12-31', 'fr-BE', 'long')).toBe('31 décembre 2026');
    expect(formatCalendarDate('2026-12-31', 'de-BE', 'long')).toBe('31. Dezember 2026');
  });

  it('are left as they are when they are not dates', () => {
    expect(formatCalendarDate('soon', 'en-GB')).toBe('soon');
  });
});

describe('a time in Brussels', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(brusselsInstant('2026-01-15', '10:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(brusselsInstant('2026-07-01', '10:00')).toBe('2026-07-01T08:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    // 29 March 2026: 02:00 becomes 03:00. 25 October 2026: 03:00 becomes 02:00.
    expect(brusselsInstant('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(brusselsInstant('2026-03-29', '04:00')).toBe('2026-03-29T02:00:00.000Z');
    expect(brusselsInstant('2026-10-25', '12:00')).toBe('2026-10-25T11:00:00.000Z');
    expect(brusselsInstant('2026-10-24', '23:30')).toBe('2026-10-24T21:30:00.000Z');
  });

  it('does not depend on the time zone of the browser', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(brusselsInstant('2026-01-15', '10:00')).toBe('2026-01-15T09:00:00.000Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('is undefined for a day or time that does not exist', () => {
    expect(brusselsInstant('2026-02-30', '10:00')).toBeUndefined();
    expect(brusselsInstant('2026-02-10', '24:00')).toBeUndefined();
    expect(brusselsInstant('2026-02-10', '9:00')).toBeUndefined();
    expect(brusselsInstant('', '')).toBeUndefined();
  });
});

describe('meeting documents', () => {
  it('take their type from the browser, else from the extension', () => {
    expect(documentTypeOf('a.bin', 'application/pdf')).toBe('application/pdf');
    expect(documentTypeOf('Minutes.DOCX', '')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(documentTypeOf('notes.txt', 'text/plain; charset=utf-8')).toBe('text/plain');
    expect(documentTypeOf('archive.zip', 'application/zip')).toBeUndefined();
  });

  it('are refused before sending when empty, too large, of another type or badly named', () => {
    expect(documentProblem({ name: 'a.pdf', type: 'application/pdf', size: 10 })).toBeUndefined();
    expect(documentProblem({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toBe('empty');
    expect(documentProblem({ name: 'a.pdf', type: '', size: 10 * 1024 * 1024 + 1 })).toBe('size');
    expect(documentProblem({ name: 'a.exe', type: '', size: 10 })).toBe('type');
    expect(documentProblem({ name: 'a\u0007.pdf', type: '', size: 10 })).toBe('name');
  });

  it('have their size in kB or MB', () => {
    expect(formatSize(200, 'en-GB')).toBe('1 kB');
    expect(formatSize(35_400, 'en-GB')).toBe('35 kB');
    expect(formatSize(2_450_000, 'en-GB')).toBe('2.5 MB');
  });
});

describe('the monitoring figures', () => {
  const row = (code: string, nl: string, overdue: number, open = 1): BodyCounts => ({
    bodyId: code,
    code,
    names: { nl, fr: nl },
    open,
    inProgress: 2,
    overdue,
    doneLast90Days: 3,
  });

  it('add up per column', () => {
    expect(totalCounts([row('a', 'A', 1, 4), row('b', 'B', 2, 5)])).toEqual({
      open: 9,
      inProgress: 4,
      overdue: 3,
      doneLast90Days: 6,
    });
    expect(totalCounts([])).toEqual({ open: 0, inProgress: 0, overdue: 0, doneLast90Days: 0 });
  });

  it('show the bodies with most overdue items first, then by name', () => {
    const sorted = sortBodyCounts(
      [
        row('z', 'Zeecomité', 0),
        row('b', 'Bestuur', 0),
        row('o', 'Overleg', 3),
        row('a', 'Ärzte', 0),
      ],
      'nl',
      'nl-BE',
    );
    expect(sorted.map((r) => r.code)).toEqual(['o', 'a', 'b', 'z']);
  });

  it('show the countries in their fixed order', () => {
    const counts = { open: 0, inProgress: 0, overdue: 0, doneLast90Days: 0 };
    const rows: CountryCounts[] = [
      { country: 'FR', ...counts },
      { country: 'LU', ...counts },
      { country: 'BE', ...counts },
      { country: 'NL', ...counts },
    ];
    expect(sortCountryCounts(rows).map((r) => r.country)).toEqual(['BE', 'NL', 'LU', 'FR']);
  });
});

describe('a meeting', () => {
  it('groups its action items under their decisions', () => {
    const action = (id: string, decisionId: string | null) =>
      ({ id, decisionId }) as unknown as Action;
    const grouped = actionsByDecision([
      action('1', 'd1'),
      action('2', 'd2'),
      action('3', 'd1'),
      action('4', null),
    ]);
    expect([...grouped.keys()]).toEqual(['d1', 'd2']);
    expect(grouped.get('d1')?.map((a) => a.id)).toEqual(['1', '3']);
  });

  it('shows its minutes as paragraphs of plain text, split at blank lines', () => {
    expect(paragraphs('# Opening\r\nWelcome.\r\n\r\n  \n<b>Item 2</b>\n\n\n')).toEqual([
      '# Opening\nWelcome.',
      '<b>Item 2</b>',
    ]);
    expect(paragraphs('')).toEqual([]);
  });
});

describe('the texts of the consultation bodies', () => {
  it('name every value of their closed lists in every language', () => {
    const lists: [string, readonly string[]][] = [
      ['levels', BODY_LEVELS],
      ['functions', MEMBER_FUNCTIONS],
      ['modes', MEETING_MODES],
      ['actionStatuses', ACTION_STATUSES],
      ['actionFilters', ACTION_FILTERS],
      ['monitoring', ['open', 'inProgress', 'overdue', 'doneLast90Days']],
      ['documents.problems', ['type', 'empty', 'size', 'name']],
    ];
    for (const [language, resources] of Object.entries(RESOURCES)) {
      const texts = resources.consultation as unknown as Record<string, unknown>;
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
