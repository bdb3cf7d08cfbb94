/** One figure of `npm run bench`, shown in one table beside its goal. */
export interface BenchRow {
  /** Table group: engine, library, bot, scheduler. */
  group: string;
  /** What was measured, e.g. "seed median". */
  name: string;
  value: number;
  /** Unit of value: ms, MB/s, MB, ×, … */
  unit: string;
  /** The goal as text, e.g. "≤ 1 ms"; absent for figures without a goal (comparisons). */
  goal?: string;
  /** Whether the goal is met; absent when there is no goal. */
  pass?: boolean;
  /** Free note, e.g. the ratio to a competitor. */
  note?: string;
}

/** Shared inputs of every bench module. */
export interface BenchContext {
  /** Absolute path of ../shared (read-only data). */
  sharedDir: string;
  /** Scratch folder for this run, removed afterwards. */
  tmpDir: string;
  /** Report progress on long steps (prints only on a TTY). */
  progress(label: string, done: number, total: number): void;
}

/** A bench module: `bench/<group>.ts` exports `run`. */
export type BenchModule = { run(ctx: BenchContext): Promise<BenchRow[]> };
