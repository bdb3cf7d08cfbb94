import { Cron } from 'croner';
import { InvalidOptionError } from '../errors';
import { normalizeTimeZone } from './timezones';

/** A validated `when` + time zone, ready to store. */
export interface Timing {
  /** What the user typed, trimmed. */
  when: string;
  /** Cron pattern (5 fields, or 6 with seconds). */
  pattern: string;
  /** Canonical IANA time zone. */
  timezone: string;
}

const HH_MM = /^(\d{1,2}):(\d{2})$/;

/**
 * Compile a `when` option: `HH:MM` (daily, 24-hour clock) or a cron expression
 * of 5 fields (minute hour day month weekday) or 6 (seconds first).
 *
 * @throws InvalidOptionError naming the problem.
 */
export function parseWhen(input: string): string {
  const when = input.trim().replace(/\s+/g, ' ');
  if (!when) throw new InvalidOptionError('when', 'give a time such as 08:30, or a cron expression such as "0 8 * * 1-5".');
  const clock = HH_MM.exec(when);
  if (clock) {
    const hours = Number(clock[1]);
    const minutes = Number(clock[2]);
    if (hours > 23 || minutes > 59) throw new InvalidOptionError('when', `"${when}" is not a time of day: use HH:MM from 00:00 to 23:59.`);
    return `${minutes} ${hours} * * *`;
  }
  if (/^\d{1,2}[:.h]\d{0,2}$/i.test(when)) throw new InvalidOptionError('when', `"${when.slice(0, 20)}" is not a time of day: use HH:MM from 00:00 to 23:59.`);
  const fields = when.split(' ');
  if (fields.length !== 5 && fields.length !== 6) {
    throw new InvalidOptionError('when', `a cron expression needs 5 fields (minute hour day month weekday) or 6 (with seconds first); "${when.slice(0, 40)}" has ${fields.length}.`);
  }
  try {
    new Cron(when, { paused: true, mode: '5-or-6-parts' });
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^CronPattern:\s*/, '') : 'not understood';
    throw new InvalidOptionError('when', `"${when.slice(0, 40)}" is not a valid cron expression (${detail.slice(0, 120)}).`);
  }
  return when;
}

/**
 * Validate an IANA time zone name (UTC when empty).
 *
 * @throws InvalidOptionError if the runtime does not know it.
 */
export function parseTimeZone(input: string | null | undefined): string {
  if (input === null || input === undefined || input.trim() === '') return 'UTC';
  const zone = normalizeTimeZone(input);
  if (!zone) throw new InvalidOptionError('timezone', `"${input.trim().slice(0, 40)}" is not an IANA time zone; pick one from the list, such as Asia/Riyadh, Europe/Paris or UTC.`);
  return zone;
}

function cronOf(pattern: string, timezone: string): Cron {
  return new Cron(pattern, { paused: true, mode: '5-or-6-parts', timezone });
}

/** The first due time strictly after `after`, or null if the pattern never runs again. */
export function nextRunAfter(pattern: string, timezone: string, after: Date): Date | null {
  return cronOf(pattern, timezone).nextRun(after);
}

/** The next `count` due times strictly after `after`. */
export function nextRuns(pattern: string, timezone: string, after: Date, count: number): Date[] {
  return cronOf(pattern, timezone).nextRuns(count, after);
}

/** Instants where the UTC offset of `timezone` changes within `days` after `from` (to the minute, bisected). */
export function offsetChanges(timezone: string, from: Date, days = 400): Date[] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' });
  const offsetAt = (ms: number): string => format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const changes: Date[] = [];
  const step = 6 * 3600_000;
  let previous = offsetAt(from.getTime());
  for (let t = from.getTime() + step; t <= from.getTime() + days * 86_400_000; t += step) {
    const current = offsetAt(t);
    if (current === previous) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === previous) lo = mid;
      else hi = mid;
    }
    changes.push(new Date(hi));
    previous = current;
  }
  return changes;
}

/**
 * The shortest gap, in seconds, between consecutive runs of the pattern: over
 * the next 200 runs from `from`, and over 48 runs around each change of UTC
 * offset (DST) in the coming year, where a local-time schedule can bunch up.
 * Infinity when it runs at most once.
 */
export function shortestGapSeconds(pattern: string, timezone: string, from: Date): number {
  const cron = cronOf(pattern, timezone);
  const windows = [cron.nextRuns(200, from), ...offsetChanges(timezone, from).map((change) => cron.nextRuns(48, new Date(change.getTime() - 86_400_000)))];
  let shortest = Infinity;
  for (const runs of windows) {
    for (let i = 1; i < runs.length; i++) shortest = Math.min(shortest, (runs[i]!.getTime() - runs[i - 1]!.getTime()) / 1000);
  }
  return shortest;
}

/**
 * Validate `when` and `timezone` together: a pattern that runs, in a known
 * zone, no more often than every `minIntervalSeconds`.
 *
 * @throws InvalidOptionError naming the problem.
 */
export function parseTiming(when: string, timezone: string | null | undefined, minIntervalSeconds: number, now: Date): Timing {
  const pattern = parseWhen(when);
  const zone = parseTimeZone(timezone);
  if (!nextRunAfter(pattern, zone, now)) throw new InvalidOptionError('when', `"${pattern}" never runs (no such date in the calendar).`);
  if (minIntervalSeconds > 0) {
    const gap = shortestGapSeconds(pattern, zone, now);
    if (gap < minIntervalSeconds) {
      throw new InvalidOptionError('when', `"${when.trim().slice(0, 40)}" runs as often as every ${formatSeconds(gap)}; the minimum gap between runs is ${formatSeconds(minIntervalSeconds)}.`);
    }
  }
  return { when: when.trim().replace(/\s+/g, ' '), pattern, timezone: zone };
}

/** 90 → "1 min 30 s", 900 → "15 min", 7200 → "2 h". */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const minutes = Math.round((s % 3600) / 60);
  return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${s / 3600} h`;
}
