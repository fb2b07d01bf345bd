/**
 * Answer deadlines for requests for information under Directive (EU) 2023/977.
 *
 * Art. 5(1) sets three time limits, counted from the moment the requested Single
 * Point of Contact (SPOC) receives the request:
 *  - 8 hours for an urgent request for directly accessible information;
 *  - 3 calendar days for an urgent request for indirectly accessible information;
 *  - 7 calendar days for every other request.
 *
 * Hours are elapsed time. Calendar days are counted on the local calendar of
 * {@link DEADLINE_TIME_ZONE}: a request received at 10:00 is due at 10:00 on the
 * day the limit expires, whether or not a daylight-saving change lies in between.
 * Time spent waiting for a clarification from the requesting side does not count
 * (art. 6): it is added to the deadline as `pausedMs`.
 *
 * Only the built-in `Intl` API is used for time-zone arithmetic.
 */
import { type Accessibility } from './exchange.model.js';

/** The zone whose calendar counts "calendar days" (Brussels, Amsterdam and Luxembourg share it). */
export const DEADLINE_TIME_ZONE = 'Europe/Brussels';

/** Which of the three art. 5(1) time limits applies to a request. */
export type DeadlineClass = 'urgent_direct' | 'urgent_indirect' | 'standard';

/** The art. 5(1) time limits, as documentation and for display. */
export const DEADLINE_LIMITS = {
  urgent_direct: { hours: 8 },
  urgent_indirect: { calendarDays: 3 },
  standard: { calendarDays: 7 },
} as const satisfies Record<DeadlineClass, { hours: number } | { calendarDays: number }>;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Art. 5(1): the time limit that applies. A request that is not urgent always gets
 * seven days. An urgent one gets eight hours unless the requested SPOC has said the
 * information is only indirectly accessible; until it has said anything (`null`),
 * the stricter limit applies.
 */
export function deadlineClass(urgent: boolean, accessibility: Accessibility | null): DeadlineClass {
  if (!urgent) return 'standard';
  return accessibility === 'indirect' ? 'urgent_indirect' : 'urgent_direct';
}

/**
 * The instant at which the deadline expires: the art. 5(1) limit counted from
 * `receivedAt`, extended by the time the request spent waiting for a clarification.
 */
export function computeDueAt(input: {
  receivedAt: Date;
  deadlineClass: DeadlineClass;
  pausedMs: number;
}): Date {
  const { receivedAt, deadlineClass: kind, pausedMs } = input;
  assertValidInstant(receivedAt, 'receivedAt');
  if (!Number.isFinite(pausedMs) || pausedMs < 0) {
    throw new RangeError(`pausedMs must be a finite, non-negative number, got ${pausedMs}.`);
  }
  return new Date(limitExpiry(receivedAt, kind).getTime() + pausedMs);
}

/** The art. 5(1) limit counted from `receivedAt`, before any pause. */
function limitExpiry(receivedAt: Date, kind: DeadlineClass): Date {
  switch (kind) {
    case 'urgent_direct':
      return new Date(receivedAt.getTime() + DEADLINE_LIMITS.urgent_direct.hours * HOUR_MS);
    case 'urgent_indirect':
      return addCalendarDays(receivedAt, DEADLINE_LIMITS.urgent_indirect.calendarDays);
    case 'standard':
      return addCalendarDays(receivedAt, DEADLINE_LIMITS.standard.calendarDays);
  }
}

/**
 * The instant that shows the same local wall-clock time as `instant`, `days`
 * calendar days later, in `timeZone`. Across a daylight-saving change the elapsed
 * time is therefore a whole number of days plus or minus the shift (3 days may be
 * 71 or 73 hours).
 *
 * When that wall-clock time does not exist (the clock jumps over it in spring), the
 * result is the instant the clock shows just after the gap, i.e. the time shifted
 * forward by the length of the gap (02:30 becomes 03:30). When it occurs twice (the
 * clock falls back in autumn), the result is the earlier of the two instants.
 */
export function addCalendarDays(
  instant: Date,
  days: number,
  timeZone: string = DEADLINE_TIME_ZONE,
): Date {
  assertValidInstant(instant, 'instant');
  if (!Number.isSafeInteger(days)) {
    throw new RangeError(`days must be an integer, got ${days}.`);
  }
  const local = wallClock(instant.getTime(), timeZone);
  // The target wall-clock time, encoded as if it were UTC; the Date arithmetic
  // carries day overflow into months and years.
  const target = wallClockMs(
    local.year,
    local.month,
    local.day + days,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
  return new Date(instantForWallClock(target, timeZone));
}

/** A wall-clock reading: the local calendar date and time in some zone. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone; creating one is comparatively expensive. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for a zone the runtime does not know.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at the instant `epochMs`. */
function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    parts[part.type] = part.value;
  }
  const number = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = Number(parts[type]);
    if (!Number.isInteger(value)) {
      throw new Error(`Intl.DateTimeFormat gave no usable ${type} for ${timeZone}.`);
    }
    return value;
  };
  // Years before the common era are shown as 1 BC, 2 BC, ... (proleptic 0, -1, ...).
  const year = parts.era === 'BC' ? 1 - number('year') : number('year');
  return {
    year,
    month: number('month'),
    day: number('day'),
    hour: number('hour'),
    minute: number('minute'),
    second: number('second'),
    // Zone offsets are whole seconds, so the fraction of the second carries over.
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/**
 * A wall-clock time encoded as milliseconds "as if UTC". Uses setUTCFullYear so
 * that years 0–99 are not mapped to 1900–1999 as `Date.UTC` would do.
 */
function wallClockMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

/** How far the wall clock in `timeZone` is ahead of UTC at `epochMs`. */
function offsetAt(epochMs: number, timeZone: string): number {
  const local = wallClock(epochMs, timeZone);
  return (
    wallClockMs(
      local.year,
      local.month,
      local.day,
      local.hour,
      local.minute,
      local.second,
      local.millisecond,
    ) - epochMs
  );
}

/**
 * The instant at which the wall clock in `timeZone` shows `localMs` (a wall-clock
 * time encoded as if UTC), resolving gaps and overlaps as described on
 * {@link addCalendarDays}.
 *
 * The zone's offsets a day either side bound the candidates, assuming (as holds for
 * every real zone) at most one offset change within those two days.
 */
function instantForWallClock(localMs: number, timeZone: string): number {
  const offsetBefore = offsetAt(localMs - DAY_MS, timeZone);
  const offsetAfter = offsetAt(localMs + DAY_MS, timeZone);
  const candidates = [localMs - offsetBefore, localMs - offsetAfter].filter(
    (epochMs) => epochMs + offsetAt(epochMs, timeZone) === localMs,
  );
  if (candidates.length > 0) {
    // One candidate: the usual case. Two: an overlap; the earlier instant wins.
    return Math.min(...candidates);
  }
  // A gap: the clock skipped this time. Reading it with the offset in force before
  // the gap gives the instant the clock, moved forward, shows `localMs + gap`.
  return localMs - offsetBefore;
}

function assertValidInstant(instant: Date, name: string): void {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`${name} is not a valid date.`);
  }
}
