import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../i18n/index.js';
import {
  ANOMALY_KINDS,
  CONSULTATION_CONTEXTS,
  REQUESTED_VIA,
  WITHHOLDING_GROUNDS,
  checkReport,
  dayRange,
  personName,
  toReportBody,
  withholdKey,
  type ReportDraft,
} from './dpo.js';

const draft = (over: Partial<ReportDraft> = {}): ReportDraft => ({
  surname: ' Stralen ',
  givenNames: '',
  birthDate: '',
  requestedVia: 'data_subject',
  recordIds: ['r1'],
  withhold: {},
  ...over,
});

/** Disclosure d1 belongs to record r1, d2 to record r2. */
const disclosures = new Map([
  ['d1', 'r1'],
  ['d2', 'r2'],
]);

describe('an access report being prepared', () => {
  it('needs a surname, a record that is the person, and through whom it was asked', () => {
    expect(checkReport(draft(), disclosures)).toEqual({});
    expect(
      checkReport(draft({ surname: ' ', recordIds: [], requestedVia: '' }), disclosures),
    ).toEqual({ surname: 'surname', recordIds: 'recordIds', requestedVia: 'requestedVia' });
  });

  it('covers at most 100 records', () => {
    const many = Array.from({ length: 101 }, (_, i) => `r${i}`);
    expect(checkReport(draft({ recordIds: many }), disclosures).recordIds).toBe('tooManyRecords');
  });

  it('refuses a birth date that is not a day', () => {
    expect(checkReport(draft({ birthDate: '14/06/2001' }), disclosures).birthDate).toBe(
      'birthDate',
    );
    expect(checkReport(draft({ birthDate: '2001-06-14' }), disclosures).birthDate).toBeUndefined();
  });

  it('wants a ground for each item withheld of a chosen record, and ignores the others', () => {
    const withhold: ReportDraft['withhold'] = {
      [withholdKey('record', 'r1')]: '',
      [withholdKey('disclosure', 'd1')]: 'obstruct_inquiries',
      [withholdKey('disclosure', 'd2')]: '',
      [withholdKey('record', 'r9')]: '',
    };
    expect(checkReport(draft({ withhold }), disclosures)).toEqual({
      'withhold:record:r1': 'withholdReason',
    });
  });

  it('is sent tidied, with only what belongs to the chosen records', () => {
    const withhold: ReportDraft['withhold'] = {
      [withholdKey('record', 'r1')]: 'rights_of_others',
      [withholdKey('disclosure', 'd2')]: 'public_security',
    };
    expect(
      toReportBody(
        draft({ givenNames: ' Jordy ', birthDate: '2001-06-14', withhold }),
        disclosures,
      ),
    ).toEqual({
      surname: 'Stralen',
      givenNames: 'Jordy',
      birthDate: '2001-06-14',
      requestedVia: 'data_subject',
      recordIds: ['r1'],
      withhold: [{ type: 'record', id: 'r1', reason: 'rights_of_others' }],
    });
    expect(toReportBody(draft(), disclosures)).toEqual({
      surname: 'Stralen',
      requestedVia: 'data_subject',
      recordIds: ['r1'],
      withhold: [],
    });
  });
});

describe('the days of a log filter', () => {
  it('run from the start of the first day to the start of the day after the last', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      expect(dayRange('2026-11-01', '2026-11-30')).toEqual({
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
      });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('are left out when not filled in or not dates', () => {
    expect(dayRange('', undefined)).toEqual({ from: undefined, to: undefined });
    expect(dayRange('soon', '')).toEqual({ from: undefined, to: undefined });
  });
});

describe('a person found', () => {
  it('is named SURNAME, Given names, with the particle', () => {
    expect(personName({ surname: 'Stralen', surnamePrefix: 'van', givenNames: 'Jordy' })).toBe(
      'VAN STRALEN, Jordy',
    );
    expect(personName({ surname: 'Declercq', surnamePrefix: null, givenNames: null })).toBe(
      'DECLERCQ',
    );
  });
});

describe('the texts of the data protection workspace', () => {
  it('name every value of its closed lists in every language', () => {
    for (const [language, resources] of Object.entries(RESOURCES)) {
      const records = resources.records as unknown as {
        report: { via: Record<string, string>; grounds: Record<string, string> };
        dpo: {
          anomalies: { kinds: Record<string, string>; explain: Record<string, string> };
          consultations: { contexts: Record<string, string> };
        };
      };
      for (const via of REQUESTED_VIA) {
        expect(typeof records.report.via[via], `${language} ${via}`).toBe('string');
      }
      for (const ground of WITHHOLDING_GROUNDS) {
        expect(typeof records.report.grounds[ground], `${language} ${ground}`).toBe('string');
      }
      for (const kind of ANOMALY_KINDS) {
        expect(typeof records.dpo.anomalies.kinds[kind], `${language} ${kind}`).toBe('string');
        expect(typeof records.dpo.anomalies.explain[`${kind}_other`], `${language} ${kind}`).toBe(
          'string',
        );
      }
      for (const context of CONSULTATION_CONTEXTS) {
        expect(typeof records.dpo.consultations.contexts[context], `${language} ${context}`).toBe(
          'string',
        );
      }
    }
  });
});
