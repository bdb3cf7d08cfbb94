/** Where progress goes: a stream that may be a terminal. */
export interface ProgressSink {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/** Reports progress of a long step: `label done/total`. */
export type ProgressFn = (label: string, done: number, total: number) => void;

/**
 * A progress reporter that redraws one line (`\r`) on `sink` at most every
 * `intervalMs` and on completion, and prints nothing at all unless `enabled`
 * (callers pass "stdout is a TTY"). The final update ends the line.
 */
export function createProgress(sink: ProgressSink, enabled: boolean, intervalMs = 100, now: () => number = Date.now): ProgressFn {
  let last = Number.NEGATIVE_INFINITY;
  return (label, done, total) => {
    if (!enabled) return;
    const finished = done >= total;
    const t = now();
    if (!finished && t - last < intervalMs) return;
    last = t;
    const pct = total > 0 ? Math.floor((Math.min(done, total) / total) * 100) : 100;
    sink.write(`\r\x1b[2K${label} ${done}/${total} (${pct}%)${finished ? '\n' : ''}`);
  };
}
