import { describe, expect, it } from 'vitest';
import { mbPerSecond, mean, median, percentile, sample } from '../../bench/stats';

const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose

describe('median', () => {
  it.each([
    ['odd count', [3, 1, 2], 2],
    ['even count averages the middle two', [4, 1, 3, 2], 2.5],
    ['single value', [7], 7],
    ['negative and fractional', [-1.5, 0.5, 10], 0.5],
  ])('%s', (_name, values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('rejects an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile (nearest rank)', () => {
  it.each([
    ['p50 of 1…100', hundred, 50, 50],
    ['p99 of 1…100', hundred, 99, 99],
    ['p100 is the maximum', hundred, 100, 100],
    ['p0 is the minimum', hundred, 0, 1],
    ['p99 of one value', [5], 99, 5],
    ['p99 of ten values is the largest', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99, 10],
    ['p90 of ten values', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90, 9],
  ])('%s', (_name, values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it.each([
    ['empty list', [], 50],
    ['p above 100', [1], 101],
    ['negative p', [1], -1],
    ['NaN p', [1], Number.NaN],
  ])('rejects %s', (_name, values, p) => {
    expect(() => percentile(values, p)).toThrow(RangeError);
  });
});

describe('mean and throughput', () => {
  it.each([
    [[1, 2, 3, 4], 2.5],
    [[10], 10],
  ])('mean of %j is %d', (values, expected) => {
    expect(mean(values)).toBe(expected);
  });

  it.each([
    ['1 MB in 100 ms', 1_000_000, 100, 10],
    ['100 KB in 10 ms', 100_000, 10, 10],
    ['4.8 KB in 0.5 ms', 4_800, 0.5, 9.6],
  ])('%s is %d MB/s', (_name, bytes, ms, expected) => {
    expect(mbPerSecond(bytes, ms)).toBeCloseTo(expected, 10);
  });

  it('reports an infinite rate for zero time', () => {
    expect(mbPerSecond(10, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('sample', () => {
  it.each([
    ['at least minRuns', { warmup: 2, minRuns: 7, maxRuns: 7, budgetMs: 0 }, 7, 9],
    ['never more than maxRuns', { warmup: 0, minRuns: 1, maxRuns: 3, budgetMs: 60_000 }, 3, 3],
  ])('%s', (_name, options, runs, calls) => {
    let count = 0;
    const times = sample(() => count++, options);
    expect(times).toHaveLength(runs);
    expect(count).toBe(calls);
    expect(times.every((t) => t >= 0)).toBe(true);
  });
});
