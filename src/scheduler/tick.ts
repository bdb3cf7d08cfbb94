import type { Logger } from 'pino';
import type { AnyStore, RunClaim, ScheduleRecord } from '../store/types';
import type { ChannelBackoff } from './backoff';
import { ChannelLocks } from './channel-locks';
import { runningClock } from './deliver';
import { mapPool, withTimeout } from './pool';
import { runSchedule, type RunDeps, type RunReport } from './run';
import { nextRunTime, spreadDelayMs } from './timing';

/** Logging the scheduler does (a pino logger fits). */
export type SchedulerLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

/** Everything a tick needs; no timers, no globals. */
export interface TickDeps extends RunDeps {
  /** The run's store, and its locks across processes when it has them (Postgres). */
  store: RunDeps['store'] & Pick<AnyStore, 'locks'>;
  logger?: SchedulerLogger;
  /** Schedules run at once (default 8). */
  concurrency?: number;
  /** A run taking longer is reported as failed and no longer waited for (default 60 s). */
  runTimeoutMs?: number;
  /** Most schedules taken per tick (default 1000; the rest stay due for the next tick). */
  dueLimit?: number;
  /**
   * The channels being posted to, shared across ticks and with the feed
   * poller (default: this tick's own, over `store.locks`): a channel is never
   * posted to by two runs at once. Runs that time out keep their channel
   * until they really end.
   */
  channels?: ChannelLocks;
  /** Per-channel backoff after failed runs (5xx, network), shared across ticks; none when absent. */
  backoff?: ChannelBackoff;
  /**
   * How long a claim holds a schedule (default 60 s): renewed every third of
   * it while the run goes on, ended when the run finishes. A worker that dies
   * holding it leaves the run to the next claimer when it ends.
   */
  claimLeaseMs?: number;
  /** Schedules due at one time are spread over this many seconds (see {@link spreadDelayMs}; default 0, none). */
  spreadSeconds?: number;
  /** Called once this tick's schedules are claimed, and again once runs whose channel was busy are given back (the service re-arms its timer then). */
  onClaimed?: () => void;
  /** A run whose channel is busy (a run in flight here or in another process) is due again this much later, ms (default 2 s). */
  busyRetryMs?: number;
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
 * (index on `next_run_at`) and those whose worker died holding them, write
 * each one's next run (the first due time after `now`, so downtime is made up
 * by one run, not one per missed time, plus its channel's spread delay, see
 * `spreadDelayMs`), then run them with bounded concurrency, each isolated
 * (its errors and its timeout affect no other).
 *
 * The claim is atomic in the store: {@link ScheduleStore.claimDue} takes the
 * schedules under this store's lease in one transaction (`FOR UPDATE SKIP
 * LOCKED` on Postgres, an immediate transaction on SQLite), then
 * {@link ScheduleStore.claimRuns} writes their next runs where the lease is
 * still ours. The lease is renewed while a run goes on (every third of it)
 * and ended when the run finishes ({@link ScheduleStore.finishRun}): a live
 * worker's run is never claimed again, and the run of a worker killed after
 * claiming is redone by another once the lease ends. First the store checks
 * that its database file is still there (see `Store.checkFile`): a tick never
 * writes to a file that is gone.
 */
export async function tick(now: Date, deps: TickDeps): Promise<TickReport> {
  const at = now.getTime();
  const channels = deps.channels ?? new ChannelLocks(deps.store.locks);
  const claimed: ScheduleRecord[] = [];
  const runs: RunReport[] = [];
  const nextRuns: RunClaim[] = [];
  const runnable: ScheduleRecord[] = [];
  const leaseMs = deps.claimLeaseMs ?? 60_000;
  let due: ScheduleRecord[];
  let won: Set<number>;
  try {
    await deps.store.checkFile?.();
    due = await deps.store.schedules.claimDue(at, deps.dueLimit ?? 1000, leaseMs);
    for (const schedule of due) {
      const next = safeNextRun(schedule, now, deps.spreadSeconds ?? 0);
      if (next === null) {
        const reason = `"${schedule.when}" has no further run in ${schedule.timezone}`;
        await deps.store.schedules.pause(schedule.id, reason, at);
        await deps.store.schedules.finishRun(schedule.id, { at, result: 'paused', detail: reason });
        runs.push(emptyReport(schedule, 'paused', reason));
        continue;
      }
      nextRuns.push({ id: schedule.id, to: next });
      runnable.push(schedule);
    }
    won = new Set(await deps.store.schedules.claimRuns(nextRuns));
  } finally {
    // The claim is complete (next runs written): the store now shows when to look again.
    deps.onClaimed?.();
  }
  const nextOf = new Map(nextRuns.map((entry) => [entry.id, entry.to]));
  const givenBack: GivenBack[] = [];
  for (const schedule of runnable) {
    // Claimed meanwhile by another tick or process (or paused): that one runs it.
    if (!won.has(schedule.id)) continue;
    const waiting = deps.backoff?.waitingUntil(schedule.channelId, at);
    if (waiting !== undefined) {
      givenBack.push({ schedule, retryAt: nextOf.get(schedule.id)!, detail: `backing off after failed runs; next try after ${new Date(waiting).toISOString()}` });
      continue;
    }
    // One run per channel at a time: in this process and across processes (the channel's lock, Postgres), feed posts too.
    const where = await channels.take(schedule.channelId);
    if (where) {
      const retryAt = Math.min(nextOf.get(schedule.id)!, at + (deps.busyRetryMs ?? 2000));
      givenBack.push({ schedule, retryAt, detail: `a run for this channel is still in flight ${where}; due again at ${new Date(retryAt).toISOString()}` });
      continue;
    }
    claimed.push(schedule);
  }
  runs.push(...(await giveBack(deps, givenBack)));
  // Runs given back are due again shortly: the service looks at the store again (its timer may be set far later).
  if (givenBack.length) deps.onClaimed?.();
  const timeoutMs = deps.runTimeoutMs ?? 60_000;
  const results = await mapPool(claimed, deps.concurrency ?? 8, (schedule) => {
    const stopRenewing = keepLease(deps, schedule.id, leaseMs, runningClock(at));
    const work = runIsolated(schedule, deps, at).finally(() => {
      stopRenewing();
      channels.release(schedule.channelId);
    });
    return withTimeout(work, timeoutMs, () => {
      const detail = `timed out after ${Math.round(timeoutMs / 1000)} s; finishing in the background`;
      void Promise.resolve(deps.store.schedules.recordRun(schedule.id, { at, result: 'failed', detail })).catch((error: unknown) => {
        deps.logger?.error({ err: error, scheduleId: schedule.id }, 'could not record a timed-out run');
      });
      return emptyReport(schedule, 'failed', detail);
    });
  });
  runs.push(...results);
  for (const run of results) noteForBackoff(deps, run, at);
  for (const run of runs) log(deps.logger, run);
  return { at, due: due.length, runs };
}

/**
 * Renew this store's lease on a running schedule every third of the lease
 * until the returned function is called (the run really ended, even one
 * timed out and finishing in the background): a slow but live worker's run
 * is never claimed again.
 */
function keepLease(deps: TickDeps, scheduleId: number, leaseMs: number, clock: () => number): () => void {
  const timer = setInterval(() => {
    void Promise.resolve(deps.store.schedules.renewLeases([scheduleId], clock() + leaseMs)).then(
      (held) => {
        if (!held.length) deps.logger?.warn({ scheduleId }, 'the lease of a running schedule was lost (taken over or removed)');
      },
      (error: unknown) => deps.logger?.error({ err: error, scheduleId }, 'could not renew the lease of a running schedule'),
    );
  }, Math.max(1, Math.floor(leaseMs / 3)));
  timer.unref();
  return () => clearInterval(timer);
}

/** A won run that does not start now (its channel is busy, or backing off): due again at `retryAt`; `detail` says why. */
interface GivenBack {
  schedule: ScheduleRecord;
  retryAt: number;
  detail: string;
}

/**
 * Runs won that do not start now are given back, in one write, their lease
 * ended: a busy channel's due again shortly (never later than their real next
 * run), so each still happens once, after the run in flight, instead of being
 * lost; a channel backing off at its next run.
 */
async function giveBack(deps: TickDeps, entries: readonly GivenBack[]): Promise<RunReport[]> {
  if (!entries.length) return [];
  try {
    await deps.store.schedules.releaseRuns(entries.map((e) => ({ id: e.schedule.id, nextRunAt: e.retryAt })));
  } catch (error) {
    deps.logger?.error({ err: error, schedules: entries.length }, 'could not give back runs that did not start');
  }
  return entries.map((e) => emptyReport(e.schedule, 'busy', e.detail));
}

async function runIsolated(schedule: ScheduleRecord, deps: TickDeps, at: number): Promise<RunReport> {
  try {
    return await runSchedule(schedule, deps, at);
  } catch (error) {
    deps.logger?.error({ err: error, scheduleId: schedule.id }, 'scheduled run failed unexpectedly');
    const detail = `internal error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
    try {
      await deps.store.schedules.finishRun(schedule.id, { at, result: 'failed', detail });
    } catch {
      // The store itself is failing; the log line above is all we can do.
    }
    return emptyReport(schedule, 'failed', detail);
  }
}

/** A failed run puts its channel in backoff (logged with the pause); one that got through ends it. */
function noteForBackoff(deps: TickDeps, run: RunReport, at: number): void {
  if (!deps.backoff) return;
  if (run.result !== 'failed') {
    deps.backoff.succeeded(run.channelId);
    return;
  }
  const { delayMs, failures } = deps.backoff.failed(run.channelId, at);
  deps.logger?.warn({ channelId: run.channelId, failures, delayMs }, `channel ${run.channelId}: ${failures} failed run(s) in a row; backing off ${Math.round(delayMs / 1000)} s`);
}

function safeNextRun(schedule: ScheduleRecord, now: Date, spreadSeconds: number): number | null {
  try {
    return nextRunTime(schedule.pattern, schedule.timezone, now, spreadDelayMs(schedule.channelId, spreadSeconds))?.getTime() ?? null;
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
