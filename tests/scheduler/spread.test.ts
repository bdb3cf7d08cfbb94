import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tick, type TickDeps } from '../../src/scheduler';
import { addSchedule, pauseSchedule, resumeSchedule } from '../../src/scheduler/actions';
import { scheduleLine } from '../../src/scheduler/list-format';
import { nextRunAfter, nextRunTime, nextRuns, spreadDelayMs } from '../../src/scheduler/timing';
import type { Store } from '../../src/store';
import { article, FakeLibrary, FakePoster, memoryStore, renderForTest } from './helpers';
import { memoryReader } from '../../src/library/reader';

const channel = (i: number): string => String(200_000_000_000_000_000n + BigInt(i));
const guild = (i: number): string => String(100_000_000_000_000_000n + BigInt(Math.floor(i / 20)));

describe('spreadDelayMs', () => {
  it.each([
    ['no spread', 0],
    ['a negative spread', -10],
  ])('is 0 with %s', (_name, spread) => {
    expect(spreadDelayMs(channel(1), spread)).toBe(0);
  });

  it('gives each channel the same whole-second delay below the spread, every time', () => {
    for (let i = 0; i < 200; i++) {
      const delay = spreadDelayMs(channel(i), 60);
      expect(delay).toBe(spreadDelayMs(channel(i), 60));
      expect(delay % 1000).toBe(0);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(60_000);
    }
  });

  it('spreads 1,000 channels over the 60 seconds: every second used, none with more than 2.5× its share', () => {
    const perSecond = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const second = spreadDelayMs(channel(i), 60) / 1000;
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    expect(perSecond.size).toBe(60);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(Math.ceil((1000 / 60) * 2.5));
  });
});

describe('nextRunTime', () => {
  const patterns: Array<[string, string]> = [
    ['0 8 * * *', 'UTC'],
    ['30 2 * * *', 'Europe/Paris'], // 02:30 does not exist on the spring DST night
    ['*/15 * * * *', 'America/New_York'],
    ['0 */6 * * *', 'Asia/Riyadh'],
    ['*/10 * * * * *', 'UTC'], // every 10 s: shorter than most delays
  ];

  it('never runs before a due time and never skips or repeats one, whatever the delay (property)', () => {
    fc.assert(fc.property(
      fc.constantFrom(...patterns),
      fc.integer({ min: 0, max: 3600 }),
      fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) }),
      fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 20, maxLength: 20 }),
      ([pattern, zone], delaySeconds, start, lags) => {
        const delay = delaySeconds * 1000;
        const dues = nextRuns(pattern, zone, new Date(start - delay), lags.length).map((d) => d.getTime());
        let next = nextRunTime(pattern, zone, new Date(start), delay)!.getTime();
        expect(next).toBeGreaterThan(start);
        for (const [k, lag] of lags.entries()) {
          expect(next - delay).toBe(dues[k]);
          expect(next).toBeGreaterThanOrEqual(dues[k]!);
          // The tick runs it a little late (lag), then asks for the next run.
          next = nextRunTime(pattern, zone, new Date(next + lag), delay)!.getTime();
        }
      },
    ), { numRuns: 150 });
  });

  it('is the plain next due time without a delay', () => {
    const after = new Date('2026-03-29T00:30:00Z');
    expect(nextRunTime('30 2 * * *', 'Europe/Paris', after, 0)).toEqual(nextRunAfter('30 2 * * *', 'Europe/Paris', after));
  });

  it('after downtime, makes up one run, then keeps the channel\'s delay', () => {
    const delay = 42_000;
    // Due at 08:00:42 on 2 January; the bot was down until 09:30.
    expect(nextRunTime('0 8 * * *', 'UTC', new Date('2026-01-02T09:30:00Z'), delay)?.toISOString()).toBe('2026-01-03T08:00:42.000Z');
  });

  it('returns null for a pattern that never runs again', () => {
    expect(nextRunTime('0 8 30 2 *', 'UTC', new Date('2026-01-01T00:00:00Z'), 5000)).toBeNull();
  });
});

describe('schedules that share a due time', () => {
  const SCHEDULES = 120;
  let store: Store;
  let poster: FakePoster;
  let deps: TickDeps;

  beforeEach(() => {
    store = memoryStore();
    poster = new FakePoster();
    deps = { store, library: memoryReader(new FakeLibrary([article('موجز-الصباح', 1), article('morning-brief', 2), article('revue-du-matin', 3)])), poster, render: renderForTest, spreadSeconds: 60 };
  });
  afterEach(() => store.close());

  async function addAll(spreadSeconds: number, count = SCHEDULES): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const created = await addSchedule(store, { guildId: guild(i), channelId: channel(i), when: '08:00', userId: '300000000000000001', now: new Date('2026-01-02T07:59:30Z'), minIntervalSeconds: 900, spreadSeconds });
      ids.push(created.id);
    }
    return ids;
  }

  it('are spread over the minute after 08:00, each run once, never before 08:00, and the list shows the real time', async () => {
    const ids = await addAll(60);
    const planned = new Map(ids.map((id) => [id, store.schedules.get(id)!.nextRunAt]));
    const eight = Date.UTC(2026, 0, 2, 8);
    for (const [id, at] of planned) {
      expect(at).toBeGreaterThanOrEqual(eight);
      expect(at).toBeLessThan(eight + 60_000);
      expect(scheduleLine(store.schedules.get(id)!)).toContain(`next <t:${at / 1000}:R>`);
    }
    expect(new Set(planned.values()).size).toBeGreaterThan(40);

    expect((await tick(new Date(eight - 1), deps)).runs).toEqual([]);
    const ranAt = new Map<number, number>();
    const perSecond: number[] = [];
    for (let second = 0; second <= 60; second++) {
      const now = eight + second * 1000;
      const report = await tick(new Date(now), deps);
      perSecond.push(report.runs.length);
      for (const run of report.runs) {
        expect(run.result).toBe('ok');
        expect(ranAt.has(run.scheduleId)).toBe(false);
        ranAt.set(run.scheduleId, now);
      }
    }
    expect(ranAt.size).toBe(SCHEDULES);
    for (const [id, at] of ranAt) expect(at).toBe(planned.get(id));
    expect(Math.max(...perSecond)).toBeLessThan(SCHEDULES / 10);
    expect(poster.calls).toHaveLength(SCHEDULES);
    // Tomorrow: 08:00 plus the same delay.
    for (const id of ids) expect(store.schedules.get(id)!.nextRunAt).toBe(planned.get(id)! + 86_400_000);
  });

  it('without a spread (the control), all fire in the 08:00 tick', async () => {
    await addAll(0);
    const report = await tick(new Date(Date.UTC(2026, 0, 2, 8)), { ...deps, spreadSeconds: 0 });
    expect(report.runs).toHaveLength(SCHEDULES);
  });

  it('a resumed schedule keeps its channel\'s delay', async () => {
    const [id] = await addAll(60, 1);
    const planned = store.schedules.get(id!)!.nextRunAt;
    await pauseSchedule(store, guild(0), id!, new Date('2026-01-02T07:59:40Z'));
    const resumed = await resumeSchedule(store, guild(0), id!, new Date('2026-01-02T07:59:50Z'), 60);
    expect(resumed.nextRunAt).toBe(planned);
  });
});
