/**
 * Patterns in the consultation log that a DPO should look at (LED art. 25: the logs
 * serve self-monitoring). Each rule only lists what it found, with the entries that
 * show it; nothing here accuses or blocks anyone — the DPO judges.
 *
 * Pure functions over consultation entries, so that the rules can be tested with
 * exact timestamps; the service loads the window's entries from the audit log.
 */

/** One read of a record, as the audit log keeps it. */
export interface ConsultationEntry {
  seq: number;
  at: Date;
  userId: string;
  username: string;
  agency: { code: string; name: string } | null;
  recordId: string;
  /** request: read in the context of a request; reason: outside it, with a stated reason. */
  context: 'request' | 'reason';
  purpose: string | null;
}

export const ANOMALY_KINDS = ['volume', 'outside_context', 'unusual_hours'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface Anomaly {
  kind: AnomalyKind;
  userId: string;
  username: string;
  agency: { code: string; name: string } | null;
  /** volume: distinct records read; otherwise: the consultations that fit the rule. */
  count: number;
  /** volume only: the median of distinct records read by the other users. */
  peerMedian: number | null;
  evidence: { seq: number; at: Date; recordId: string; purpose: string | null }[];
}

/**
 * A user stands out when they read more than this many times the records their
 * peers read: a few times the median leaves room for a busy investigator, while a
 * sweep through the records (curiosity, or a leak) is usually far above it.
 */
export const VOLUME_FACTOR = 3;
/**
 * …and at least this many distinct records: when everyone reads one or two records,
 * three times the median is still ordinary work and not worth the DPO's time.
 */
export const VOLUME_MINIMUM = 10;
/** Entries shown per anomaly: enough to judge, few enough to read. */
export const EVIDENCE_LIMIT = 20;
/** Unusual hours in Brussels: from 22:00 up to (not including) 06:00, and weekends. */
export const NIGHT_STARTS_HOUR = 22;
export const NIGHT_ENDS_HOUR = 6;

const brusselsClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  weekday: 'short',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** True for an instant at night or on a weekend, in Brussels time (summer time included). */
export function isUnusualHour(at: Date): boolean {
  let weekday = '';
  let hour = 0;
  for (const part of brusselsClock.formatToParts(at)) {
    if (part.type === 'weekday') weekday = part.value;
    if (part.type === 'hour') hour = Number(part.value);
  }
  if (weekday === 'Sat' || weekday === 'Sun') return true;
  return hour >= NIGHT_STARTS_HOUR || hour < NIGHT_ENDS_HOUR;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Newest first, at most EVIDENCE_LIMIT. */
function evidenceOf(entries: readonly ConsultationEntry[]): Anomaly['evidence'] {
  return [...entries]
    .sort((a, b) => b.seq - a.seq)
    .slice(0, EVIDENCE_LIMIT)
    .map(({ seq, at, recordId, purpose }) => ({ seq, at, recordId, purpose }));
}

function byUser(entries: readonly ConsultationEntry[]): Map<string, ConsultationEntry[]> {
  const users = new Map<string, ConsultationEntry[]>();
  for (const entry of entries) {
    const list = users.get(entry.userId);
    if (list) list.push(entry);
    else users.set(entry.userId, [entry]);
  }
  return users;
}

function anomaly(
  kind: AnomalyKind,
  own: readonly ConsultationEntry[],
  count: number,
  peerMedian: number | null,
): Anomaly {
  const first = own[0]!;
  return {
    kind,
    userId: first.userId,
    username: first.username,
    agency: first.agency,
    count,
    peerMedian,
    evidence: evidenceOf(own),
  };
}

/**
 * Users who read far more distinct records than the other users who read any:
 * more than VOLUME_FACTOR × their median, and at least VOLUME_MINIMUM. With no
 * other user in the window there is nobody to compare with, so nothing is flagged.
 * The evidence is the latest read of each distinct record.
 */
export function findVolumeAnomalies(entries: readonly ConsultationEntry[]): Anomaly[] {
  const users = [...byUser(entries).values()].map((own) => {
    const latest = new Map<string, ConsultationEntry>();
    for (const entry of own) {
      const seen = latest.get(entry.recordId);
      if (!seen || entry.seq > seen.seq) latest.set(entry.recordId, entry);
    }
    return { own, latest: [...latest.values()] };
  });
  const found: Anomaly[] = [];
  for (const user of users) {
    const distinct = user.latest.length;
    const peerMedian = median(users.filter((u) => u !== user).map((u) => u.latest.length));
    if (peerMedian === null) continue;
    if (distinct >= VOLUME_MINIMUM && distinct > VOLUME_FACTOR * peerMedian) {
      found.push({
        ...anomaly('volume', user.own, distinct, peerMedian),
        evidence: evidenceOf(user.latest),
      });
    }
  }
  return found;
}

/** Users who read records outside any context of theirs, with a stated reason. */
export function findOutsideContext(entries: readonly ConsultationEntry[]): Anomaly[] {
  return [...byUser(entries.filter((e) => e.context === 'reason')).values()].map((own) =>
    anomaly('outside_context', own, own.length, null),
  );
}

/** Users who read records at night or on a weekend, Brussels time. */
export function findUnusualHours(entries: readonly ConsultationEntry[]): Anomaly[] {
  return [...byUser(entries.filter((e) => isUnusualHour(e.at))).values()].map((own) =>
    anomaly('unusual_hours', own, own.length, null),
  );
}

/** Every rule over the window's entries: by rule, then the most striking first. */
export function findAnomalies(entries: readonly ConsultationEntry[]): Anomaly[] {
  const sorted = (list: Anomaly[]) =>
    list.sort((a, b) => b.count - a.count || a.username.localeCompare(b.username));
  return [
    ...sorted(findVolumeAnomalies(entries)),
    ...sorted(findOutsideContext(entries)),
    ...sorted(findUnusualHours(entries)),
  ];
}
