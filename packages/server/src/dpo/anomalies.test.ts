import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_LIMIT,
  VOLUME_FACTOR,
  VOLUME_MINIMUM,
  findAnomalies,
  findOutsideContext,
  findUnusualHours,
  findVolumeAnomalies,
  isUnusualHour,
  median,
  type ConsultationEntry,
} from './anomalies.js';

let seq = 0;
/** A weekday afternoon in Brussels (Wednesday 2026-11-18, 14:00 CET). */
const WORKING_HOURS = '2026-11-18T13:00:00Z';

function read(
  user: string,
  recordId: string,
  overrides: Partial<ConsultationEntry> = {},
): ConsultationEntry {
  seq += 1;
  return {
    seq,
    at: new Date(WORKING_HOURS),
    userId: `id-${user}`,
    username: user,
    agency: { code: 'BE-FP', name: 'Federale Politie' },
    recordId,
    context: 'request',
    purpose: `BE-2026-00001: ${recordId}`,
    ...overrides,
  };
}

/** `count` reads of distinct records by one user. */
const reads = (user: string, count: number, prefix = user) =>
  Array.from({ length: count }, (_, i) => read(user, `${prefix}-record-${i}`));

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('volume', () => {
  it('flags a user above three times the peer median and at least the minimum', () => {
    // Peers read 2, 3 and 4 distinct records: the median is 3; 10 > 9 and ≥ 10.
    const entries = [...reads('a', 2), ...reads('b', 3), ...reads('c', 4), ...reads('heavy', 10)];
    const found = findVolumeAnomalies(entries);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'volume',
      userId: 'id-heavy',
      username: 'heavy',
      count: 10,
      peerMedian: 3,
    });
    expect(found[0]!.evidence).toHaveLength(10);
  });

  it('counts distinct records, not reads', () => {
    const again = Array.from({ length: 30 }, () => read('heavy', 'the-same-record'));
    const entries = [...reads('a', 1), ...reads('b', 1), ...again];
    expect(findVolumeAnomalies(entries)).toEqual([]);
  });

  it('does not flag exactly three times the median', () => {
    // Peer median 4, the user reads 12 = 3 × 4: not more than.
    const entries = [...reads('a', 4), ...reads('b', 4), ...reads('heavy', 12)];
    expect(VOLUME_FACTOR * 4).toBe(12);
    expect(findVolumeAnomalies(entries)).toEqual([]);
    entries.push(read('heavy', 'one-more'));
    expect(findVolumeAnomalies(entries).map((a) => [a.username, a.count])).toEqual([['heavy', 13]]);
  });

  it('does not flag fewer than the minimum, however far above the peers', () => {
    const entries = [...reads('a', 1), ...reads('b', 1), ...reads('heavy', VOLUME_MINIMUM - 1)];
    expect(findVolumeAnomalies(entries)).toEqual([]);
  });

  it('has nobody to compare with when a user reads alone', () => {
    expect(findVolumeAnomalies(reads('alone', 100))).toEqual([]);
  });

  it('compares with the median of the other users only', () => {
    // Two users: each one's peer median is the other's count.
    const found = findVolumeAnomalies([...reads('a', 2), ...reads('heavy', 40)]);
    expect(found.map((a) => [a.username, a.peerMedian])).toEqual([['heavy', 2]]);
  });

  it('shows at most the evidence limit, the latest read of each record first', () => {
    const entries = [...reads('a', 1), ...reads('b', 1), ...reads('heavy', 30)];
    const first = entries.find((e) => e.username === 'heavy')!;
    entries.push(read('heavy', first.recordId, { purpose: 'read again' }));
    const [found] = findVolumeAnomalies(entries);
    expect(found!.count).toBe(30);
    expect(found!.evidence).toHaveLength(EVIDENCE_LIMIT);
    expect(found!.evidence[0]).toMatchObject({ recordId: first.recordId, purpose: 'read again' });
    const seqs = found!.evidence.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
  });
});

describe('outside context', () => {
  it('lists reads with a stated reason, per user, with their evidence', () => {
    const entries = [
      read('a', 'r1'),
      read('a', 'r2', { context: 'reason', purpose: 'identity_check: stopped at Hazeldonk' }),
      read('b', 'r3', { context: 'reason', purpose: 'ongoing_investigation: case 12' }),
      read('b', 'r4', { context: 'reason', purpose: 'ongoing_investigation: case 12' }),
      read('c', 'r5'),
    ];
    const found = findOutsideContext(entries);
    expect(found.map((a) => [a.username, a.count, a.peerMedian])).toEqual([
      ['a', 1, null],
      ['b', 2, null],
    ]);
    expect(found[0]!.evidence).toEqual([
      {
        seq: entries[1]!.seq,
        at: new Date(WORKING_HOURS),
        recordId: 'r2',
        purpose: 'identity_check: stopped at Hazeldonk',
      },
    ]);
  });
});

describe('unusual hours (Brussels time)', () => {
  it.each([
    // Winter time (CET, UTC+1).
    ['2026-11-18T04:59:00Z', true, 'Wednesday 05:59 CET'],
    ['2026-11-18T05:00:00Z', false, 'Wednesday 06:00 CET'],
    ['2026-11-18T20:59:59Z', false, 'Wednesday 21:59:59 CET'],
    ['2026-11-18T21:00:00Z', true, 'Wednesday 22:00 CET'],
    ['2026-11-18T23:30:00Z', true, 'Thursday 00:30 CET'],
    // Summer time (CEST, UTC+2): the same UTC instants fall an hour later.
    ['2026-06-17T04:00:00Z', false, 'Wednesday 06:00 CEST'],
    ['2026-06-17T03:59:00Z', true, 'Wednesday 05:59 CEST'],
    ['2026-06-17T19:59:00Z', false, 'Wednesday 21:59 CEST'],
    ['2026-06-17T20:00:00Z', true, 'Wednesday 22:00 CEST'],
    // Weekends, whatever the hour; Friday evening and Monday morning by local time.
    ['2026-11-21T11:00:00Z', true, 'Saturday 12:00 CET'],
    ['2026-11-22T11:00:00Z', true, 'Sunday 12:00 CET'],
    ['2026-11-20T22:30:00Z', true, 'Friday 23:30 CET'],
    ['2026-11-22T22:59:00Z', true, 'Sunday 23:59 CET'],
    ['2026-11-22T23:00:00Z', true, 'Monday 00:00 CET'],
    ['2026-11-23T05:00:00Z', false, 'Monday 06:00 CET'],
  ])('%s is %s (%s)', (at, unusual) => {
    expect(isUnusualHour(new Date(at))).toBe(unusual);
  });

  it('follows the switch to summer time (Sunday 29 March 2026)', () => {
    // 05:30 CET on the Monday before the switch, 06:30 CEST on the Monday after.
    expect(isUnusualHour(new Date('2026-03-23T04:30:00Z'))).toBe(true);
    expect(isUnusualHour(new Date('2026-03-30T04:30:00Z'))).toBe(false);
    // The night of the switch: Sunday 23:30 CEST is 21:30 UTC, Monday 00:30 CEST is 22:30 UTC.
    expect(isUnusualHour(new Date('2026-03-29T21:30:00Z'))).toBe(true);
    expect(isUnusualHour(new Date('2026-03-29T22:30:00Z'))).toBe(true);
    expect(isUnusualHour(new Date('2026-03-30T03:59:00Z'))).toBe(true);
    expect(isUnusualHour(new Date('2026-03-30T04:00:00Z'))).toBe(false);
  });

  it('follows the switch back to winter time (Sunday 25 October 2026)', () => {
    // 22:30 CEST on the Friday before, 21:30 CET on the Friday after: the same UTC time.
    expect(isUnusualHour(new Date('2026-10-23T20:30:00Z'))).toBe(true);
    expect(isUnusualHour(new Date('2026-10-30T20:30:00Z'))).toBe(false);
  });

  it('lists the users who read at those hours, with only those reads as evidence', () => {
    const night = read('a', 'r1', { at: new Date('2026-11-18T02:00:00Z') });
    const weekend = read('b', 'r2', { at: new Date('2026-11-21T11:00:00Z') });
    const entries = [read('a', 'r0'), night, weekend, read('c', 'r3')];
    const found = findUnusualHours(entries);
    expect(found.map((a) => [a.username, a.count])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(found[0]!.evidence.map((e) => e.seq)).toEqual([night.seq]);
    expect(found[1]!.evidence[0]!.at).toEqual(new Date('2026-11-21T11:00:00Z'));
  });
});

describe('all rules together', () => {
  it('lists by rule, then the largest count first, and nothing for ordinary work', () => {
    expect(findAnomalies([...reads('a', 3), ...reads('b', 4)])).toEqual([]);
    const entries = [
      ...reads('a', 1),
      ...reads('b', 1),
      ...reads('heavy', 12),
      read('x', 'r1', { context: 'reason' }),
      read('y', 'r2', { context: 'reason' }),
      read('y', 'r3', { context: 'reason' }),
      read('x', 'r4', { at: new Date('2026-11-21T11:00:00Z') }),
    ];
    expect(findAnomalies(entries).map((a) => [a.kind, a.username, a.count])).toEqual([
      ['volume', 'heavy', 12],
      ['outside_context', 'y', 2],
      ['outside_context', 'x', 1],
      ['unusual_hours', 'x', 1],
    ]);
  });
});
