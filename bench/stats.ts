/**
 * Small statistics helpers for benchmarks: medians, percentiles, throughput
 * and a sampling loop. Pure functions except {@link sample}, which times a
 * callback.
 */

/** Values sorted ascending, as a new array. */
function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * Median of the values (mean of the two middle values for an even count).
 * @throws RangeError on an empty list.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Percentile by the nearest-rank method: the smallest value such that at
 * least `p` % of the values are less than or equal to it. `p` is in [0, 100];
 * p = 0 gives the minimum, p = 100 the maximum.
 * @throws RangeError on an empty list or a p outside [0, 100].
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of an empty list');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  const s = sorted(values);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}

/** Arithmetic mean. @throws RangeError on an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of an empty list');
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Throughput in MB/s (1 MB = 1,000,000 bytes) for `bytes` processed in `ms` milliseconds. */
export function mbPerSecond(bytes: number, ms: number): number {
  if (ms <= 0) return Number.POSITIVE_INFINITY;
  return bytes / 1e6 / (ms / 1000);
}

/** Bounds of a sampling loop. */
export interface SampleOptions {
  /** Untimed calls first, to warm the JIT (default 3). */
  warmup?: number;
  /** Fewest timed calls (default 5). */
  minRuns?: number;
  /** Most timed calls (default 1000). */
  maxRuns?: number;
  /** Stop once this much time (ms) was spent and minRuns were done (default 1000). */
  budgetMs?: number;
}

/**
 * Time `fn` repeatedly and return every duration in milliseconds: at least
 * `minRuns`, at most `maxRuns`, stopping once `budgetMs` is spent.
 */
export function sample(fn: () => unknown, options: SampleOptions = {}): number[] {
  const { warmup = 3, minRuns = 5, maxRuns = 1000, budgetMs = 1000 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}
