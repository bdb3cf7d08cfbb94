/**
 * The schedule claim's lease, through `tick`: two workers (two stores, each
 * its own owner) on one SQLite file. A run claimed by a worker that dies
 * before running it is redone by the other once the lease ends, once; a
 * live worker's long run keeps its lease and is never claimed again.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tick, type PostOutcome, type TickDeps } from '../../src/scheduler';
import { memoryReader } from '../../src/library/reader';
import { createSqliteStore, type Store } from '../../src/store';
import { tempDir } from '../store/helpers';
import { article, CHANNEL_A, FakeLibrary, FakePoster, renderForTest, schedule } from './helpers';

const LEASE_MS = 60_000;
const DUE = Date.UTC(2026, 0, 2, 8);
const NEXT_DAY = DUE + 86_400_000;

let temp: ReturnType<typeof tempDir>;
let dead: Store;
let live: Store;
let library: FakeLibrary;
let poster: FakePoster;
let deps: TickDeps;

beforeEach(() => {
  temp = tempDir('briefing-lease-');
  const path = join(temp.dir, 'store.db');
  dead = createSqliteStore(path, { exclusive: false, checkEveryMs: 0 });
  live = createSqliteStore(path, { exclusive: false, checkEveryMs: 0 });
  library = new FakeLibrary();
  poster = new FakePoster();
  deps = { store: live, library: memoryReader(library), poster, render: renderForTest, claimLeaseMs: LEASE_MS };
});
afterEach(() => {
  dead.close();
  live.close();
  temp.cleanup();
});

/** A daily 08:00 UTC schedule of channel A, already primed, due at {@link DUE}. */
function dueSchedule(): number {
  const created = live.schedules.create(schedule());
  live.schedules.markPrimed(created.id);
  return created.id;
}

/** What a tick of the worker that dies does before it is killed: claim, and write the next run. */
function claimAndDie(now: number): void {
  const claimed = dead.schedules.claimDue(now, 10, LEASE_MS);
  dead.schedules.claimRuns(claimed.map((s) => ({ id: s.id, to: NEXT_DAY })));
}

describe('a run claimed by a worker that dies before running it', () => {
  it.each([
    ['Arabic', 'بيان-الوزارة'],
    ['English', 'mayor-speech'],
    ['French', 'déclaration-élysée'],
  ])('is redone by another worker once the lease ends, exactly once (the %s article)', async (_lang, articleId) => {
    library.add(article(articleId, 1));
    const id = dueSchedule();
    claimAndDie(DUE);
    // /schedule list shows the real next run at once; the lease holds the run.
    expect(live.schedules.get(id)).toMatchObject({ nextRunAt: NEXT_DAY, leaseUntil: DUE + LEASE_MS });
    expect((await tick(new Date(DUE + LEASE_MS - 1), deps)).runs).toEqual([]);
    expect(poster.calls).toEqual([]);
    const redone = await tick(new Date(DUE + LEASE_MS), deps);
    expect(redone.runs).toEqual([expect.objectContaining({ scheduleId: id, result: 'ok', posted: [articleId] })]);
    expect(live.schedules.get(id)).toMatchObject({ nextRunAt: NEXT_DAY, leaseUntil: null, lastResult: 'ok' });
    // Once: nothing more until the next day's run.
    expect((await tick(new Date(DUE + 3 * LEASE_MS), deps)).runs).toEqual([]);
    expect(poster.postedTo(CHANNEL_A)).toEqual([articleId]);
  });

  it('a run that finishes ends its lease: nothing is redone after the lease', async () => {
    library.add(article('a', 1));
    const id = dueSchedule();
    await tick(new Date(DUE), { ...deps, store: dead });
    expect(dead.schedules.get(id)).toMatchObject({ nextRunAt: NEXT_DAY, leaseUntil: null });
    expect((await tick(new Date(DUE + 2 * LEASE_MS), deps)).runs).toEqual([]);
    expect(poster.calls).toHaveLength(1);
  });
});

describe('a live worker with a long run', () => {
  it('renews its lease while the run goes on: another worker never claims it again, and it is ended when the run finishes', async () => {
    library.add(article('a', 1));
    const id = dueSchedule();
    let release!: (outcome: PostOutcome) => void;
    poster.script(CHANNEL_A, () => new Promise<PostOutcome>((resolve) => (release = resolve)));
    const leaseMs = 300;
    const first = tick(new Date(DUE), { ...deps, claimLeaseMs: leaseMs });
    while (poster.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
    // Renewed (every third of the lease) past the first lease's end...
    while (live.schedules.get(id)!.leaseUntil! <= DUE + leaseMs) await new Promise((resolve) => setTimeout(resolve, 20));
    // ...so the other worker, past that end, finds nothing to claim.
    expect(dead.schedules.claimDue(DUE + leaseMs, 10, leaseMs)).toEqual([]);
    release({ kind: 'ok', messageId: '900000000000000001' });
    expect((await first).runs).toEqual([expect.objectContaining({ scheduleId: id, posted: ['a'] })]);
    expect(live.schedules.get(id)).toMatchObject({ leaseUntil: null, nextRunAt: NEXT_DAY });
    expect(poster.calls).toHaveLength(1);
  });
});
