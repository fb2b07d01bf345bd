import { describe, expect, it } from 'vitest';
import type { Deadline } from '../api/exchange.js';
import { deadlineStatus, splitDuration } from './countdown.js';

const NOW = Date.parse('2026-12-01T10:00:00Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW + ms).toISOString();
const deadline = (over: Partial<Deadline>): Deadline => ({
  class: 'urgent_direct',
  dueAt: at(3 * HOUR),
  warnAt: null,
  paused: false,
  overdue: false,
  ...over,
});

describe('a deadline at a moment', () => {
  it('runs only while the requested side owes an answer', () => {
    expect(deadlineStatus(deadline({}), 'answered', NOW)).toEqual({ kind: 'none' });
    expect(deadlineStatus(null, 'received', NOW)).toEqual({ kind: 'none' });
    expect(deadlineStatus(deadline({}), 'assigned', NOW)).toMatchObject({
      kind: 'left',
      ms: 3 * HOUR,
      soon: false,
    });
  });

  it('is paused while a clarification is awaited', () => {
    const paused = deadline({ paused: true, dueAt: null });
    expect(deadlineStatus(paused, 'clarification_requested', NOW)).toEqual({ kind: 'paused' });
  });

  it('is soon from the warning time the node gives', () => {
    const due = deadline({ dueAt: at(3 * HOUR), warnAt: at(-1) });
    expect(deadlineStatus(due, 'received', NOW)).toMatchObject({ kind: 'left', soon: true });
    const later = deadline({ dueAt: at(HOUR), warnAt: at(1) });
    expect(deadlineStatus(later, 'received', NOW)).toMatchObject({ kind: 'left', soon: false });
  });

  it('is soon in its last quarter, without a warning time, and overdue once past', () => {
    expect(deadlineStatus(deadline({ dueAt: at(HOUR) }), 'received', NOW)).toMatchObject({
      kind: 'left',
      soon: true,
    });
    expect(deadlineStatus(deadline({ dueAt: at(-2 * HOUR) }), 'delayed', NOW)).toMatchObject({
      kind: 'overdue',
      ms: 2 * HOUR,
    });
  });
});

describe('a duration', () => {
  it('is split into days, hours and minutes, rounded up to the minute', () => {
    expect(splitDuration(((2 * 24 + 5) * 60 + 12) * 60_000 + 1)).toEqual({
      days: 2,
      hours: 5,
      minutes: 13,
    });
    expect(splitDuration(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
