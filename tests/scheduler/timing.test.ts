import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors';
import { formatSeconds, nextRuns, parseTimeZone, parseTiming, parseWhen, shortestGapSeconds } from '../../src/scheduler/timing';
import { normalizeTimeZone, suggestTimeZones, TIME_ZONES } from '../../src/scheduler/timezones';

const iso = (dates: Date[]): string[] => dates.map((d) => d.toISOString());

describe('parseWhen', () => {
  it.each([
    ['08:30', '30 8 * * *'],
    ['8:05', '5 8 * * *'],
    ['00:00', '0 0 * * *'],
    ['23:59', '59 23 * * *'],
    ['0 8 * * 1-5', '0 8 * * 1-5'],
    ['  0   */6  * * * ', '0 */6 * * *'],
    ['30 0 9 * * MON', '30 0 9 * * MON'],
  ])('accepts %j as %j', (input, pattern) => {
    expect(parseWhen(input)).toBe(pattern);
  });

  it.each([
    ['24:00', /not a time of day/],
    ['12:60', /not a time of day/],
    ['8h30', /not a time of day/],
    ['', /give a time/],
    ['0 8 * *', /5 fields .* has 4/],
    ['0 0 8 * * * *', /has 7/],
    ['0 8 * * 9', /not a valid cron expression/],
    ['61 * * * *', /not a valid cron expression/],
    ['every day at eight', /has 4/],
    ['صباحا كل يوم', /has 3/],
    ['@daily', /has 1/],
  ])('rejects %j with a message naming the problem', (input, message) => {
    expect(() => parseWhen(input)).toThrow(InvalidOptionError);
    expect(() => parseWhen(input)).toThrow(message);
  });
});

describe('time zones', () => {
  it.each([
    [undefined, 'UTC'],
    ['', 'UTC'],
    ['Asia/Riyadh', 'Asia/Riyadh'],
    ['europe/paris', 'Europe/Paris'],
    ['America/New_York', 'America/New_York'],
    ['UTC', 'UTC'],
  ])('parseTimeZone(%j) → %s', (input, zone) => {
    expect(parseTimeZone(input)).toBe(zone);
  });

  it.each(['Mars/Olympus', 'Paris', '../../etc/passwd', 'Europe/Paris; DROP TABLE', 'x'.repeat(100)])('parseTimeZone rejects %j', (input) => {
    expect(() => parseTimeZone(input)).toThrow(/not an IANA time zone/);
  });

  it('lists UTC and hundreds of zones, sorted', () => {
    expect(TIME_ZONES).toContain('UTC');
    expect(TIME_ZONES.length).toBeGreaterThan(300);
    expect(normalizeTimeZone('PACIFIC/AUCKLAND')).toBe('Pacific/Auckland');
  });

  it.each([
    ['', 'UTC'],
    ['riy', 'Asia/Riyadh'],
    ['paris', 'Europe/Paris'],
    ['new york', 'America/New_York'],
    ['Europe/Pa', 'Europe/Paris'],
  ])('suggestTimeZones(%j) includes %s, at most 25', (query, zone) => {
    const suggestions = suggestTimeZones(query);
    expect(suggestions).toContain(zone);
    expect(suggestions.length).toBeLessThanOrEqual(25);
  });

  it('suggests nothing for a query that matches no zone', () => {
    expect(suggestTimeZones('zzzzqqq')).toEqual([]);
  });
});

describe('due times across time zones and DST', () => {
  it.each([
    // Europe/Paris springs forward on 2026-03-29 (02:00 → 03:00) and falls back on 2026-10-25.
    ['Paris daily 09:00 across spring-forward', '0 9 * * *', 'Europe/Paris', '2026-03-28T00:00:00Z', ['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']],
    ['Paris daily 09:00 across fall-back', '0 9 * * *', 'Europe/Paris', '2026-10-24T00:00:00Z', ['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']],
    ['Paris 02:30 falls in the spring gap and runs once after it', '30 2 * * *', 'Europe/Paris', '2026-03-28T12:00:00Z', ['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']],
    // New York: spring forward 2026-03-08, fall back 2026-11-01.
    ['New York 08:00 across spring-forward', '0 8 * * *', 'America/New_York', '2026-03-07T00:00:00Z', ['2026-03-07T13:00:00.000Z', '2026-03-08T12:00:00.000Z']],
    ['New York 01:30 runs once on the fall-back day', '30 1 * * *', 'America/New_York', '2026-10-31T12:00:00Z', ['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']],
    // Riyadh: UTC+3 all year.
    ['Riyadh 07:00 is 04:00 UTC in March and October', '0 7 * * *', 'Asia/Riyadh', '2026-03-28T00:00:00Z', ['2026-03-28T04:00:00.000Z', '2026-03-29T04:00:00.000Z']],
    // Auckland: DST ends 2026-04-05 03:00 local (UTC+13 → +12): 06:00 on the 5th is already +12.
    ['Auckland 06:00 across the April change', '0 6 * * *', 'Pacific/Auckland', '2026-04-03T00:00:00Z', ['2026-04-03T17:00:00.000Z', '2026-04-04T18:00:00.000Z', '2026-04-05T18:00:00.000Z']],
    ['UTC every 6 hours', '0 */6 * * *', 'UTC', '2026-01-01T01:00:00Z', ['2026-01-01T06:00:00.000Z', '2026-01-01T12:00:00.000Z']],
  ])('%s', (_label, pattern, zone, from, expected) => {
    expect(iso(nextRuns(pattern, zone, new Date(from), expected.length))).toEqual(expected);
  });
});

describe('minimum interval', () => {
  const now = new Date('2026-01-10T00:00:00Z');

  it.each([
    ['08:30', 'UTC', 900],
    ['*/15 * * * *', 'Europe/Paris', 900],
    ['0 9 * * 1-5', 'America/New_York', 900],
    ['0 7,19 * * *', 'Asia/Riyadh', 3600],
    ['0 6 * * *', 'Pacific/Auckland', 86_400 - 3600],
  ])('accepts %j in %s with a %d s minimum', (when, zone, min) => {
    expect(parseTiming(when, zone, min, now).pattern).toBeTruthy();
  });

  it.each([
    ['*/10 * * * *', 'UTC', 900, /every 10 min; the minimum gap between runs is 15 min/],
    ['*/2 * * * * *', 'UTC', 900, /every 2 s/],
    ['0,5 9 * * 1', 'Europe/Paris', 900, /every 5 min/],
    ['0 8 * * *', 'Pacific/Auckland', 86_400, /every 23 h/],
    ['0 0 30 2 *', 'UTC', 900, /never runs/],
  ])('rejects %j in %s with a %d s minimum', (when, zone, min, message) => {
    expect(() => parseTiming(when, zone, min, now)).toThrow(message);
  });

  it('0 turns the minimum off (tests and local runs)', () => {
    expect(parseTiming('*/2 * * * * *', 'UTC', 0, now).pattern).toBe('*/2 * * * * *');
  });

  it('finds a gap that only shrinks on a DST change', () => {
    // 01:00 and 02:00 local: 1 h apart, except around New York's fall-back where 01:00 repeats.
    expect(shortestGapSeconds('0 1,2 * * *', 'America/New_York', now)).toBeLessThanOrEqual(3600);
    expect(shortestGapSeconds('0 1,2 * * *', 'UTC', now)).toBe(3600);
  });

  it.each([
    [59, '59 s'],
    [900, '15 min'],
    [90, '1 min 30 s'],
    [7200, '2 h'],
    [82_800, '23 h'],
  ])('formatSeconds(%d) = %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});
