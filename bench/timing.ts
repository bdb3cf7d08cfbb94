/**
 * Timing a callback by wall-clock and CPU time together, and the pair of
 * rows that shows both beside one goal. On a shared machine the wall time
 * includes waiting for a core; the CPU time (`process.cpuUsage`, user +
 * system, so GC threads count too) is what the work itself costs.
 */
import { median, type SampleOptions } from './stats';
import type { BenchRow } from './types';

/** Wall-clock and CPU time of every timed call, in ms, in call order. */
export interface Timings {
  wallMs: number[];
  cpuMs: number[];
}

/** Time one call of `fn`, adding its wall and CPU time to `into`. */
export function timeCall(fn: () => unknown, into: Timings): void {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  into.wallMs.push(performance.now() - t0);
  const used = process.cpuUsage(cpu0);
  into.cpuMs.push((used.user + used.system) / 1000);
}

/**
 * Call `fn` repeatedly (after `warmup` untimed calls): at least `minRuns`,
 * at most `maxRuns`, stopping once `budgetMs` of wall time is spent.
 */
export function sampleTimings(fn: () => unknown, options: SampleOptions = {}): Timings {
  const { warmup = 3, minRuns = 5, maxRuns = 1000, budgetMs = 1000 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const timings: Timings = { wallMs: [], cpuMs: [] };
  const start = performance.now();
  while (timings.wallMs.length < maxRuns && (timings.wallMs.length < minRuns || performance.now() - start < budgetMs)) timeCall(fn, timings);
  return timings;
}

/** What {@link goalRows} needs: where the rows go, what they measure and the goal. */
export interface GoalRowsInput {
  group: string;
  /** The figure, e.g. "parse a 1 MB feed"; the rows add "median wall" and "median CPU time". */
  name: string;
  goalMs: number;
  timings: Timings;
  /** Note of the wall-time row (the input, its size, the slowest case…). */
  note: string;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Two rows, median wall time and median CPU time of the same runs, each judged against the same goal. */
export function goalRows({ group, name, goalMs, timings, note }: GoalRowsInput): BenchRow[] {
  const wall = median(timings.wallMs);
  const cpu = median(timings.cpuMs);
  const goal = `≤ ${goalMs} ms`;
  return [
    { group, name: `${name}: median wall`, value: round(wall), unit: 'ms', goal, pass: wall <= goalMs, note },
    { group, name: `${name}: median CPU time`, value: round(cpu), unit: 'ms', goal, pass: cpu <= goalMs, note: `same ${timings.cpuMs.length} runs; wall − CPU = ${round(Math.max(0, wall - cpu))} ms waiting for a core` },
  ];
}
