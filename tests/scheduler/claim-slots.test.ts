import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchedulerService, type PostOutcome } from '../../src/scheduler';
import type { Store } from '../../src/store';
import { article, FakeLibrary, FakePoster, GUILD, memoryStore, renderForTest, schedule } from './helpers';
import { memoryReader } from '../../src/library/reader';

const DUE = 30;
const channel = (i: number): string => String(210_000_000_000_000_000n + BigInt(i));

let store: Store;
let service: SchedulerService | undefined;

beforeEach(() => {
  store = memoryStore();
  for (let i = 0; i < DUE; i++) {
    const created = store.schedules.create(schedule({ channelId: channel(i), nextRunAt: Date.now() - 1000 }));
    store.schedules.markPrimed(created.id);
  }
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
  store.close();
});

const stillDue = (): number => store.schedules.listByGuild(GUILD).filter((s) => s.nextRunAt <= Date.now()).length;

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('a scheduler worker claims only what it can run now', () => {
  it.each([
    ['Arabic', 'موجز-الصباح'],
    ['English', 'morning-brief'],
    ['French', 'revue-du-matin'],
  ])('with 30 due and 8 run slots held by slow posts (%s article), 22 stay due for other workers; all 30 run once the posts end', async (_lang, id) => {
    const poster = new FakePoster();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    for (let i = 0; i < DUE; i++) poster.script(channel(i), async (): Promise<PostOutcome> => (await gate, { kind: 'ok', messageId: `9000000000000000${String(i).padStart(2, '0')}` }));
    service = new SchedulerService({ store, library: memoryReader(new FakeLibrary([article(id, 1)])), poster, render: renderForTest, concurrency: 8, maxSleepMs: 20 });
    await service.start();
    await until(() => poster.calls.length === 8);
    // A little longer: a worker that claimed past its slots would have done it by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(poster.calls).toHaveLength(8);
    expect(stillDue()).toBe(DUE - 8);
    release();
    await until(() => poster.calls.length === DUE);
    await until(() => stillDue() === 0);
    expect(new Set(poster.calls.map((c) => c.channelId)).size).toBe(DUE);
  });
});
