import { fileURLToPath } from 'node:url';
import { runChild, type ChildFailure } from './child';
import type { CompetitorJob, CompetitorResult } from './competitor-worker';

const WORKER = fileURLToPath(new URL('./competitor-worker.ts', import.meta.url));

/** Outcome of running a competitor: timings, its own failure, or a timeout. */
export type CompetitorOutcome = CompetitorResult | ChildFailure;

/**
 * Run one npm summarizer in a child process (so a slow or hanging one can be
 * killed) and collect its timings. `runs` calls are made in one child after
 * it has loaded; the whole child is killed after `timeoutMs`.
 */
export function runCompetitor(job: CompetitorJob, timeoutMs: number): Promise<CompetitorOutcome> {
  return runChild<CompetitorResult>(WORKER, job, timeoutMs);
}
