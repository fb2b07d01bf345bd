import { describe, expect, it } from 'vitest';
import {
  DEADLINE_TIME_ZONE,
  addCalendarDays,
  computeDueAt,
  deadlineClass,
  type DeadlineClass,
} from './deadline.js';
import { type Accessibility } from './exchange.model.js';

const HOUR_MS = 60 * 60 * 1000;

const at = (iso: string) => new Date(iso);
const hoursBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / HOUR_MS;

/** An independent reading of the Brussels wall clock, for the property test. */
const brussels = new Intl.DateTimeFormat('en-CA', {
  timeZone: DEADLINE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
function localParts(instant: Date) {
  const parts = Object.fromEntries(
    brussels.formatToParts(instant).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}
/** A calendar date (YYYY-MM-DD) moved by whole days. */
function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

describe('deadlineClass', () => {
  const table: [boolean, Accessibility | null, DeadlineClass][] = [
    [false, null, 'standard'],
    [false, 'direct', 'standard'],
    [false, 'indirect', 'standard'],
    [true, null, 'urgent_direct'],
    [true, 'direct', 'urgent_direct'],
    [true, 'indirect', 'urgent_indirect'],
  ];
  it.each(table)('urgent=%s, accessibility=%s gives %s', (urgent, accessibility, expected) => {
    expect(deadlineClass(urgent, accessibility)).toBe(expected);
  });
});

describe('computeDueAt', () => {
  it('gives an urgent request for directly accessible information 8 hours, across midnight', () => {
    const receivedAt = at('2026-01-15T20:30:00.000Z'); // 21:30 CET
    expect(
      computeDueAt({ receivedAt, deadlineClass: 'urgent_direct', pausedMs: 0 }).toISOString(),
    ).toBe('2026-01-16T04:30:00.000Z');
  });

  it('counts 8 hours as elapsed time across a daylight-saving change', () => {
    // Spring: 23:00 CET on 28 March; the clock jumps from 02:00 to 03:00.
    const spring = at('2026-03-28T22:00:00.000Z');
    const springDue = computeDueAt({
      receivedAt: spring,
      deadlineClass: 'urgent_direct',
      pausedMs: 0,
    });
    expect(springDue.toISOString()).toBe('2026-03-29T06:00:00.000Z'); // 08:00 CEST
    expect(hoursBetween(spring, springDue)).toBe(8);

    // Autumn: 00:00 CEST on 25 October; the clock falls back from 03:00 to 02:00.
    const autumn = at('2026-10-24T22:00:00.000Z');
    const autumnDue = computeDueAt({
      receivedAt: autumn,
      deadlineClass: 'urgent_direct',
      pausedMs: 0,
    });
    expect(autumnDue.toISOString()).toBe('2026-10-25T06:00:00.000Z'); // 07:00 CET
    expect(hoursBetween(autumn, autumnDue)).toBe(8);
  });

  it('gives an urgent request for indirectly accessible information 3 calendar days', () => {
    const receivedAt = at('2026-02-10T13:15:00.000Z'); // 14:15 CET
    expect(
      computeDueAt({ receivedAt, deadlineClass: 'urgent_indirect', pausedMs: 0 }).toISOString(),
    ).toBe('2026-02-13T13:15:00.000Z');
  });

  it('gives any other request 7 calendar days', () => {
    const receivedAt = at('2026-06-01T08:00:00.000Z'); // 10:00 CEST
    expect(computeDueAt({ receivedAt, deadlineClass: 'standard', pausedMs: 0 }).toISOString()).toBe(
      '2026-06-08T08:00:00.000Z',
    );
    // Across a month and a year end.
    expect(
      computeDueAt({
        receivedAt: at('2026-12-28T16:45:00.000Z'),
        deadlineClass: 'standard',
        pausedMs: 0,
      }).toISOString(),
    ).toBe('2027-01-04T16:45:00.000Z');
  });

  it('counts 3 calendar days across the spring change as 71 hours', () => {
    const receivedAt = at('2026-03-27T09:00:00.000Z'); // 10:00 CET
    const due = computeDueAt({ receivedAt, deadlineClass: 'urgent_indirect', pausedMs: 0 });
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z'); // 10:00 CEST
    expect(hoursBetween(receivedAt, due)).toBe(71);
  });

  it('counts 3 calendar days across the autumn change as 73 hours', () => {
    const receivedAt = at('2026-10-23T08:00:00.000Z'); // 10:00 CEST
    const due = computeDueAt({ receivedAt, deadlineClass: 'urgent_indirect', pausedMs: 0 });
    expect(due.toISOString()).toBe('2026-10-26T09:00:00.000Z'); // 10:00 CET
    expect(hoursBetween(receivedAt, due)).toBe(73);
  });

  it('counts 7 calendar days across a change the same way', () => {
    const receivedAt = at('2026-03-25T09:00:00.000Z'); // 10:00 CET
    const due = computeDueAt({ receivedAt, deadlineClass: 'standard', pausedMs: 0 });
    expect(due.toISOString()).toBe('2026-04-01T08:00:00.000Z'); // 10:00 CEST
    expect(hoursBetween(receivedAt, due)).toBe(167);
  });

  it('adds exactly the time spent waiting for a clarification', () => {
    const receivedAt = at('2026-03-27T09:00:00.000Z');
    const pausedMs = 90 * 60 * 1000 + 1;
    for (const kind of ['urgent_direct', 'urgent_indirect', 'standard'] as const) {
      const unpaused = computeDueAt({ receivedAt, deadlineClass: kind, pausedMs: 0 });
      const paused = computeDueAt({ receivedAt, deadlineClass: kind, pausedMs });
      expect(paused.getTime() - unpaused.getTime()).toBe(pausedMs);
    }
    expect(
      computeDueAt({ receivedAt, deadlineClass: 'urgent_direct', pausedMs }).toISOString(),
    ).toBe('2026-03-27T18:30:00.001Z');
  });

  it('rejects a negative or non-finite pause and an invalid receipt time', () => {
    const receivedAt = at('2026-03-27T09:00:00.000Z');
    expect(() => computeDueAt({ receivedAt, deadlineClass: 'standard', pausedMs: -1 })).toThrow(
      RangeError,
    );
    expect(() =>
      computeDueAt({ receivedAt, deadlineClass: 'standard', pausedMs: Number.NaN }),
    ).toThrow(RangeError);
    expect(() =>
      computeDueAt({ receivedAt: new Date(Number.NaN), deadlineClass: 'standard', pausedMs: 0 }),
    ).toThrow(RangeError);
  });
});

describe('addCalendarDays', () => {
  it('moves a wall-clock time that falls in the spring gap forward by the gap', () => {
    // 02:30 CET on 26 March; 29 March 02:30 does not exist, the clock shows 03:30 CEST.
    const receivedAt = at('2026-03-26T01:30:00.000Z');
    const due = addCalendarDays(receivedAt, 3);
    expect(due.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localParts(due)).toEqual({ date: '2026-03-29', hour: 3, minute: 30 });
  });

  it('takes the earlier instant of a wall-clock time that occurs twice in autumn', () => {
    // 02:30 CEST on 22 October; 25 October 02:30 is 00:30Z (CEST) and 01:30Z (CET).
    expect(addCalendarDays(at('2026-10-22T00:30:00.000Z'), 3).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    // Counting backwards lands on the same, earlier, instant.
    expect(addCalendarDays(at('2026-10-28T01:30:00.000Z'), -3).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    // From either of the two instants, a week later is 02:30 CET on 1 November.
    expect(addCalendarDays(at('2026-10-25T00:30:00.000Z'), 7).toISOString()).toBe(
      '2026-11-01T01:30:00.000Z',
    );
    expect(addCalendarDays(at('2026-10-25T01:30:00.000Z'), 7).toISOString()).toBe(
      '2026-11-01T01:30:00.000Z',
    );
  });

  it('keeps seconds and milliseconds, and zero days is the identity', () => {
    const instant = at('2026-07-14T12:34:56.789Z');
    expect(addCalendarDays(instant, 0).toISOString()).toBe(instant.toISOString());
    expect(addCalendarDays(instant, 1).toISOString()).toBe('2026-07-15T12:34:56.789Z');
  });

  it('counts in another zone when asked', () => {
    // New York moves its clocks on 8 March 2026.
    expect(
      addCalendarDays(at('2026-03-06T15:00:00.000Z'), 3, 'America/New_York').toISOString(),
    ).toBe('2026-03-09T14:00:00.000Z');
    expect(addCalendarDays(at('2026-03-27T09:00:00.000Z'), 3, 'UTC').toISOString()).toBe(
      '2026-03-30T09:00:00.000Z',
    );
  });

  it('rejects a fractional number of days, an invalid date and an unknown zone', () => {
    const instant = at('2026-03-27T09:00:00.000Z');
    expect(() => addCalendarDays(instant, 1.5)).toThrow(RangeError);
    expect(() => addCalendarDays(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => addCalendarDays(instant, 1, 'Nowhere/Atlantis')).toThrow(RangeError);
  });

  it('shows the same wall-clock time 7 local days later for every hour of 2026', () => {
    const start = Date.UTC(2026, 0, 1, 0, 17);
    const end = Date.UTC(2027, 0, 1, 0, 17);
    const failures: string[] = [];
    let checked = 0;
    let inGap = 0;
    for (let t = start; t < end; t += HOUR_MS) {
      const from = new Date(t);
      const to = addCalendarDays(from, 7);
      const before = localParts(from);
      const after = localParts(to);
      // 02:17 does not exist on the day the clock springs forward: it becomes 03:17.
      const gap = after.date === '2026-03-29' && before.hour === 2;
      if (gap) inGap += 1;
      const expected = { date: shiftDate(before.date, 7), hour: gap ? 3 : before.hour, minute: 17 };
      // A week is 168 hours, give or take one daylight-saving shift.
      const elapsed = hoursBetween(from, to);
      if (
        after.date !== expected.date ||
        after.hour !== expected.hour ||
        after.minute !== expected.minute ||
        ![167, 168, 169].includes(elapsed)
      ) {
        failures.push(`${from.toISOString()} -> ${to.toISOString()} (${elapsed} h)`);
      }
      checked += 1;
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(365 * 24);
    expect(inGap).toBe(1);
  });
});
