/**
 * Planning by stream position: a schedule keeps where it starts in the
 * article stream (published time, id), not one row per article it found.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRun, runSchedule, type RunDeps } from '../../src/scheduler';
import { firstIndexFrom, firstIndexFromPlain, type PlanDeps } from '../../src/scheduler/planning';
import type { ArticleReader } from '../../src/library/reader';
import type { LibraryArticle } from '../../src/library/types';
import type { DeliveryStatus } from '../../src/store/types';
import { createSqliteStore, migrate, MIGRATIONS, type Store } from '../../src/store';
import { tempDir } from '../store/helpers';
import { article, CHANNEL_A, FakeLibrary, FakePoster, renderForTest, schedule } from './helpers';
import { memoryReader } from '../../src/library/reader';

const LIBRARY_SIZE = 1000;
const LANGS = [
  ['Arabic', 'خبر', 'عاجل: الوزير يعلن الخطة'],
  ['English', 'news', 'Breaking: the minister announces the plan'],
  ['French', 'depeche', 'Dernière minute : le ministre annonce le plan, a déclaré à'],
] as const;

let temp: ReturnType<typeof tempDir>;
let store: Store;
let library: FakeLibrary;
let poster: FakePoster;

beforeEach(() => {
  temp = tempDir('briefing-planning-');
  store = open();
  library = new FakeLibrary();
  poster = new FakePoster();
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

function open(): Store {
  return createSqliteStore(join(temp.dir, 'store.db'));
}

/** Close the store and open it again on the same file (the bot restarted). */
function restart(): void {
  store.close();
  store = open();
}

const deps = (): RunDeps => ({ store, library: memoryReader(library), poster, render: renderForTest });
const rows = (): number => store.deliveries.statusesForChannel(CHANNEL_A).size;
const run = (id: number, now: number) => runSchedule(store.schedules.get(id)!, deps(), now);

describe('a schedule over a large library', () => {
  it.each(LANGS)('%s: planning writes no delivery row, only the position; the first run posts the newest article, one row', async (_label, prefix, headline) => {
    for (let i = 0; i < LIBRARY_SIZE; i++) library.add(article(`${prefix}-${String(i).padStart(4, '0')}`, i, `${headline} ${i}`));
    const { id } = store.schedules.create(schedule());
    const plan = await planRun(store.schedules.get(id)!, memoryReader(library), { store }, 1);
    expect(rows()).toBe(0);
    const newest = library.newest()!;
    expect(plan.articles.map((a) => a.id)).toEqual([newest.id]);
    expect(store.schedules.get(id)).toMatchObject({ primed: true, position: { at: newest.timestamp, id: newest.id } });
    expect(await run(id, 2)).toMatchObject({ result: 'ok', posted: [newest.id], skipped: 0 });
    expect(rows()).toBe(1);
  });

  it.each(LANGS)('%s: new articles after the position come oldest first, at most 5 a run, each exactly once, across restarts', async (_label, prefix, headline) => {
    for (let i = 0; i < 50; i++) library.add(article(`${prefix}-old-${i}`, i, headline));
    const { id } = store.schedules.create(schedule());
    await run(id, 1);
    // 12 new articles, added out of order: the stream orders them by time, then id.
    const fresh = Array.from({ length: 12 }, (_, i) => article(`${prefix}-new-${String(i).padStart(2, '0')}`, 100 + ((i * 7) % 12), `${headline} ${i}`));
    for (const item of [...fresh].reverse()) library.add(item);
    const expected = [...fresh].sort((a, b) => a.timestamp - b.timestamp || (a.id < b.id ? -1 : 1)).map((a) => a.id);
    const batches: string[][] = [];
    for (let n = 0; n < 4; n++) {
      restart();
      batches.push((await run(id, 10 + n)).posted);
    }
    expect(batches.map((b) => b.length)).toEqual([5, 5, 2, 0]);
    expect(batches.flat()).toEqual(expected);
    expect(poster.created(CHANNEL_A)).toBe(13);
    expect(rows()).toBe(13);
  });

  it('an article published before the position (a back-dated file) is not posted: the schedule starts where it was made', async () => {
    library.add(article('a', 10));
    library.add(article('b', 20));
    const { id } = store.schedules.create(schedule());
    await run(id, 1);
    library.add(article('backdated', 5));
    library.add(article('c', 30));
    expect((await run(id, 2)).posted).toEqual(['c']);
    expect(rows()).toBe(2);
  });

  it('a first run over an empty library stores no position; later articles all come, oldest first', async () => {
    const { id } = store.schedules.create(schedule());
    expect(await run(id, 1)).toMatchObject({ posted: [], detail: 'nothing new' });
    expect(store.schedules.get(id)).toMatchObject({ primed: true, position: null });
    library.add(article('b', 2));
    library.add(article('a', 1));
    expect((await run(id, 2)).posted).toEqual(['a', 'b']);
    expect(store.schedules.get(id)?.position).toEqual({ at: article('a', 1).timestamp, id: 'a' });
  });
});

describe('a schedule made before stream positions (migration 4)', () => {
  it.each(LANGS)('%s: keeps its skipped rows, gets a position derived from them at its next run, and posts only what it was owed', async (_label, prefix, headline) => {
    store.close();
    // A version-3 database: the first run recorded every article but the newest as skipped, and sent the newest.
    const path = join(temp.dir, 'store.db');
    const db = new BetterSqlite3(path);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 3));
    db.prepare(`INSERT INTO schedules (id, guild_id, channel_id, when_text, pattern, timezone, created_by, created_at, next_run_at, primed)
      VALUES (1, '100000000000000001', ?, '08:00', '0 8 * * *', 'UTC', '300000000000000001', 0, 0, 1)`).run(CHANNEL_A);
    const insert = db.prepare(`INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, attempts, created_at, updated_at) VALUES (?, ?, 1, ?, '', 0, 0, 0)`);
    for (let i = 0; i < 3; i++) insert.run(CHANNEL_A, `${prefix}-${i}`, 'skipped');
    insert.run(CHANNEL_A, `${prefix}-3`, 'sent');
    db.close();
    store = open();
    for (let i = 0; i < 6; i++) library.add(article(`${prefix}-${i}`, i, headline));
    expect(store.schedules.get(1)).toMatchObject({ primed: true, position: null });
    expect((await run(1, 1)).posted).toEqual([`${prefix}-4`, `${prefix}-5`]);
    expect(store.schedules.get(1)?.position).toEqual({ at: article(`${prefix}-4`, 4).timestamp, id: `${prefix}-4` });
    library.add(article(`${prefix}-6`, 6, headline));
    expect((await run(1, 2)).posted).toEqual([`${prefix}-6`]);
    expect(poster.created(CHANNEL_A)).toBe(3);
  });
});

describe('firstIndexFrom (the binary search a run starts from)', () => {
  it('agrees with the plain linear scan on any library ordered by time, ties and empty ones included', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }), fc.integer({ min: -5, max: 55 }), (minutes, at) => {
      const articles = [...minutes].sort((a, b) => a - b).map((minute, i) => article(`a${i}`, minute));
      const from = article('x', at).timestamp;
      expect(firstIndexFrom(articles, from)).toBe(firstIndexFromPlain(articles, from));
    }), { numRuns: 500 });
  });
});

/** A store that answers planning from fixed statuses and settled content (nothing written). */
function fixedStore(statuses: ReadonlyMap<string, DeliveryStatus>, settled: ReadonlySet<string>): PlanDeps['store'] {
  return {
    schedules: { markPrimed: () => undefined },
    deliveries: { statusesForChannel: () => new Map(statuses), settledContentKeys: () => new Set(settled), skip: (_channel: string, skipped: readonly unknown[]) => skipped.length },
  } as unknown as PlanDeps['store'];
}

/** A reader that counts the articles its stream hands out. */
function counting(reader: ArticleReader): { reader: ArticleReader; read: () => number } {
  let read = 0;
  return { reader: { ...reader, stream: async (start, limit) => (await reader.stream(start, limit)).map((a) => (read++, a)) }, read: () => read };
}

describe('planRun reads the stream in pages', () => {
  const STATUSES: Array<DeliveryStatus | undefined> = [undefined, undefined, 'sent', 'skipped', 'pending', 'failed', 'rejected', 'uncertain'];

  it('plans the same run whatever the page size (1 to 7 vs the whole library at once): ties, duplicates, statuses, positions', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ minute: fc.integer({ min: 0, max: 12 }), key: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }), status: fc.constantFrom(...STATUSES) }), { maxLength: 30 }),
      fc.option(fc.record({ minute: fc.integer({ min: -1, max: 13 }), id: fc.constantFrom('', 'a5', 'z') }), { nil: undefined }),
      fc.constantFrom('k1', 'k2', 'none'), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }), fc.boolean(),
      async (entries, position, settledKey, pageSize, maxPerRun, primed) => {
        const fake = new FakeLibrary(entries.map((e, i) => ({ ...article(`a${i}`, e.minute, LANGS[i % 3]![2]), ...(e.key ? { contentKey: e.key } : {}) })));
        const statuses = new Map(entries.flatMap((e, i) => (e.status ? [[`a${i}`, e.status] as const] : [])));
        const record = { ...store.schedules.create(schedule()), primed: primed || position !== undefined, position: position ? { at: article('x', position.minute).timestamp, id: position.id } : null };
        const plan = (size: number) => planRun(record, memoryReader(fake), { store: fixedStore(statuses, new Set([settledKey])), maxPerRun, pageSize: size }, 1);
        const [paged, whole] = [await plan(pageSize), await plan(10_000)];
        expect(paged.articles.map((a: LibraryArticle) => a.id)).toEqual(whole.articles.map((a: LibraryArticle) => a.id));
        expect(paged.skipped).toBe(whole.skipped);
      },
    ), { numRuns: 300 });
  });

  it.each(LANGS)('%s: a run over 10,000 articles reads one page from its position, not the library', async (_label, prefix, headline) => {
    for (let i = 0; i < 10_000; i++) library.add(article(`${prefix}-${String(i).padStart(5, '0')}`, i, headline));
    const { id } = store.schedules.create(schedule());
    await run(id, 1);
    for (let i = 0; i < 3; i++) library.add(article(`${prefix}-new-${i}`, 20_000 + i, headline));
    const { reader, read } = counting(memoryReader(library));
    const plan = await planRun(store.schedules.get(id)!, reader, { store }, 2);
    expect(plan.articles.map((a) => a.id)).toEqual([0, 1, 2].map((i) => `${prefix}-new-${i}`));
    expect(read()).toBeLessThanOrEqual(20);
  });
});
