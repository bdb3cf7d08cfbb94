import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors';
import { addSchedule, MANUAL_PAUSE_REASON, MAX_SCHEDULES_PER_GUILD, parseScheduleId, pauseSchedule, removeSchedule, resumeSchedule, type AddScheduleInput } from '../../src/scheduler/actions';
import { missingChannelPermissions } from '../../src/scheduler/permissions';
import type { Store } from '../../src/store';
import { CHANNEL_A, CHANNEL_B, GUILD, memoryStore } from './helpers';

let store: Store;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

const OTHER_GUILD = '100000000000000009';
const now = new Date('2026-03-28T10:00:00Z');
const input = (overrides: Partial<AddScheduleInput> = {}): AddScheduleInput => ({
  guildId: GUILD, channelId: CHANNEL_A, when: '08:30', timezone: 'Europe/Paris', userId: '300000000000000001', now, minIntervalSeconds: 900, ...overrides,
});

describe('addSchedule', () => {
  it.each([
    ['08:30', 'Europe/Paris', '2026-03-29T06:30:00.000Z'], // after the spring-forward: UTC+2
    ['08:30', undefined, '2026-03-29T08:30:00.000Z'],
    ['0 7 * * *', 'Asia/Riyadh', '2026-03-29T04:00:00.000Z'],
    ['0 */6 * * *', 'America/New_York', '2026-03-28T16:00:00.000Z'],
  ])('stores %j in %s with the first run at %s', async (when, timezone, first) => {
    const created = await addSchedule(store, input({ when, timezone }));
    expect(new Date(created.nextRunAt).toISOString()).toBe(first);
    expect(created).toMatchObject({ guildId: GUILD, primed: false, pausedReason: null });
  });

  it.each([
    ['25:00', 'UTC', /Invalid when: "25:00" is not a time of day/],
    ['0 8 * *', 'UTC', /Invalid when: a cron expression needs 5 fields/],
    ['*/5 * * * *', 'UTC', /minimum gap between runs is 15 min/],
    ['08:30', 'Riyadh', /Invalid timezone/],
  ])('rejects %j in %s with one clear line', async (when, timezone, message) => {
    await expect(addSchedule(store, input({ when, timezone }))).rejects.toThrow(message);
    expect(store.schedules.listByGuild(GUILD)).toEqual([]);
  });

  it('rejects a duplicate in the same channel, time and zone, but not in another channel', async () => {
    await addSchedule(store, input());
    await expect(addSchedule(store, input())).rejects.toThrow(/already has schedule #1/);
    expect((await addSchedule(store, input({ channelId: CHANNEL_B }))).id).toBe(2);
  });

  it('caps the schedules of one guild', async () => {
    for (let i = 0; i < MAX_SCHEDULES_PER_GUILD; i++) await addSchedule(store, input({ when: `${String(i % 24).padStart(2, '0')}:${String(i).padStart(2, '0')}` }));
    await expect(addSchedule(store, input({ when: '23:59' }))).rejects.toThrow(/most allowed/);
    expect((await addSchedule(store, input({ guildId: OTHER_GUILD, when: '23:59' }))).guildId).toBe(OTHER_GUILD);
  });
});

describe('remove, pause, resume', () => {
  it.each([
    ['3', 3],
    ['#12', 12],
    [' 7 ', 7],
  ])('parseScheduleId(%j) = %d', (raw, id) => {
    expect(parseScheduleId(raw)).toBe(id);
  });

  it.each(['0', '-1', 'abc', '../1', '1.5', '', '9999999999'])('parseScheduleId rejects %j', (raw) => {
    expect(() => parseScheduleId(raw)).toThrow(InvalidOptionError);
  });

  it.each([
    ['remove', (g: string) => removeSchedule(store, g, '1')],
    ['pause', (g: string) => pauseSchedule(store, g, '1', now)],
    ['resume', (g: string) => resumeSchedule(store, g, '1', now)],
  ])('%s cannot reach another guild’s schedule', async (_verb, act) => {
    await addSchedule(store, input());
    await expect(act(OTHER_GUILD)).rejects.toThrow(/no schedule #1 in this server/);
    expect(store.schedules.get(1)).toMatchObject({ pausedReason: null });
  });

  it('pause then resume: reason shown, next run recomputed from now, errors on repeats', async () => {
    await addSchedule(store, input());
    expect((await pauseSchedule(store, GUILD, '1', now)).pausedReason).toBe(MANUAL_PAUSE_REASON);
    await expect(pauseSchedule(store, GUILD, '1', now)).rejects.toThrow(/already paused/);
    const later = new Date('2026-04-10T12:00:00Z');
    expect(new Date((await resumeSchedule(store, GUILD, '#1', later)).nextRunAt).toISOString()).toBe('2026-04-11T06:30:00.000Z');
    await expect(resumeSchedule(store, GUILD, '1', later)).rejects.toThrow(/is not paused/);
  });

  it('remove deletes the schedule of this guild', async () => {
    await addSchedule(store, input());
    expect((await removeSchedule(store, GUILD, '1')).id).toBe(1);
    expect(store.schedules.listByGuild(GUILD)).toEqual([]);
    await expect(removeSchedule(store, GUILD, '1')).rejects.toThrow(/no schedule #1/);
  });
});

describe('missingChannelPermissions', () => {
  // Plain numbers in the table (vitest cannot serialise bigints in test names).
  const VIEW = 1 << 10;
  const SEND = 1 << 11;
  const EMBED = 1 << 14;
  it.each([
    ['all three', VIEW | SEND | EMBED, []],
    ['no Send Messages', VIEW | EMBED, ['Send Messages']],
    ['no View Channel', SEND | EMBED, ['View Channel']],
    ['no Embed Links', VIEW | SEND, ['Embed Links']],
    ['nothing', 0, ['View Channel', 'Send Messages', 'Embed Links']],
    ['unknown (null)', null, ['View Channel', 'Send Messages', 'Embed Links']],
    ['Administrator', 1 << 3, []],
  ])('%s → %j', (_label, bits, missing) => {
    expect(missingChannelPermissions(bits === null ? null : BigInt(bits))).toEqual(missing);
  });
});
