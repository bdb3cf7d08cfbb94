import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryNonce, SchedulerService, type TickReport } from '../../src/scheduler';
import type { Store } from '../../src/store';
import { article, CHANNEL_A, FakeLibrary, FakePoster, memoryStore, renderForTest, schedule } from './helpers';
import { memoryReader } from '../../src/library/reader';

let store: Store;
let library: FakeLibrary;
let poster: FakePoster;
let service: SchedulerService | undefined;

beforeEach(() => {
  store = memoryStore();
  library = new FakeLibrary([article('a', 1), article('b', 2)]);
  poster = new FakePoster();
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
  store.close();
});

/** Start a service and resolve with the first tick report that satisfies `until`. */
function runUntil(until: (report: TickReport) => boolean, options: { maxSleepMs?: number } = {}): Promise<TickReport> {
  return new Promise((resolve) => {
    service = new SchedulerService({ store, library: memoryReader(library), poster, render: renderForTest, maxSleepMs: options.maxSleepMs ?? 20, onTick: (report) => until(report) && resolve(report) });
    service.start();
  });
}

describe('SchedulerService', () => {
  it('runs a due schedule on its timer', async () => {
    const created = store.schedules.create(schedule({ nextRunAt: Date.now() - 1000 }));
    const report = await runUntil((r) => r.runs.length > 0);
    expect(report.runs[0]).toMatchObject({ scheduleId: created.id, posted: ['b'] });
    expect(store.schedules.get(created.id)!.nextRunAt).toBeGreaterThan(Date.now());
  });

  it('at start, retries a delivery left pending with its original nonce, and Discord dedups it', async () => {
    const created = store.schedules.create(schedule({ nextRunAt: Date.now() + 86_400_000 }));
    store.schedules.markPrimed(created.id);
    // The last process recorded the post, Discord created it, then the process died before marking it sent.
    const nonce = deliveryNonce(CHANNEL_A, 'a');
    store.deliveries.begin(CHANNEL_A, 'a', created.id, nonce, 0);
    await poster.post(CHANNEL_A, renderForTest(article('a', 1)), nonce);
    await runUntil((r) => r.runs.some((run) => run.posted.includes('a')));
    expect(poster.calls.map((c) => c.nonce)).toEqual([nonce, nonce, deliveryNonce(CHANNEL_A, 'b')]);
    expect(poster.created(CHANNEL_A)).toBe(2);
    expect(store.deliveries.get(CHANNEL_A, 'a')?.status).toBe('sent');
  });

  it('wake() picks up a schedule added while it sleeps', async () => {
    const reports: TickReport[] = [];
    service = new SchedulerService({ store, library: memoryReader(library), poster, render: renderForTest, maxSleepMs: 60_000, onTick: (r) => reports.push(r) });
    service.start();
    store.schedules.create(schedule({ nextRunAt: Date.now() }));
    const ran = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (reports.some((r) => r.runs.length)) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    service.wake();
    await ran;
    expect(poster.calls).toHaveLength(1);
  });

  it('stop() ends the timer: nothing runs afterwards', async () => {
    service = new SchedulerService({ store, library: memoryReader(library), poster, render: renderForTest, maxSleepMs: 10 });
    service.start();
    await service.stop();
    store.schedules.create(schedule({ nextRunAt: Date.now() - 1 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(poster.calls).toHaveLength(0);
  });
});
