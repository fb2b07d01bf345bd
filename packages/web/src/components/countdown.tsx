import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEADLINE_LIMIT_MS,
  OPEN_STATES,
  type Deadline,
  type RequestState,
} from '../api/exchange.js';
import { useFormat } from './format.js';

/** How often deadlines shown are counted down again. */
export const COUNTDOWN_REFRESH_MS = 30_000;

const MINUTE_MS = 60_000;

/** The current time, renewed every interval (one timer for all the countdowns of a page). */
export function useNow(intervalMs = COUNTDOWN_REFRESH_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** What a deadline comes to at a moment: nothing running, paused, time left, or overdue. */
export type DeadlineStatus =
  | { kind: 'none' }
  | { kind: 'paused' }
  | { kind: 'left'; ms: number; soon: boolean; dueAt: string }
  | { kind: 'overdue'; ms: number; dueAt: string };

/**
 * The state of a request's deadline at `now`. Only an open request (one the requested side still
 * owes an answer) has a running deadline; it is "soon" in its last quarter.
 */
export function deadlineStatus(
  deadline: Deadline | null,
  state: RequestState,
  now: number,
): DeadlineStatus {
  if (deadline === null || !OPEN_STATES.includes(state)) return { kind: 'none' };
  if (deadline.paused) return { kind: 'paused' };
  if (deadline.dueAt === null) return { kind: 'none' };
  const left = Date.parse(deadline.dueAt) - now;
  if (left <= 0 || deadline.overdue) {
    return { kind: 'overdue', ms: Math.max(0, -left), dueAt: deadline.dueAt };
  }
  // The node's own warning time; the last quarter of the limit where it gives none.
  const soon =
    deadline.warnAt !== null
      ? now >= Date.parse(deadline.warnAt)
      : left < DEADLINE_LIMIT_MS[deadline.class] / 4;
  return { kind: 'left', ms: left, soon, dueAt: deadline.dueAt };
}

/** Splits a duration into whole days, hours and minutes (rounded up to the minute). */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const minutesTotal = Math.ceil(Math.max(0, ms) / MINUTE_MS);
  return {
    days: Math.floor(minutesTotal / (24 * 60)),
    hours: Math.floor((minutesTotal % (24 * 60)) / 60),
    minutes: minutesTotal % 60,
  };
}

/** "2 days 5 hours", "3 hours 12 minutes", "12 minutes", in the user's language. */
export function useDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const { days, hours, minutes } = splitDuration(ms);
    const d = t('exchange.duration.days', { count: days });
    const h = t('exchange.duration.hours', { count: hours });
    const m = t('exchange.duration.minutes', { count: minutes });
    if (days > 0) return hours > 0 ? `${d} ${h}` : d;
    if (hours > 0) return minutes > 0 ? `${h} ${m}` : h;
    return m;
  };
}

/**
 * A request's deadline as a countdown: the time left, "paused" while a clarification is awaited,
 * or "overdue by …" in red. Not a live region: it changes every half minute.
 */
export function Countdown({
  deadline,
  state,
  now,
  showDue = false,
}: {
  deadline: Deadline | null;
  state: RequestState;
  now: number;
  /** Also show the date and time it is due. */
  showDue?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const status = deadlineStatus(deadline, state, now);
  switch (status.kind) {
    case 'none':
      return (
        <span className="deadline deadline-none" data-testid="deadline" data-deadline="none">
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{t('exchange.countdown.none')}</span>
        </span>
      );
    case 'paused':
      return (
        <span className="deadline deadline-paused" data-testid="deadline" data-deadline="paused">
          {t('exchange.countdown.paused')}
        </span>
      );
    case 'left':
    case 'overdue': {
      const due = format.dateTime(status.dueAt);
      const text =
        status.kind === 'overdue'
          ? t('exchange.countdown.overdue', { time: duration(status.ms) })
          : t('exchange.countdown.left', { time: duration(status.ms) });
      const className =
        status.kind === 'overdue'
          ? 'deadline deadline-overdue'
          : status.soon
            ? 'deadline deadline-soon'
            : 'deadline';
      return (
        <span
          className={className}
          data-testid="deadline"
          data-deadline={status.kind === 'overdue' ? 'overdue' : status.soon ? 'soon' : 'running'}
          title={t('exchange.countdown.due', { time: due })}
        >
          {status.kind === 'left' && status.soon && (
            <span aria-hidden="true" className="deadline-mark">
              !{' '}
            </span>
          )}
          {text}
          {status.kind === 'left' && status.soon && (
            <span className="visually-hidden"> ({t('exchange.countdown.soon')})</span>
          )}
          {showDue && (
            <span className="small block">
              <time dateTime={status.dueAt}>{t('exchange.countdown.due', { time: due })}</time>
            </span>
          )}
        </span>
      );
    }
  }
}
