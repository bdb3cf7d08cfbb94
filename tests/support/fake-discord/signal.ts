/**
 * A change notifier: code that records something calls `notify()`, and
 * `waitFor` re-checks its condition on every notification until it holds
 * or the timeout passes (then it rejects naming what it waited for).
 */
export class Signal {
  private readonly listeners = new Set<() => void>();

  /** Wake every waiter so it re-checks its condition. */
  notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolve with the first non-undefined result of `check`. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, label: string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const listener = (): void => {
        const v = check();
        if (v === undefined) return;
        cleanup();
        resolve(v);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${label}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }
}
