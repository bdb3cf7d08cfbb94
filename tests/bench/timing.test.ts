import { describe, expect, it } from 'vitest';
import { goalRows, sampleTimings, timeCall, type Timings } from '../../bench/timing';

describe('bench timing', () => {
  it('records one wall time and one CPU time per timed call', () => {
    const timings: Timings = { wallMs: [], cpuMs: [] };
    const busy = () => {
      let x = 0;
      for (let i = 0; i < 200_000; i++) x += Math.sqrt(i);
      return x;
    };
    timeCall(busy, timings);
    expect(timings.wallMs).toHaveLength(1);
    expect(timings.cpuMs).toHaveLength(1);
    expect(timings.cpuMs[0]).toBeGreaterThanOrEqual(0);
  });

  it('samples at least minRuns and at most maxRuns calls after the warm-up', () => {
    let calls = 0;
    const timings = sampleTimings(() => calls++, { warmup: 2, minRuns: 4, maxRuns: 6, budgetMs: 0 });
    expect(timings.wallMs).toHaveLength(4);
    expect(timings.cpuMs).toHaveLength(4);
    expect(calls).toBe(6);
  });

  it.each([
    ['within', [10, 12, 14], [9, 10, 11], [true, true]],
    ['wall over, CPU within', [60, 70, 80], [20, 21, 22], [false, true]],
    ['both over', [60, 70, 80], [55, 56, 57], [false, false]],
  ])('judges wall and CPU medians against the same goal: %s', (_name, wallMs, cpuMs, [wallPass, cpuPass]) => {
    const [wall, cpu] = goalRows({ group: 'feeds', name: 'parse a 1 MB feed', goalMs: 50, timings: { wallMs, cpuMs }, note: 'input' });
    expect(wall).toEqual({ group: 'feeds', name: 'parse a 1 MB feed: median wall', value: wallMs[1], unit: 'ms', goal: '≤ 50 ms', pass: wallPass, note: 'input' });
    expect(cpu).toMatchObject({ group: 'feeds', name: 'parse a 1 MB feed: median CPU time', value: cpuMs[1], unit: 'ms', goal: '≤ 50 ms', pass: cpuPass });
    expect(cpu!.note).toBe(`same 3 runs; wall − CPU = ${Math.max(0, wallMs[1]! - cpuMs[1]!)} ms waiting for a core`);
  });
});
