/**
 * Run `work` over `items` with at most `limit` in flight at once; results in
 * input order. `work` must not throw (wrap it); the pool itself never rejects.
 */
export async function mapPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/** Resolve with `work`'s value, or with `onTimeout()` after `ms` (the work keeps running). */
export function withTimeout<R>(work: Promise<R>, ms: number, onTimeout: () => R): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<R>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
