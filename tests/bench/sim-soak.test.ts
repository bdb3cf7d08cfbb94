import { describe, expect, it } from 'vitest';
import { memoryTrend } from '../../bench/sim-soak';

const MIN = 60_000;
const series = (mb: number[]) => mb.map((value, i) => ({ at: i * MIN, value: value * 1e6 }));

describe('memoryTrend (the soak’s figures)', () => {
  it.each([
    ['flat', [100, 100, 100, 100], 0],
    ['1 MB a minute is 60 MB an hour', [100, 101, 102, 103], 60],
    ['falling', [110, 105, 100], -300],
    ['noise around a flat line', [100, 102, 98, 100, 98, 102, 100], 0],
  ] as const)('%s', (_what, mb, perHour) => {
    const trend = memoryTrend(series([...mb]));
    expect(trend.mbPerHour).toBeCloseTo(perHour, 6);
    expect(trend.first).toBe(mb[0]! * 1e6);
    expect(trend.last).toBe(mb.at(-1)! * 1e6);
    expect(trend.max).toBe(Math.max(...mb) * 1e6);
    expect(trend.samples).toBe(mb.length);
  });

  it.each([
    ['no sample', []],
    ['one sample', [{ at: 0, value: 1e8 }]],
    ['two samples at one time', [{ at: 5, value: 1e8 }, { at: 5, value: 2e8 }]],
  ])('no slope from %s', (_what, samples) => {
    expect(memoryTrend(samples).mbPerHour).toBeNaN();
  });
});
