import { describe, expect, it } from 'vitest';
import { mapPool, withTimeout } from '../../src/scheduler/pool';

describe('mapPool', () => {
  it.each([1, 2, 4, 10])('keeps input order and never exceeds %d in flight', async (limit) => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapPool([5, 1, 4, 2, 3, 0], limit, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let i = 0; i < n; i++) await Promise.resolve();
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBeLessThanOrEqual(limit);
  });

  it('handles an empty list', async () => {
    expect(await mapPool([], 4, async (n: number) => n)).toEqual([]);
  });
});

describe('withTimeout', () => {
  it.each([
    ['the work when it settles first', Promise.resolve('done'), 'done'],
    ['the fallback when the work never settles', new Promise<string>(() => {}), 'timed out'],
  ])('resolves with %s', async (_label, work, expected) => {
    expect(await withTimeout(work, 20, () => 'timed out')).toBe(expected);
  });
});
