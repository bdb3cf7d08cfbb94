import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type Store } from '../../src/store';
import { newSchedule } from './helpers';

let store: Store;
beforeEach(() => {
  store = createSqliteStore(':memory:');
});
afterEach(() => store.close());

const GUILD_A = '100000000000000001';
const GUILD_B = '100000000000000002';

describe('SqliteScheduleStore', () => {
  it('creates a schedule with ids, defaults and the fields given', () => {
    const created = store.schedules.create(newSchedule({ when: '0 */6 * * *', pattern: '0 */6 * * *', timezone: 'Asia/Riyadh' }));
    expect(created).toMatchObject({ id: 1, when: '0 */6 * * *', timezone: 'Asia/Riyadh', pausedReason: null, lastResult: null, primed: false });
    expect(store.schedules.create(newSchedule()).id).toBe(2);
  });

  it.each([
    ['its own guild', GUILD_A, true],
    ['another guild', GUILD_B, false],
  ])('getInGuild / remove from %s', (_label, guild, visible) => {
    const created = store.schedules.create(newSchedule({ guildId: GUILD_A }));
    expect(store.schedules.getInGuild(guild, created.id) !== undefined).toBe(visible);
    expect(store.schedules.listByGuild(guild).length).toBe(visible ? 1 : 0);
    expect(store.schedules.remove(guild, created.id)).toBe(visible);
    expect(store.schedules.get(created.id) === undefined).toBe(visible);
  });

  it('due() returns active schedules at or before now, earliest first, and skips paused ones', () => {
    const late = store.schedules.create(newSchedule({ nextRunAt: 300 }));
    const early = store.schedules.create(newSchedule({ nextRunAt: 100 }));
    const paused = store.schedules.create(newSchedule({ nextRunAt: 50 }));
    store.schedules.create(newSchedule({ nextRunAt: 1000 }));
    store.schedules.pause(paused.id, 'Missing Permissions', 10);
    expect(store.schedules.due(300).map((s) => s.id)).toEqual([early.id, late.id]);
    expect(store.schedules.due(299).map((s) => s.id)).toEqual([early.id]);
    expect(store.schedules.due(300, 1).map((s) => s.id)).toEqual([early.id]);
    expect(store.schedules.earliestNextRun()).toBe(100);
  });

  it('pause records the reason as the last result and resume clears it', () => {
    const created = store.schedules.create(newSchedule());
    store.schedules.pause(created.id, 'Discord refused: Missing Access (50001)', 5);
    expect(store.schedules.get(created.id)).toMatchObject({ pausedReason: 'Discord refused: Missing Access (50001)', lastResult: 'paused' });
    expect(store.schedules.earliestNextRun()).toBeUndefined();
    store.schedules.resume(created.id, 777);
    expect(store.schedules.get(created.id)).toMatchObject({ pausedReason: null, nextRunAt: 777 });
  });

  it('recordRun, setNextRun and markPrimed write through', () => {
    const created = store.schedules.create(newSchedule());
    store.schedules.recordRun(created.id, { at: 42, result: 'failed', detail: 'HTTP 503' });
    store.schedules.setNextRun(created.id, 99);
    store.schedules.markPrimed(created.id);
    expect(store.schedules.get(created.id)).toMatchObject({ lastRunAt: 42, lastResult: 'failed', lastDetail: 'HTTP 503', nextRunAt: 99, primed: true });
  });

  it('setNextRuns moves several schedules at once', () => {
    const a = store.schedules.create(newSchedule({ nextRunAt: 1 }));
    const b = store.schedules.create(newSchedule({ nextRunAt: 2 }));
    store.schedules.setNextRuns([{ id: a.id, nextRunAt: 10 }, { id: b.id, nextRunAt: 20 }]);
    store.schedules.setNextRuns([]);
    expect([store.schedules.get(a.id)!.nextRunAt, store.schedules.get(b.id)!.nextRunAt]).toEqual([10, 20]);
  });

  it('makeDueForChannels brings forward only active schedules of those channels', () => {
    const a = store.schedules.create(newSchedule({ channelId: '200000000000000001', nextRunAt: 5000 }));
    const b = store.schedules.create(newSchedule({ channelId: '200000000000000002', nextRunAt: 5000 }));
    const soon = store.schedules.create(newSchedule({ channelId: '200000000000000001', nextRunAt: 10 }));
    expect(store.schedules.makeDueForChannels(['200000000000000001'], 100)).toBe(2);
    expect(store.schedules.get(a.id)!.nextRunAt).toBe(100);
    expect(store.schedules.get(b.id)!.nextRunAt).toBe(5000);
    expect(store.schedules.get(soon.id)!.nextRunAt).toBe(10);
  });
});
