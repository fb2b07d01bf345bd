import { describe, expect, it } from 'vitest';
import { addMonths, ruleFor, schedule, type RetentionRule } from './retention-policy.js';

const rule = (
  category: string | null,
  purpose: string | null,
  review: number,
  keep: number,
): RetentionRule => ({
  id: `${category}-${purpose}`,
  category,
  purpose,
  review_months: review,
  retention_months: keep,
  updated_at: new Date(0),
});

describe('retention policy', () => {
  const rules = [
    rule(null, null, 6, 60),
    rule('victim', null, 6, 24),
    rule(null, 'terrorism', 12, 120),
    rule('victim', 'terrorism', 6, 36),
  ];

  it('applies the most specific rule', () => {
    expect(ruleFor(rules, { category: 'suspect', purpose: 'robbery' }).id).toBe('null-null');
    expect(ruleFor(rules, { category: 'victim', purpose: 'robbery' }).id).toBe('victim-null');
    expect(ruleFor(rules, { category: 'suspect', purpose: 'terrorism' }).id).toBe('null-terrorism');
    expect(ruleFor(rules, { category: 'victim', purpose: 'terrorism' }).id).toBe(
      'victim-terrorism',
    );
    expect(ruleFor(rules, { category: null, purpose: null }).id).toBe('null-null');
  });

  it('counts calendar months, keeping to the last day of a short month', () => {
    expect(addMonths(new Date('2026-08-31T10:00:00Z'), 6).toISOString()).toBe(
      '2027-02-28T10:00:00.000Z',
    );
    expect(addMonths(new Date('2026-01-15T00:00:00Z'), 24).toISOString()).toBe(
      '2028-01-15T00:00:00.000Z',
    );
  });

  it('reviews after the close, erases after arrival, never reviews after erasure', () => {
    const held = new Date('2026-01-10T00:00:00Z');
    expect(schedule({ review_months: 6, retention_months: 60 }, held, null)).toEqual({
      reviewAt: new Date('2026-07-10T00:00:00Z'),
      expiresAt: new Date('2031-01-10T00:00:00Z'),
    });
    const closed = new Date('2026-03-01T00:00:00Z');
    expect(schedule({ review_months: 6, retention_months: 60 }, held, closed).reviewAt).toEqual(
      new Date('2026-09-01T00:00:00Z'),
    );
    expect(
      schedule({ review_months: 6, retention_months: 6 }, held, new Date('2026-05-01T00:00:00Z'))
        .reviewAt,
    ).toEqual(new Date('2026-07-10T00:00:00Z'));
  });
});
