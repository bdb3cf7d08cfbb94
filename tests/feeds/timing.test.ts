import { describe, expect, it } from 'vitest';
import { backoffCheckAt, maxAgeMs, MAX_BACKOFF_MS, nextCheckAt, retryAfterMs } from '../../src/feeds/timing';

const NOW = Date.UTC(2026, 0, 1);
const MIN = 600_000;

describe('feed timing', () => {
  it.each([
    ['120', 120_000],
    [new Date(NOW + 90_000).toUTCString(), 90_000],
    ['soon', undefined],
    [undefined, undefined],
  ])('Retry-After %j → %j ms', (value, expected) => {
    expect(retryAfterMs(value, NOW)).toBe(expected);
  });

  it.each([
    ['public, max-age=900', 900_000],
    ['s-maxage=5', undefined],
    ['no-cache', undefined],
    ['max-age="60"', 60_000],
  ])('Cache-Control %j → %j ms', (value, expected) => {
    expect(maxAgeMs(value)).toBe(expected);
  });

  it.each([
    ['no hints: the minimum interval', {}, MIN],
    ['a shorter max-age does not speed checks up', { headers: { 'cache-control': 'max-age=60' } }, MIN],
    ['ttl of 45 minutes', { ttlMinutes: 45 }, 45 * 60_000],
    ['a day of ttl is capped at an hour', { ttlMinutes: 1440 }, 3600_000],
    ['Retry-After of two hours is capped at an hour', { headers: { 'retry-after': '7200' } }, 3600_000],
  ])('%s', (_case, hints, gap) => {
    expect(nextCheckAt(NOW, MIN, hints) - NOW).toBe(gap);
  });

  it('a minimum interval over an hour still wins over a shorter hint', () => {
    expect(nextCheckAt(NOW, 2 * 3600_000, { ttlMinutes: 30 }) - NOW).toBe(2 * 3600_000);
  });

  it('backoff doubles per failure up to six hours, or the Retry-After when longer', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffCheckAt(NOW, MIN, n) - NOW)).toEqual([MIN, 2 * MIN, 4 * MIN, 8 * MIN, MAX_BACKOFF_MS]);
    expect(backoffCheckAt(NOW, MIN, 1, { 'retry-after': '3000' }) - NOW).toBe(3_000_000);
  });
});
