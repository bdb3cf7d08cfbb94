import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tick, type TickDeps } from '../../src/scheduler';
import { ChannelBackoff } from '../../src/scheduler/backoff';
import type { Store } from '../../src/store';
import { captureLogger } from '../library/helpers';
import { article, CHANNEL_A, CHANNEL_B, FakeLibrary, FakePoster, memoryStore, renderForTest, schedule } from './helpers';
import { memoryReader } from '../../src/library/reader';

const EVERY_MINUTE = { when: '* * * * *', pattern: '* * * * *' };
const T0 = Date.UTC(2026, 0, 2, 8);
const minute = (n: number): Date => new Date(T0 + n * 60_000);
const SERVER_ERROR = { kind: 'retry' as const, reason: 'HTTP 503: Service Unavailable' };

let store: Store;
let poster: FakePoster;
let lines: Array<Record<string, unknown>>;
let deps: TickDeps;

beforeEach(() => {
  store = memoryStore();
  poster = new FakePoster();
  const captured = captureLogger();
  lines = captured.lines;
  const logger = captured.logger;
  deps = { store, library: memoryReader(new FakeLibrary([article('خبر', 1), article('news', 2), article('dépêche', 3)])), poster, render: renderForTest, logger, backoff: new ChannelBackoff({ baseMs: 60_000, maxMs: 240_000 }) };
  for (const channelId of [CHANNEL_A, CHANNEL_B]) store.schedules.markPrimed(store.schedules.create(schedule({ ...EVERY_MINUTE, channelId, nextRunAt: T0 })).id);
});
afterEach(() => store.close());

const calls = (channelId: string): number => poster.calls.filter((c) => c.channelId === channelId).length;

describe('per-channel backoff after repeated 5xx', () => {
  it('waits 1, 2, 4, then at most 4 minutes between attempts on a failing channel, logs each pause, and leaves other channels alone', async () => {
    poster.script(CHANNEL_A, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR);
    const attemptsAt: number[] = [];
    for (let m = 0; m <= 12; m++) {
      const before = calls(CHANNEL_A);
      await tick(minute(m), deps);
      if (calls(CHANNEL_A) > before) attemptsAt.push(m);
    }
    // Fails at 0, 1, 3, 7 (waits 1, 2, 4 minutes), then at 11 (the wait capped at 4) all three go out.
    expect(attemptsAt).toEqual([0, 1, 3, 7, 11]);
    const warnings = lines.filter((l) => l.level === 40).map((l) => String(l.msg));
    expect(warnings.filter((w) => w.startsWith(`channel ${CHANNEL_A}`))).toEqual([
      `channel ${CHANNEL_A}: 1 failed run(s) in a row; backing off 60 s`,
      `channel ${CHANNEL_A}: 2 failed run(s) in a row; backing off 120 s`,
      `channel ${CHANNEL_A}: 3 failed run(s) in a row; backing off 240 s`,
      `channel ${CHANNEL_A}: 4 failed run(s) in a row; backing off 240 s`,
    ]);
    expect(poster.postedTo(CHANNEL_B)).toEqual(['خبر', 'news', 'dépêche']);
    expect(poster.postedTo(CHANNEL_A).slice(-3)).toEqual(['خبر', 'news', 'dépêche']);
  });

  it('control: without backoff the failing channel is hit at every run', async () => {
    delete deps.backoff;
    poster.script(CHANNEL_A, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR);
    for (let m = 0; m <= 3; m++) await tick(minute(m), deps);
    expect(calls(CHANNEL_A)).toBe(4);
  });

  it('a run that gets through ends the backoff', () => {
    const backoff = new ChannelBackoff({ baseMs: 1000 });
    backoff.failed(CHANNEL_A, 0);
    expect(backoff.waitingUntil(CHANNEL_A, 500)).toBe(1000);
    backoff.succeeded(CHANNEL_A);
    expect(backoff.waitingUntil(CHANNEL_A, 500)).toBeUndefined();
    expect(backoff.failed(CHANNEL_A, 0).failures).toBe(1);
  });
});
