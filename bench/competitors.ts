import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CompetitorJob, CompetitorResult } from './competitor-worker';

const WORKER = fileURLToPath(new URL('./competitor-worker.ts', import.meta.url));

/** Outcome of running a competitor: timings, its own failure, or a timeout. */
export type CompetitorOutcome = CompetitorResult | { ok: false; error: string; timedOut: true };

/**
 * Run one npm summarizer in a child process (so a slow or hanging one can be
 * killed) and collect its timings. `runs` calls are made in one child after
 * it has loaded; the whole child is killed after `timeoutMs`.
 */
export function runCompetitor(job: CompetitorJob, timeoutMs: number): Promise<CompetitorOutcome> {
  return new Promise((resolve) => {
    const child = fork(WORKER, [JSON.stringify(job)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    let settled = false;
    const finish = (outcome: CompetitorOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, error: `no answer within ${timeoutMs / 1000} s`, timedOut: true }), timeoutMs);
    child.on('message', (message) => finish(message as CompetitorResult));
    child.on('error', (err) => finish({ ok: false, error: err.message }));
    child.on('exit', (code, signal) => {
      const last = stderr.trim().split('\n').pop() ?? '';
      finish({ ok: false, error: `exited (${signal ?? code}) without a result${last ? `: ${last}` : ''}` });
    });
  });
}
