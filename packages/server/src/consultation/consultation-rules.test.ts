import { describe, expect, it } from 'vitest';
import { addDays, brusselsDate } from './brussels-date.js';
import { attachmentDisposition } from './consultation.routes.js';
import { checkFileName, referencePrefix } from './consultation.service.js';
import { draftMeetingNews } from './news-draft.js';

describe('Brussels calendar dates', () => {
  it('follows Brussels time, winter and summer', () => {
    expect(brusselsDate(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(brusselsDate(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(brusselsDate(new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    expect(brusselsDate(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });

  it('counts days across months and leap years', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-11', -90)).toBe('2025-12-11');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('decision references', () => {
  it('takes the code in capitals, at most ten characters, and the year', () => {
    expect(referencePrefix('hazeldonk', '2021-06-30')).toBe('HAZELDONK-2021-');
    expect(referencePrefix('senningen', '2026-01-02')).toBe('SENNINGEN-2026-');
    expect(referencePrefix('benelux-strategic-police', '2026-01-02')).toBe('BENELUX-ST-2026-');
    // A cut that ends on a hyphen does not leave two in a row.
    expect(referencePrefix('benelux-police-chiefs', '2026-01-02')).toBe('BENELUX-PO-2026-');
    expect(referencePrefix('abcdefghi-x', '2026-01-02')).toBe('ABCDEFGHI-2026-');
  });
});

describe('documents', () => {
  it('accepts plain file names only', () => {
    expect(checkFileName(encodeURIComponent('Verslag – 12 februari.pdf'))).toBe(
      'Verslag – 12 februari.pdf',
    );
    for (const bad of [
      undefined,
      '',
      '%E0%A4%A',
      'a%2Fb.pdf',
      'a%5Cb.pdf',
      'a%0Ab.pdf',
      'x'.repeat(256),
    ]) {
      expect(() => checkFileName(bad), String(bad)).toThrow(/file name|URI-encoded/);
    }
  });

  it('names the file for download with an ASCII fallback and the exact name (RFC 6266)', () => {
    expect(attachmentDisposition('plain.pdf')).toBe(
      `attachment; filename="plain.pdf"; filename*=UTF-8''plain.pdf`,
    );
    expect(attachmentDisposition(`Verslag "één" (1)'s.pdf`)).toBe(
      `attachment; filename="Verslag ___n_ (1)'s.pdf"; filename*=UTF-8''Verslag%20%22%C3%A9%C3%A9n%22%20%281%29%27s.pdf`,
    );
  });
});

describe('news drafts about a meeting', () => {
  const bodyNames = { nl: 'Hazeldonk-overleg', fr: 'Concertation de Hazeldonk' };

  it('says in Dutch and French which body met, when and where, with the agenda', () => {
    const [nl, fr] = draftMeetingNews({
      title: 'Plenaire vergadering',
      startsAt: new Date('2026-02-12T23:30:00Z'),
      mode: 'in_person',
      place: 'Breda',
      bodyNames,
      agenda: ['Drugstoerisme', 'Drugshandel *A16*'],
    });
    expect(nl).toEqual({
      language: 'nl',
      title: 'Plenaire vergadering',
      summary: 'Hazeldonk-overleg: vergadering van 13 februari 2026, in Breda.',
      body:
        'Hazeldonk-overleg: vergadering van 13 februari 2026, in Breda.\n\n' +
        'Op de agenda stonden:\n\n- Drugstoerisme\n- Drugshandel \\*A16\\*',
    });
    expect(fr?.summary).toBe('Concertation de Hazeldonk : réunion du 13 février 2026, à Breda.');
    expect(fr?.body).toContain("À l'ordre du jour :\n\n- Drugstoerisme");
  });

  it('says a digital meeting met online, and leaves out an empty agenda', () => {
    const [nl, fr] = draftMeetingNews({
      title: 'Voorbereiding',
      startsAt: new Date('2026-04-02T08:00:00Z'),
      mode: 'digital',
      place: null,
      bodyNames,
      agenda: [],
    });
    expect(nl?.body).toBe('Hazeldonk-overleg: vergadering van 2 april 2026, digitaal.');
    expect(fr?.summary).toContain('en ligne');
    const [hybrid] = draftMeetingNews({
      title: 'x',
      startsAt: new Date('2026-04-02T08:00:00Z'),
      mode: 'hybrid',
      place: 'Senningen',
      bodyNames,
      agenda: [],
    });
    expect(hybrid?.summary).toContain('in Senningen en digitaal');
  });
});
