import { createHash } from 'node:crypto';
import { Cron } from 'croner';
import { InvalidOptionError } from '../errors';
import { scheduleMessages as say } from './messages';
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
  if (!when) throw new InvalidOptionError('when', say.whenMissing());
  const clock = HH_MM.exec(when);
  if (clock) {
    const hours = Number(clock[1]);
    const minutes = Number(clock[2]);
    if (hours > 23 || minutes > 59) throw new InvalidOptionError('when', say.notTimeOfDay(when));
    return `${minutes} ${hours} * * *`;
  }
  if (/^\d{1,2}[:.h]\d{0,2}$/i.test(when)) throw new InvalidOptionError('when', say.notTimeOfDay(when.slice(0, 20)));
  const fields = when.split(' ');
  if (fields.length !== 5 && fields.length !== 6) {
    throw new InvalidOptionError('when', say.cronFields(when.slice(0, 40), fields.length));
  }
  try {
    new Cron(when, { paused: true, mode: '5-or-6-parts' });
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^CronPattern:\s*/, '') : 'not understood';
    throw new InvalidOptionError('when', say.badCron(when.slice(0, 40), detail.slice(0, 120)));
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
  if (!zone) throw new InvalidOptionError('timezone', say.unknownZone(input.trim().slice(0, 40)));
  return zone;
}

function cronOf(pattern: string, timezone: string): Cron {
  return new Cron(pattern, { paused: true, mode: '5-or-6-parts', timezone });
}

/** The first due time strictly after `after`, or null if the pattern never runs again. */
export function nextRunAfter(pattern: string, timezone: string, after: Date): Date | null {
  return cronOf(pattern, timezone).nextRun(after);
}

/**
 * How long after each due time a channel's schedules run, ms: whole seconds
 * in `[0, spreadSeconds)` from a hash of the channel id, the same on every
 * process and every run, so schedules that share a due time (every server's
 * 08:00) are spread over the window instead of all firing in one second.
 * 0 when `spreadSeconds` is 0.
 */
export function spreadDelayMs(channelId: string, spreadSeconds: number): number {
  if (spreadSeconds <= 0) return 0;
  const hash = createHash('sha256').update(channelId).digest().readUInt32BE(0);
  return (hash % Math.floor(spreadSeconds)) * 1000;
}

/**
 * The first run strictly after `after` of a schedule whose runs come
 * `delayMs` after the pattern's due times: due time + delay, for the first
 * due time whose run is still ahead. Never before a due time, and never
 * skips one (a run at due + delay is followed by the next due time's, even
 * when the delay is longer than the gap between due times). Null if the
 * pattern never runs again.
 */
export function nextRunTime(pattern: string, timezone: string, after: Date, delayMs: number): Date | null {
  const due = nextRunAfter(pattern, timezone, new Date(after.getTime() - delayMs));
  return due && new Date(due.getTime() + delayMs);
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
  if (!nextRunAfter(pattern, zone, now)) throw new InvalidOptionError('when', say.noSuchDate(pattern));
  if (minIntervalSeconds > 0) {
    const gap = shortestGapSeconds(pattern, zone, now);
    if (gap < minIntervalSeconds) {
      throw new InvalidOptionError('when', say.tooOften(when.trim().slice(0, 40), gap, minIntervalSeconds));
    }
  }
  return { when: when.trim().replace(/\s+/g, ' '), pattern, timezone: zone };
}

// Kept importable from here, where it lived before user messages got their own module.
export { formatSeconds } from './messages';
