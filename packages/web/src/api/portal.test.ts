import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './client.js';
import {
  checkPublishAt,
  checkSlug,
  checkText,
  fieldsOfError,
  isoToLocalDateTime,
  localDateTimeToIso,
  portalApi,
  publicPath,
  titleFor,
  titlesOf,
  type PortalText,
  imageMarkdown,
  imageTypeOf,
} from './portal.js';

describe('a datetime-local value, read in the browser time zone', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Brussels';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('becomes ISO UTC, with winter and summer time', () => {
    expect(localDateTimeToIso('2026-12-01T14:30')).toBe('2026-12-01T13:30:00.000Z');
    expect(localDateTimeToIso('2026-07-01T14:30')).toBe('2026-07-01T12:30:00.000Z');
    expect(localDateTimeToIso('2026-07-01T14:30:15')).toBe('2026-07-01T12:30:15.000Z');
  });

  it('comes back from ISO as the same input value', () => {
    expect(isoToLocalDateTime('2026-12-01T13:30:00.000Z')).toBe('2026-12-01T14:30');
    expect(isoToLocalDateTime('2026-07-01T12:30:00.000Z')).toBe('2026-07-01T14:30');
    expect(localDateTimeToIso(isoToLocalDateTime('2027-03-05T08:05:00.000Z'))).toBe(
      '2027-03-05T08:05:00.000Z',
    );
  });

  it('is refused when empty, malformed, impossible or skipped by summer time', () => {
    expect(localDateTimeToIso('')).toBeUndefined();
    expect(localDateTimeToIso('1 December 2026')).toBeUndefined();
    expect(localDateTimeToIso('2026-02-30T10:00')).toBeUndefined();
    expect(localDateTimeToIso('2026-12-01T25:00')).toBeUndefined();
    // Clocks in Brussels jump from 02:00 to 03:00 on 29 March 2026.
    expect(localDateTimeToIso('2026-03-29T02:30')).toBeUndefined();
  });

  it('must lie ahead to schedule a publication', () => {
    const now = new Date('2026-12-01T13:30:00.000Z');
    expect(checkPublishAt('2026-12-01T14:31', now)).toBeUndefined();
    expect(checkPublishAt('2026-12-01T14:30', now)).toBe('portal.errors.publish_at_past');
    expect(checkPublishAt('2026-11-30T09:00', now)).toBe('portal.errors.publish_at_past');
    expect(checkPublishAt('', now)).toBe('portal.validation.publishAtInvalid');
  });
});

describe('the limits of a text', () => {
  it('accept a complete text with an empty summary', () => {
    expect(checkText({ title: 'Joint patrol', summary: '', body: 'Text' })).toEqual([]);
  });

  it('name each field that is missing or too long', () => {
    expect(checkText({ title: '  ', summary: '', body: '' })).toEqual([
      { path: '/title', key: 'titleRequired' },
      { path: '/body', key: 'bodyRequired' },
    ]);
    expect(
      checkText({ title: 'x'.repeat(201), summary: 'x'.repeat(601), body: 'x'.repeat(50_001) }),
    ).toEqual([
      { path: '/title', key: 'titleTooLong' },
      { path: '/summary', key: 'summaryTooLong' },
      { path: '/body', key: 'bodyTooLong' },
    ]);
    expect(
      checkText({ title: 'x'.repeat(200), summary: 'x'.repeat(600), body: 'x'.repeat(50_000) }),
    ).toEqual([]);
  });
});

describe('a slug', () => {
  it('is lower-case letters and digits in groups joined by single hyphens', () => {
    expect(checkSlug('joint-patrol-2026', 120)).toBe(true);
    for (const bad of ['', 'Joint', 'a--b', '-a', 'a-', 'a b', 'é']) {
      expect(checkSlug(bad, 120), bad).toBe(false);
    }
    expect(checkSlug('a'.repeat(81), 80)).toBe(false);
  });
});

describe('titles', () => {
  it('are shown in the preferred language, else in the first language that has one', () => {
    expect(titleFor({ fr: 'Patrouille', de: 'Streife' }, 'de')).toEqual({
      title: 'Streife',
      language: 'de',
    });
    expect(titleFor({ fr: 'Patrouille', de: 'Streife' }, 'en')).toEqual({
      title: 'Patrouille',
      language: 'fr',
    });
    expect(titleFor({}, 'nl')).toBeUndefined();
  });

  it('are collected from the texts of a detail', () => {
    const text = { language: 'nl', title: 'Patrouille' } as PortalText;
    expect(titlesOf([text, { ...text, language: 'en', title: 'Patrol' }])).toEqual({
      nl: 'Patrouille',
      en: 'Patrol',
    });
  });
});

describe('the errors of the node', () => {
  it('that concern one field are put by that field', () => {
    expect(fieldsOfError(new ApiError(422, 'image_without_alt', 'x'))).toEqual({
      '/body': 'image_without_alt',
    });
    expect(fieldsOfError(new ApiError(422, 'image_source', 'x'))).toEqual({
      '/body': 'image_source',
    });
    expect(fieldsOfError(new ApiError(422, 'publish_at_past', 'x'))).toEqual({
      '/publishAt': 'publish_at_past',
    });
  });

  it('of validation are put by the fields they name', () => {
    const error = new ApiError(400, 'validation_failed', 'x', undefined, [
      { path: 'body/title', message: 'too long' },
      { path: 'body/at', message: 'not a date-time' },
      { path: 'body', message: 'unknown property' },
    ]);
    expect(fieldsOfError(error)).toEqual({
      '/title': 'validation_failed',
      '/publishAt': 'validation_failed',
    });
  });

  it('of other kinds concern no field', () => {
    expect(fieldsOfError(new ApiError(409, 'revision_conflict', 'x'))).toEqual({});
    expect(fieldsOfError(new Error('x'))).toEqual({});
  });
});

describe('addresses', () => {
  it('of the public pages and of a preview', () => {
    expect(publicPath('news', 'fr', 'patrouille-commune')).toBe('/fr/news/patrouille-commune');
    expect(publicPath('themes', 'nl', 'drugs')).toBe('/nl/themes/drugs');
    expect(portalApi.previewUrl('news', 'a1', 'de')).toBe(
      '/api/v1/portal/news/a1/texts/de/preview',
    );
  });
});

describe('images', () => {
  it('takes PNG, JPEG and WebP files only', () => {
    expect(imageTypeOf({ type: 'image/png' })).toBe('image/png');
    expect(imageTypeOf({ type: 'image/webp' })).toBe('image/webp');
    expect(imageTypeOf({ type: 'image/gif' })).toBeUndefined();
    expect(imageTypeOf({ type: '' })).toBeUndefined();
  });

  it('writes the Markdown of an image with a description that cannot break out', () => {
    expect(imageMarkdown('  De kaart\nvan de regio ', '/media/a.png')).toBe(
      '![De kaart van de regio](/media/a.png)',
    );
    expect(imageMarkdown('x](javascript:alert(1)) [y', '/media/a.png')).toBe(
      '![x(javascript:alert(1)) y](/media/a.png)',
    );
  });
});
