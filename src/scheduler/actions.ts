import { InvalidOptionError } from '../errors';
import type { AnyStore, ScheduleRecord } from '../store/types';
import { scheduleMessages as say } from './messages';
import { nextRunTime, parseTiming, spreadDelayMs } from './timing';

/** Most schedules one guild may have. */
export const MAX_SCHEDULES_PER_GUILD = 25;

/** What `/schedule add` gives, after the channel checks. */
export interface AddScheduleInput {
  guildId: string;
  channelId: string;
  when: string;
  timezone?: string | null;
  userId: string;
  now: Date;
  minIntervalSeconds: number;
  /** Schedules due at one time are spread over this many seconds (`SCHEDULE_SPREAD_SECONDS`; default 0, none). */
  spreadSeconds?: number;
}

/**
 * Validate and store a new schedule; its first run is the pattern's next due
 * time after `now`, plus its channel's spread delay (see `spreadDelayMs`).
 *
 * @throws InvalidOptionError for a bad `when`/`timezone`, too short an
 * interval, a duplicate, or a guild at its limit.
 */
export async function addSchedule(store: AnyStore, input: AddScheduleInput): Promise<ScheduleRecord> {
  const timing = parseTiming(input.when, input.timezone, input.minIntervalSeconds, input.now);
  const existing = await store.schedules.listByGuild(input.guildId);
  if (existing.length >= MAX_SCHEDULES_PER_GUILD) {
    throw new InvalidOptionError('schedule', say.guildFull(existing.length));
  }
  const duplicate = existing.find((s) => s.channelId === input.channelId && s.pattern === timing.pattern && s.timezone === timing.timezone);
  if (duplicate) throw new InvalidOptionError('schedule', say.duplicate(input.channelId, duplicate.id, duplicate.when, duplicate.timezone));
  const next = nextRunTime(timing.pattern, timing.timezone, input.now, spreadDelayMs(input.channelId, input.spreadSeconds ?? 0));
  if (!next) throw new InvalidOptionError('when', say.neverRuns(timing.when));
  return await store.schedules.create({
    guildId: input.guildId,
    channelId: input.channelId,
    when: timing.when,
    pattern: timing.pattern,
    timezone: timing.timezone,
    createdBy: input.userId,
    createdAt: input.now.getTime(),
    nextRunAt: next.getTime(),
  });
}

/** Parse the `id` option (`3`, `#3`). @throws InvalidOptionError. */
export function parseScheduleId(raw: string | number): number {
  const text = String(raw).trim().replace(/^#/, '');
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new InvalidOptionError('id', say.notAnId(text.slice(0, 20)));
  return Number(text);
}

/** This guild's schedule with that id. @throws InvalidOptionError if none (other guilds' ids included). */
export async function findSchedule(store: AnyStore, guildId: string, raw: string | number): Promise<ScheduleRecord> {
  const id = parseScheduleId(raw);
  const schedule = await store.schedules.getInGuild(guildId, id);
  if (!schedule) throw new InvalidOptionError('id', say.noSuchSchedule(id));
  return schedule;
}

/** Delete this guild's schedule. Its delivery records stay: the channel keeps what it received. */
export async function removeSchedule(store: AnyStore, guildId: string, raw: string | number): Promise<ScheduleRecord> {
  const schedule = await findSchedule(store, guildId, raw);
  await store.schedules.remove(guildId, schedule.id);
  return schedule;
}

/** Reason recorded when a moderator pauses a schedule. */
export const MANUAL_PAUSE_REASON = 'paused with /schedule pause';

/** Pause this guild's schedule. @throws InvalidOptionError if unknown or already paused. */
export async function pauseSchedule(store: AnyStore, guildId: string, raw: string | number, now: Date): Promise<ScheduleRecord> {
  const schedule = await findSchedule(store, guildId, raw);
  if (schedule.pausedReason) throw new InvalidOptionError('id', say.alreadyPaused(schedule.id, schedule.pausedReason));
  await store.schedules.pause(schedule.id, MANUAL_PAUSE_REASON, now.getTime());
  return (await store.schedules.get(schedule.id))!;
}

/**
 * Resume this guild's paused schedule; its next run is the pattern's next due
 * time after `now` plus its channel's spread delay over `spreadSeconds`, and
 * deliveries left pending are retried then (same nonce).
 *
 * @throws InvalidOptionError if unknown or not paused.
 */
export async function resumeSchedule(store: AnyStore, guildId: string, raw: string | number, now: Date, spreadSeconds = 0): Promise<ScheduleRecord> {
  const schedule = await findSchedule(store, guildId, raw);
  if (!schedule.pausedReason) throw new InvalidOptionError('id', say.notPaused(schedule.id));
  const next = nextRunTime(schedule.pattern, schedule.timezone, now, spreadDelayMs(schedule.channelId, spreadSeconds));
  if (!next) throw new InvalidOptionError('id', say.noFurtherRun(schedule.id, schedule.when));
  await store.schedules.resume(schedule.id, next.getTime());
  return (await store.schedules.get(schedule.id))!;
}
