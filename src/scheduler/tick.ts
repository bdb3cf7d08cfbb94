import type { Logger } from 'pino';
import type { ScheduleRecord } from '../store/types';
import { mapPool, withTimeout } from './pool';
import { runSchedule, type RunDeps, type RunReport } from './run';
import { nextRunAfter } from './timing';

/** Logging the scheduler does (a pino logger fits). */
export type SchedulerLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

/** Everything a tick needs; no timers, no globals. */
export interface TickDeps extends RunDeps {
  logger?: SchedulerLogger;
  /** Schedules run at once (default 8). */
  concurrency?: number;
  /** A run taking longer is reported as failed and no longer waited for (default 60 s). */
  runTimeoutMs?: number;
  /** Most schedules taken per tick (default 1000; the rest stay due for the next tick). */
  dueLimit?: number;
  /**
   * Channels with a run in flight, shared across ticks: a channel is never
   * posted to by two runs at once. Runs that time out keep their channel
   * here until they really end.
   */
  busyChannels?: Set<string>;
  /** How long a claim holds a schedule before its next run is written (default 60 s); a worker that dies meanwhile loses it then. */
  claimLeaseMs?: number;
  /** Called once this tick's schedules are claimed (the service re-arms its timer then). */
  onClaimed?: () => void;
}

/** What a tick did. */
export interface TickReport {
  /** The tick's `now`, epoch ms. */
  at: number;
  /** Schedules that were due. */
  due: number;
  runs: RunReport[];
}

/**
 * One pass of the scheduler at `now`: claim the active schedules due by then
 * (index on `next_run_at`), move each one's next run to the first due time
 * after `now` (so downtime is made up by one run, not one per missed time),
 * then run them with bounded concurrency, each isolated (its errors and its
 * timeout affect no other).
 *
 * The claim is atomic in the store ({@link ScheduleStore.claimDue}: a lease
 * written in one transaction, `FOR UPDATE SKIP LOCKED` on Postgres), so a
 * second tick, in this process or another worker, never takes the same
 * schedules again.
 */
export async function tick(now: Date, deps: TickDeps): Promise<TickReport> {
  const at = now.getTime();
  const busy = deps.busyChannels ?? new Set<string>();
  const claimed: ScheduleRecord[] = [];
  const runs: RunReport[] = [];
  const nextRuns: Array<{ id: number; nextRunAt: number }> = [];
  const runnable: ScheduleRecord[] = [];
  let due: ScheduleRecord[];
  try {
    due = await deps.store.schedules.claimDue(at, deps.dueLimit ?? 1000, deps.claimLeaseMs ?? 60_000);
    for (const schedule of due) {
      const next = safeNextRun(schedule, now);
      if (next === null) {
        const reason = `"${schedule.when}" has no further run in ${schedule.timezone}`;
        await deps.store.schedules.pause(schedule.id, reason, at);
        runs.push(emptyReport(schedule, 'paused', reason));
        continue;
      }
      nextRuns.push({ id: schedule.id, nextRunAt: next });
      runnable.push(schedule);
    }
    await deps.store.schedules.setNextRuns(nextRuns);
  } finally {
    // The claim is complete (next runs written): the store now shows when to look again.
    deps.onClaimed?.();
  }
  for (const schedule of runnable) {
    if (busy.has(schedule.channelId)) {
      runs.push(emptyReport(schedule, 'busy', 'a run for this channel is still in flight'));
      continue;
    }
    busy.add(schedule.channelId);
    claimed.push(schedule);
  }
  const timeoutMs = deps.runTimeoutMs ?? 60_000;
  const results = await mapPool(claimed, deps.concurrency ?? 8, (schedule) => {
    const work = runIsolated(schedule, deps, at).finally(() => busy.delete(schedule.channelId));
    return withTimeout(work, timeoutMs, () => {
      const detail = `timed out after ${Math.round(timeoutMs / 1000)} s; finishing in the background`;
      void Promise.resolve(deps.store.schedules.recordRun(schedule.id, { at, result: 'failed', detail })).catch((error: unknown) => {
        deps.logger?.error({ err: error, scheduleId: schedule.id }, 'could not record a timed-out run');
      });
      return emptyReport(schedule, 'failed', detail);
    });
  });
  runs.push(...results);
  for (const run of runs) log(deps.logger, run);
  return { at, due: due.length, runs };
}

async function runIsolated(schedule: ScheduleRecord, deps: TickDeps, at: number): Promise<RunReport> {
  try {
    return await runSchedule(schedule, deps, at);
  } catch (error) {
    deps.logger?.error({ err: error, scheduleId: schedule.id }, 'scheduled run failed unexpectedly');
    const detail = `internal error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
    try {
      await deps.store.schedules.recordRun(schedule.id, { at, result: 'failed', detail });
    } catch {
      // The store itself is failing; the log line above is all we can do.
    }
    return emptyReport(schedule, 'failed', detail);
  }
}

function safeNextRun(schedule: ScheduleRecord, now: Date): number | null {
  try {
    return nextRunAfter(schedule.pattern, schedule.timezone, now)?.getTime() ?? null;
  } catch {
    return null;
  }
}

function emptyReport(schedule: ScheduleRecord, result: RunReport['result'], detail: string): RunReport {
  return { scheduleId: schedule.id, channelId: schedule.channelId, result, posted: [], skipped: 0, rejected: [], detail };
}

function log(logger: SchedulerLogger | undefined, run: RunReport): void {
  if (!logger) return;
  const fields = { scheduleId: run.scheduleId, channelId: run.channelId, posted: run.posted.length, skipped: run.skipped, rejected: run.rejected.length };
  if (run.result === 'paused') logger.warn(fields, `schedule paused: ${run.detail}`);
  else if (run.result === 'failed') logger.warn(fields, `scheduled run failed: ${run.detail}`);
  else if (run.posted.length) logger.info(fields, `scheduled run: ${run.detail}`);
  else logger.debug(fields, `scheduled run: ${run.detail}`);
}
