/**
 * One contract for every store: the same tests against SQLite (through
 * `asAsyncStore`) and Postgres (a throwaway cluster; skipped with one line
 * when no Postgres binaries are installed).
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore, DEFAULT_DELIVERY_LEASE_MS, MIGRATIONS, migrate, QUOTE_PAGES_TTL_MS, type AsyncStore, type QuoteSearch, type FeedArticleRecord, type NewFeed, type Store } from '../../src/store';
import { asAsyncStore } from '../../src/store/async';
import { createPool, createPostgresStore, createSessionLocks, migratePostgres, postgresSchemaVersion } from '../../src/store/postgres';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { newSchedule, tempDir } from './helpers';

/** A fresh database of one backend: `connect()` opens another store on it (another connection, like another worker). */
interface Backend {
  name: string;
  fresh(): Promise<{ connect(): Promise<AsyncStore>; cleanup(): Promise<void> }>;
  /** Apply `migrations` to a fresh database; returns the versions applied each time and the final version. */
  migrateTwice(first: typeof MIGRATIONS, then: typeof MIGRATIONS): Promise<{ first: number[]; then: number[]; again: number[]; version: number }>;
}

let cluster: TestPostgres | undefined;
let databases = 0;

const sqlite: Backend = {
  name: 'SQLite',
  async fresh() {
    const temp = tempDir('briefing-contract-');
    const path = join(temp.dir, 'store.db');
    const opened: Store[] = [];
    // Several connections on one file stand for several workers here (the instance lock that forbids it in the bot is tested in its own file).
    const connect = async (): Promise<AsyncStore> => {
      const store = createSqliteStore(path, { exclusive: false, checkEveryMs: 0 });
      opened.push(store);
      return asAsyncStore(store);
    };
    return { connect, cleanup: async () => {
      for (const store of opened) store.close();
      temp.cleanup();
    } };
  },
  async migrateTwice(first, then) {
    const db = new BetterSqlite3(':memory:');
    try {
      const a = migrate(db, first);
      const b = migrate(db, then);
      const c = migrate(db, then);
      const version = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
      return { first: a, then: b, again: c, version };
    } finally {
      db.close();
    }
  },
};

const postgres: Backend = {
  name: 'Postgres',
  async fresh() {
    const url = await cluster!.createDatabase(`contract_${++databases}`);
    const opened: AsyncStore[] = [];
    return {
      connect: async () => {
        const store = await createPostgresStore(url);
        opened.push(store);
        return store;
      },
      cleanup: async () => {
        await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
      },
    };
  },
  async migrateTwice(first, then) {
    const pool = createPool(await cluster!.createDatabase(`migrate_${++databases}`));
    try {
      const a = await migratePostgres(pool, first);
      const b = await migratePostgres(pool, then);
      const c = await migratePostgres(pool, then);
      return { first: a, then: b, again: c, version: await postgresSchemaVersion(pool) };
    } finally {
      await pool.end();
    }
  },
};

if (!POSTGRES_BIN) console.log(`store contract on Postgres ${POSTGRES_SKIP_REASON}`);

beforeAll(async () => {
  if (POSTGRES_BIN) cluster = await startPostgres();
}, 60_000);
// pg_ctl stop may take longer than the default 30 s hook on a loaded machine (seen once in a full run beside 7 others); its own limit is 60 s.
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

const CHANNEL = '200000000000000001';
const OTHER_GUILD = '100000000000000009';
const ARTICLES = [['Arabic', 'بيان-الوزارة'], ['English', 'mayor-speech'], ['French', 'déclaration-élysée']] as const;
const GUILD = newSchedule().guildId;

function newFeed(overrides: Partial<NewFeed> = {}): NewFeed {
  return { guildId: GUILD, channelId: CHANNEL, url: 'https://news.example/rss', title: 'Nachrichten / أخبار / Actualités', createdBy: '300000000000000003', createdAt: 1, nextCheckAt: 10, ...overrides };
}

function feedArticle(feedId: number, n: number, overrides: Partial<FeedArticleRecord> = {}): FeedArticleRecord {
  return { id: `feed${feedId}-${n}`, feedId, guildId: GUILD, itemKey: `id:${n}`, url: `https://news.example/${n}`, title: `T${n}`, author: null, source: 'News', publishedAt: n, text: 'نص المقال. Le texte.', fetchedAt: 0, ...overrides };
}

describe.each([
  [sqlite, false],
  [postgres, !POSTGRES_BIN],
])('store contract: $name', (backend, skip) => {
  let db: Awaited<ReturnType<Backend['fresh']>>;
  let store: AsyncStore;

  const open = async (): Promise<void> => {
    db = await backend.fresh();
    store = await db.connect();
  };
  afterEach(async () => {
    await db?.cleanup();
  });

  describe.skipIf(skip)('migrations', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    it.each(versions.map((v, i) => [v, i]))('from version %i − 1 to the latest: applies only what is missing, once', async (_v, index) => {
      const result = await backend.migrateTwice(MIGRATIONS.slice(0, index), MIGRATIONS);
      expect(result.first).toEqual(versions.slice(0, index));
      expect(result.then).toEqual(versions.slice(index));
      expect(result.again).toEqual([]);
      expect(result.version).toBe(Math.max(...versions));
    });

    it('every migration has a Postgres dialect beside its SQLite one', () => {
      expect(MIGRATIONS.filter((m) => !m.postgres).map((m) => m.version)).toEqual([]);
    });
  });

  describe.skipIf(skip)('schedules', () => {
    it('creates a schedule and reads it back, scoped by guild', async () => {
      await open();
      const created = await store.schedules.create(newSchedule({ when: '08:30' }));
      expect(created).toMatchObject({ when: '08:30', pattern: '30 8 * * *', pausedReason: null, lastRunAt: null, primed: false });
      expect(await store.schedules.get(created.id)).toEqual(created);
      expect(await store.schedules.getInGuild(created.guildId, created.id)).toEqual(created);
      expect(await store.schedules.getInGuild(OTHER_GUILD, created.id)).toBeUndefined();
      expect(await store.schedules.remove(OTHER_GUILD, created.id)).toBe(false);
      expect((await store.schedules.listByGuild(created.guildId)).map((s) => s.id)).toEqual([created.id]);
      expect(await store.schedules.listByGuild(OTHER_GUILD)).toEqual([]);
      expect(await store.schedules.remove(created.guildId, created.id)).toBe(true);
      expect(await store.schedules.get(created.id)).toBeUndefined();
    });

    it('lists due schedules earliest first, without paused ones, up to the limit', async () => {
      await open();
      const late = await store.schedules.create(newSchedule({ nextRunAt: 300 }));
      const early = await store.schedules.create(newSchedule({ nextRunAt: 100 }));
      const paused = await store.schedules.create(newSchedule({ nextRunAt: 50 }));
      await store.schedules.create(newSchedule({ nextRunAt: 900 }));
      await store.schedules.pause(paused.id, 'paused with /schedule pause', 10);
      expect((await store.schedules.due(400)).map((s) => s.id)).toEqual([early.id, late.id]);
      expect((await store.schedules.due(400, 1)).map((s) => s.id)).toEqual([early.id]);
      expect(await store.schedules.earliestNextRun()).toBe(100);
      expect(await store.schedules.get(paused.id)).toMatchObject({ pausedReason: 'paused with /schedule pause', lastResult: 'paused' });
      await store.schedules.resume(paused.id, 20);
      expect(await store.schedules.earliestNextRun()).toBe(20);
    });

    it('records runs, priming, next runs and makes a channel\'s schedules due', async () => {
      await open();
      const a = await store.schedules.create(newSchedule({ nextRunAt: 1000 }));
      const b = await store.schedules.create(newSchedule({ nextRunAt: 2000, channelId: '200000000000000002' }));
      await store.schedules.recordRun(a.id, { at: 5, result: 'ok', detail: 'posted 2' });
      await store.schedules.markPrimed(a.id);
      await store.schedules.setNextRuns([{ id: a.id, nextRunAt: 7000 }, { id: b.id, nextRunAt: 8000 }]);
      expect(await store.schedules.get(a.id)).toMatchObject({ lastRunAt: 5, lastResult: 'ok', lastDetail: 'posted 2', primed: true, nextRunAt: 7000 });
      await store.schedules.setNextRun(b.id, 9000);
      expect(await store.schedules.makeDueForChannels([CHANNEL], 10)).toBe(1);
      expect((await store.schedules.get(a.id))!.nextRunAt).toBe(10);
      expect((await store.schedules.get(b.id))!.nextRunAt).toBe(9000);
    });

    it.each(ARTICLES)('stores a schedule\'s position in the article stream with its priming (the %s article), none before', async (_lang, articleId) => {
      await open();
      const s = await store.schedules.create(newSchedule());
      expect(await store.schedules.get(s.id)).toMatchObject({ primed: false, position: null });
      const at = Date.UTC(2026, 5, 1, 12, 30);
      await store.schedules.markPrimed(s.id, { at, id: articleId });
      expect(await store.schedules.get(s.id)).toMatchObject({ primed: true, position: { at, id: articleId } });
      expect((await store.schedules.listByGuild(s.guildId))[0]?.position).toEqual({ at, id: articleId });
      await store.schedules.markPrimed(s.id, null);
      expect(await store.schedules.get(s.id)).toMatchObject({ primed: true, position: null });
    });

    it('claims a due schedule under a lease; a live lease is not stolen; once it ends another worker claims the same run, and the first one loses it', async () => {
      await open();
      const other = await db.connect();
      const s = await store.schedules.create(newSchedule({ nextRunAt: 100 }));
      const [claimed] = await store.schedules.claimDue(150, 10, 1000);
      expect(claimed).toMatchObject({ id: s.id, nextRunAt: 100, leaseUntil: 1150 });
      // The real next run is written at once (what /schedule list shows); the lease holds the run until it finishes.
      expect(await store.schedules.claimRuns([{ id: s.id, to: 5000 }])).toEqual([s.id]);
      expect(await store.schedules.get(s.id)).toMatchObject({ nextRunAt: 5000, leaseUntil: 1150 });
      expect(await other.schedules.claimDue(1149, 10, 1000)).toEqual([]);
      expect(await store.schedules.claimDue(1149, 10, 1000)).toEqual([]);
      expect(await other.schedules.earliestNextRun()).toBe(1150);
      // The worker died before finishing: its run is redone by the next claimer, though its next run was written.
      expect((await other.schedules.claimDue(1150, 10, 1000)).map((c) => [c.id, c.leaseUntil])).toEqual([[s.id, 2150]]);
      expect(await store.schedules.claimRuns([{ id: s.id, to: 6000 }])).toEqual([]);
      expect(await store.schedules.renewLeases([s.id], 9000)).toEqual([]);
      await store.schedules.finishRun(s.id, { at: 1200, result: 'ok', detail: 'posted 1' });
      await store.schedules.releaseRuns([{ id: s.id, nextRunAt: 1300 }]);
      expect(await store.schedules.get(s.id)).toMatchObject({ nextRunAt: 5000, leaseUntil: 2150 });
      expect(await other.schedules.claimRuns([{ id: s.id, to: 5000 }])).toEqual([s.id]);
    });

    it('a finished run ends the lease and advances the next run once: not claimed again before it', async () => {
      await open();
      const other = await db.connect();
      const s = await store.schedules.create(newSchedule({ nextRunAt: 100 }));
      await store.schedules.claimDue(150, 10, 1000);
      await store.schedules.claimRuns([{ id: s.id, to: 5000 }]);
      await store.schedules.finishRun(s.id, { at: 150, result: 'ok', detail: 'posted 2' });
      expect(await store.schedules.get(s.id)).toMatchObject({ nextRunAt: 5000, leaseUntil: null, lastRunAt: 150, lastResult: 'ok', lastDetail: 'posted 2' });
      expect(await store.schedules.earliestNextRun()).toBe(5000);
      expect(await other.schedules.claimDue(4999, 10, 1000)).toEqual([]);
      expect((await other.schedules.claimDue(5000, 10, 1000)).map((c) => c.id)).toEqual([s.id]);
    });

    it('a renewed lease is not stolen; a run given back is due again at its retry time, by its owner only', async () => {
      await open();
      const other = await db.connect();
      const s = await store.schedules.create(newSchedule({ nextRunAt: 100 }));
      await store.schedules.claimDue(150, 10, 1000);
      expect(await store.schedules.renewLeases([s.id], 3000)).toEqual([s.id]);
      expect(await other.schedules.claimDue(2999, 10, 1000)).toEqual([]);
      await other.schedules.releaseRuns([{ id: s.id, nextRunAt: 200 }]);
      expect(await other.schedules.claimDue(2999, 10, 1000)).toEqual([]);
      await store.schedules.releaseRuns([{ id: s.id, nextRunAt: 2500 }]);
      expect(await store.schedules.get(s.id)).toMatchObject({ nextRunAt: 2500, leaseUntil: null });
      expect(await other.schedules.claimDue(2499, 10, 1000)).toEqual([]);
      expect((await other.schedules.claimDue(2500, 10, 1000)).map((c) => c.id)).toEqual([s.id]);
    });

    it('confirms claimed runs only while active: not after a pause', async () => {
      await open();
      const [a, paused] = await Promise.all([100, 120].map((nextRunAt) => store.schedules.create(newSchedule({ nextRunAt }))));
      expect((await store.schedules.claimDue(150, 10, 1000)).map((c) => c.id)).toEqual([a!.id, paused!.id]);
      await store.schedules.pause(paused!.id, 'paused with /schedule pause', 160);
      expect(await store.schedules.claimRuns([{ id: a!.id, to: 5000 }, { id: paused!.id, to: 5000 }])).toEqual([a!.id]);
      expect(await store.schedules.claimRuns([])).toEqual([]);
      // a's lease ran out unfinished: its run is redone; the paused one stays unclaimed.
      expect((await store.schedules.claimDue(5000, 10, 1000)).map((c) => c.id)).toEqual([a!.id]);
    });

    it('a store started after another closed ends that one\'s leases at once: the run it claimed is redone now, not when the lease runs out', async () => {
      await open();
      const s = await store.schedules.create(newSchedule({ nextRunAt: 100 }));
      await store.schedules.claimDue(150, 10, 60_000);
      await store.schedules.claimRuns([{ id: s.id, to: 5000 }]);
      await store.close();
      const next = await db.connect();
      expect(await next.schedules.claimDue(200, 10, 60_000)).toEqual([]);
      expect(await next.schedules.endAbandonedLeases(200)).toBe(1);
      expect(await next.schedules.endAbandonedLeases(200)).toBe(0);
      expect(await next.schedules.earliestNextRun()).toBe(200);
      expect((await next.schedules.claimDue(200, 10, 60_000)).map((c) => [c.id, c.leaseUntil])).toEqual([[s.id, 60_200]]);
      expect(await next.schedules.endAbandonedLeases(300)).toBe(0);
    });

    it('four workers claiming 1,000 due schedules over 200 channels at once take each exactly once', async () => {
      await open();
      const workers = [store, ...(await Promise.all([1, 2, 3].map(() => db.connect())))];
      const ids: number[] = [];
      for (let i = 0; i < 1000; i++) ids.push((await store.schedules.create(newSchedule({ channelId: String(200000000000000000n + BigInt(i % 200)), nextRunAt: i }))).id);
      const claims = await Promise.all(workers.map(async (worker) => {
        const mine: number[] = [];
        for (;;) {
          const batch = await worker.schedules.claimDue(5000, 37, 60_000);
          if (!batch.length) return mine;
          mine.push(...batch.map((b) => b.id));
        }
      }));
      const all = claims.flat();
      expect(all.length).toBe(1000);
      expect(new Set(all).size).toBe(1000);
      expect([...all].sort((x, y) => x - y)).toEqual(ids);
    });
  });

  describe.skipIf(skip)('deliveries', () => {
    it.each(ARTICLES)('records the %s article as pending with its nonce before any send, then sent', async (_lang, articleId) => {
      await open();
      const { id } = await store.schedules.create(newSchedule({ channelId: CHANNEL }));
      const row = await store.deliveries.begin(CHANNEL, articleId, id, 'n1', 10);
      expect(row).toMatchObject({ channelId: CHANNEL, articleId, status: 'pending', nonce: 'n1', attempts: 1, scheduleId: id });
      expect(await store.deliveries.channelsWithPending()).toEqual([CHANNEL]);
      await store.deliveries.markSent(CHANNEL, articleId, '900000000000000001', 11);
      expect(await store.deliveries.get(CHANNEL, articleId)).toMatchObject({ status: 'sent', messageId: '900000000000000001', updatedAt: 11 });
      expect(await store.deliveries.channelsWithPending()).toEqual([]);
      expect(await store.deliveries.statusesForChannel(CHANNEL)).toEqual(new Map([[articleId, 'sent']]));
    });

    it('a retry keeps the first nonce and counts the attempt', async () => {
      await open();
      const { id } = await store.schedules.create(newSchedule({ channelId: CHANNEL }));
      await store.deliveries.begin(CHANNEL, 'a', id, 'first', 10);
      await store.deliveries.markFailed(CHANNEL, 'a', 'failed', `HTTP 502 ${'x'.repeat(600)}`, 11);
      expect((await store.deliveries.get(CHANNEL, 'a'))!.error!.length).toBe(500);
      expect(await store.deliveries.begin(CHANNEL, 'a', id, 'second', 12)).toMatchObject({ status: 'pending', nonce: 'first', attempts: 2 });
    });

    it.each(['sent', 'skipped', 'rejected'] as const)('begin on a %s delivery changes nothing', async (status) => {
      await open();
      const { id } = await store.schedules.create(newSchedule({ channelId: CHANNEL }));
      if (status === 'skipped') await store.deliveries.skip(CHANNEL, [{ id: 'a' }], id, 1);
      else {
        await store.deliveries.begin(CHANNEL, 'a', id, 'n', 1);
        if (status === 'sent') await store.deliveries.markSent(CHANNEL, 'a', '900000000000000001', 2);
        else await store.deliveries.markFailed(CHANNEL, 'a', 'rejected', 'Invalid Form Body', 2);
      }
      expect(await store.deliveries.begin(CHANNEL, 'a', id, 'other', 3)).toMatchObject({ status, attempts: status === 'skipped' ? 0 : 1 });
    });

    it('skips only articles without a record, and counts them', async () => {
      await open();
      const { id } = await store.schedules.create(newSchedule({ channelId: CHANNEL }));
      await store.deliveries.begin(CHANNEL, ARTICLES[0][1], id, 'n', 1);
      expect(await store.deliveries.skip(CHANNEL, ARTICLES.map((a) => ({ id: a[1] })), id, 2)).toBe(2);
      expect(await store.deliveries.skip(CHANNEL, [], id, 2)).toBe(0);
      expect(await store.deliveries.statusesForChannel(CHANNEL)).toEqual(new Map([[ARTICLES[0][1], 'pending'], [ARTICLES[1][1], 'skipped'], [ARTICLES[2][1], 'skipped']]));
    });

    it.each(ARTICLES)('keeps the %s article\'s content key and owner; no store reopens it under a running lease, another may once it failed', async (_lang, articleId) => {
      await open();
      const { id } = await store.schedules.create(newSchedule({ channelId: CHANNEL }));
      const other = await db.connect();
      expect(other.deliveries.owner).not.toBe(store.deliveries.owner);
      const row = await store.deliveries.begin(CHANNEL, articleId, id, 'n1', 10, 'key-1');
      expect(row).toMatchObject({ status: 'pending', contentKey: 'key-1', owner: store.deliveries.owner, attempts: 1, claimed: true, leaseUntil: 10 + DEFAULT_DELIVERY_LEASE_MS });
      expect(await other.deliveries.begin(CHANNEL, articleId, id, 'n2', 11, 'key-1')).toMatchObject({ status: 'pending', owner: store.deliveries.owner, attempts: 1, claimed: false });
      expect(await store.deliveries.begin(CHANNEL, articleId, id, 'n3', 12)).toMatchObject({ status: 'pending', owner: store.deliveries.owner, attempts: 1, nonce: 'n1', contentKey: 'key-1', claimed: false });
      expect(await other.deliveries.markFailed(CHANNEL, articleId, 'failed', 'HTTP 502', 13)).toBe(false);
      expect(await store.deliveries.markFailed(CHANNEL, articleId, 'failed', 'HTTP 502', 13)).toBe(true);
      expect(await other.deliveries.begin(CHANNEL, articleId, id, 'n4', 14)).toMatchObject({ status: 'pending', owner: other.deliveries.owner, attempts: 2, nonce: 'n1', claimed: true });
    });

    it.each(ARTICLES)('a %s delivery whose lease ran out is taken over; the worker that lost it records nothing, the new owner does', async (_lang, articleId) => {
      await open();
      const other = await db.connect();
      expect(await store.deliveries.begin(CHANNEL, articleId, null, 'n1', 1000, null, 100)).toMatchObject({ claimed: true, leaseUntil: 1100 });
      expect(await other.deliveries.begin(CHANNEL, articleId, null, 'n2', 1099, null, 100)).toMatchObject({ claimed: false, owner: store.deliveries.owner });
      expect(await other.deliveries.begin(CHANNEL, articleId, null, 'n2', 1100, null, 100)).toMatchObject({ claimed: true, owner: other.deliveries.owner, attempts: 2, nonce: 'n1', leaseUntil: 1200 });
      expect(await store.deliveries.markSent(CHANNEL, articleId, '900000000000000001', 1101)).toBe(false);
      expect(await other.deliveries.markSent(CHANNEL, articleId, '900000000000000001', 1102)).toBe(true);
      expect(await store.deliveries.get(CHANNEL, articleId)).toMatchObject({ status: 'sent', owner: other.deliveries.owner, leaseUntil: null });
    });

    it('an uncertain delivery is claimed again (a re-check), and listed with its status oldest first', async () => {
      await open();
      for (const [at, articleId] of [[5, 'b'], [3, 'a'], [4, 'c']] as const) {
        await store.deliveries.begin(CHANNEL, articleId, null, 'n', at);
        await store.deliveries.markFailed(CHANNEL, articleId, 'uncertain', 'no Read Message History', at);
      }
      expect((await store.deliveries.withStatus(CHANNEL, 'uncertain', 2)).map((r) => r.articleId)).toEqual(['a', 'c']);
      expect(await store.deliveries.withStatus('200000000000000009', 'uncertain', 5)).toEqual([]);
      expect(await store.deliveries.begin(CHANNEL, 'a', null, 'other', 6)).toMatchObject({ claimed: true, status: 'pending', attempts: 2, nonce: 'n' });
    });

    it('records uncertain posts, counts statuses and lists the settled content keys of a channel only', async () => {
      await open();
      const { id } = await store.schedules.create(newSchedule({ channelId: CHANNEL }));
      const elsewhere = '200000000000000002';
      for (const [article, key, end] of [['sent', 'k-sent', 'sent'], ['unsure', 'k-unsure', 'uncertain'], ['refused', 'k-refused', 'rejected'], ['retry', 'k-retry', 'failed'], ['inflight', 'k-inflight', 'pending']] as const) {
        await store.deliveries.begin(CHANNEL, article, id, 'n', 1, key);
        if (end === 'sent') await store.deliveries.markSent(CHANNEL, article, '900000000000000001', 2);
        else if (end !== 'pending') await store.deliveries.markFailed(CHANNEL, article, end, 'history unreadable (no Read Message History)', 2);
      }
      expect(await store.deliveries.skip(CHANNEL, [{ id: 'old', contentKey: 'k-old' }, { id: 'older' }], id, 3)).toBe(2);
      await store.deliveries.begin(elsewhere, 'sent', id, 'n', 1, 'k-elsewhere');
      await store.deliveries.markSent(elsewhere, 'sent', '900000000000000002', 2);
      expect([...await store.deliveries.settledContentKeys(CHANNEL)].sort()).toEqual(['k-old', 'k-refused', 'k-sent', 'k-unsure']);
      expect(await store.deliveries.get(CHANNEL, 'unsure')).toMatchObject({ status: 'uncertain', error: 'history unreadable (no Read Message History)' });
      expect(await store.deliveries.countWithStatus(CHANNEL, 'uncertain')).toBe(1);
      expect(await store.deliveries.countWithStatus(CHANNEL, 'skipped')).toBe(2);
      expect(await store.deliveries.countWithStatus(elsewhere, 'uncertain')).toBe(0);
      expect(await store.deliveries.get(CHANNEL, 'older')).toMatchObject({ status: 'skipped', contentKey: null });
    });

    it('a store started after another closed adopts its pending deliveries (not its sent ones), and may then reopen them', async () => {
      await open();
      const { id } = await store.schedules.create(newSchedule({ channelId: CHANNEL }));
      for (const [, articleId] of ARTICLES) await store.deliveries.begin(CHANNEL, articleId, id, 'n', 1);
      await store.deliveries.markSent(CHANNEL, ARTICLES[0][1], '900000000000000001', 2);
      await store.close();
      const next = await db.connect();
      expect(await next.deliveries.adoptPending()).toBe(2);
      expect(await next.deliveries.adoptPending()).toBe(0);
      expect(await next.deliveries.begin(CHANNEL, ARTICLES[1][1], id, 'n', 3)).toMatchObject({ status: 'pending', owner: next.deliveries.owner, attempts: 2 });
      expect(await next.deliveries.get(CHANNEL, ARTICLES[0][1])).toMatchObject({ status: 'sent', owner: store.deliveries.owner });
    });

    it('keeps deliveries when their schedule is removed', async () => {
      await open();
      const s = await store.schedules.create(newSchedule({ channelId: CHANNEL }));
      await store.deliveries.begin(CHANNEL, 'a', s.id, 'n', 1);
      await store.schedules.remove(s.guildId, s.id);
      expect(await store.deliveries.get(CHANNEL, 'a')).toMatchObject({ status: 'pending', scheduleId: null });
    });
  });

  describe.skipIf(skip)('quote pages', () => {
    const pagesOf = () => store.quotePages!;
    const SEARCHES: ReadonlyArray<[string, QuoteSearch]> = [
      ['Arabic', { query: 'الترام', speaker: 'ليلى حسن', articleId: null, guildId: GUILD, userId: '300000000000000003', language: 'ar' }],
      ['English', { query: 'bridge', speaker: null, articleId: 'mayor-speech', guildId: GUILD, userId: '300000000000000003', language: 'en' }],
      ['French', { query: null, speaker: null, articleId: 'déclaration-élysée', guildId: null, userId: '300000000000000004', language: 'fr' }],
    ];

    it.each(SEARCHES)('keeps a search (%s) under a new 8-character token, read back in its server only, through another connection too', async (_lang, search) => {
      await open();
      const token = await pagesOf().put(search, 1000);
      expect(token).toMatch(/^[\w-]{8}$/);
      expect(await pagesOf().get(token, search.guildId, 1000)).toEqual({ ...search, token, createdAt: 1000 });
      // Another process on the same database (another HTTP replica) finds it.
      expect(await (await db.connect()).quotePages!.get(token, search.guildId, 2000)).toEqual({ ...search, token, createdAt: 1000 });
      // Clicked in another server (or in a DM for a server's search, in a server for a DM's): nothing.
      for (const elsewhere of [OTHER_GUILD, search.guildId === null ? GUILD : null]) expect(await pagesOf().get(token, elsewhere, 1000)).toBeUndefined();
    });

    it('expires a search 15 minutes after it was made, not before', async () => {
      await open();
      const token = await pagesOf().put(SEARCHES[0]![1], 1000);
      expect(await pagesOf().get(token, GUILD, 1000 + QUOTE_PAGES_TTL_MS)).toMatchObject({ token });
      expect(await pagesOf().get(token, GUILD, 1001 + QUOTE_PAGES_TTL_MS)).toBeUndefined();
    });

    it('prunes the expired searches (each new search prunes them too: the table holds one time to live of searches)', async () => {
      await open();
      const old = await Promise.all(SEARCHES.map(([, search], i) => pagesOf().put(search, 1000 + i)));
      expect(await pagesOf().prune(1001 + QUOTE_PAGES_TTL_MS)).toBe(1);
      const fresh = await pagesOf().put(SEARCHES[0]![1], 5000 + QUOTE_PAGES_TTL_MS);
      // The put removed the other two expired rows: nothing is left to prune, and the fresh one stays.
      expect(await pagesOf().prune(5000 + QUOTE_PAGES_TTL_MS)).toBe(0);
      expect(await pagesOf().get(fresh, GUILD, 5000 + QUOTE_PAGES_TTL_MS)).toMatchObject({ token: fresh });
      for (const [i, token] of old.entries()) expect(await pagesOf().get(token, SEARCHES[i]![1].guildId, 1000)).toBeUndefined();
    });

    it.each(["' OR '1'='1", 'x; DROP TABLE quote_pages; --', '../../etc/passwd', ''])('finds nothing for a forged token (%j) and keeps its rows', async (forged) => {
      await open();
      const token = await pagesOf().put(SEARCHES[1]![1], 1000);
      expect(await pagesOf().get(forged, GUILD, 1000)).toBeUndefined();
      expect(await pagesOf().get(token, GUILD, 1000)).toMatchObject({ token });
    });

    it('gives 200 searches 200 different tokens', async () => {
      await open();
      const tokens = await Promise.all(Array.from({ length: 200 }, (_, i) => pagesOf().put(SEARCHES[i % 3]![1], 1000)));
      expect(new Set(tokens).size).toBe(200);
    });
  });

  describe.skipIf(skip)('feeds', () => {
    const feedsOf = (): NonNullable<AsyncStore['feeds']> => store.feeds!;

    it('creates a feed once per guild, channel and URL; what a user reaches is scoped by guild', async () => {
      await open();
      const feed = (await feedsOf().create(newFeed()))!;
      expect(feed).toMatchObject({ title: 'Nachrichten / أخبار / Actualités', failures: 0, pausedReason: null, etag: null, lastCheckAt: null, nextCheckAt: 10 });
      expect(await feedsOf().create(newFeed())).toBeUndefined();
      expect(await feedsOf().create(newFeed({ guildId: OTHER_GUILD }))).toBeDefined();
      expect(await feedsOf().getInGuild(OTHER_GUILD, feed.id)).toBeUndefined();
      expect((await feedsOf().listByGuild(GUILD)).map((f) => f.id)).toEqual([feed.id]);
      expect(await feedsOf().remove(OTHER_GUILD, feed.id)).toBe(false);
      expect(await feedsOf().get(feed.id)).toEqual(feed);
      expect(await feedsOf().remove(GUILD, feed.id)).toBe(true);
      expect(await feedsOf().get(feed.id)).toBeUndefined();
    });

    it('due, pause, resume, earliest next check, and a check recorded with validators kept unless given and a moved URL', async () => {
      await open();
      const a = (await feedsOf().create(newFeed({ nextCheckAt: 10 })))!;
      const b = (await feedsOf().create(newFeed({ url: 'https://b.example/feed.xml', nextCheckAt: 20 })))!;
      expect((await feedsOf().due(15)).map((f) => f.id)).toEqual([a.id]);
      await feedsOf().pause(a.id, 'HTTP 410 Gone', 12);
      expect((await feedsOf().due(100)).map((f) => f.id)).toEqual([b.id]);
      expect(await feedsOf().earliestNextCheck()).toBe(20);
      expect(await feedsOf().get(a.id)).toMatchObject({ pausedReason: 'HTTP 410 Gone', lastDetail: 'paused: HTTP 410 Gone' });
      await feedsOf().recordCheck(a.id, { at: 1, nextCheckAt: 2, failures: 4, detail: 'HTTP 500' });
      await feedsOf().resume(a.id, 5);
      expect(await feedsOf().get(a.id)).toMatchObject({ pausedReason: null, failures: 0, nextCheckAt: 5 });
      await feedsOf().recordCheck(b.id, { at: 1, nextCheckAt: 2, failures: 0, detail: 'ok', etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', url: 'https://b.example/new.xml', title: 'Le Monde' });
      await feedsOf().recordCheck(b.id, { at: 3, nextCheckAt: 4, failures: 0, detail: 'not modified' });
      expect(await feedsOf().get(b.id)).toMatchObject({ etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', url: 'https://b.example/new.xml', title: 'Le Monde', lastCheckAt: 3, lastDetail: 'not modified', nextCheckAt: 4 });
      await feedsOf().setNextCheck(b.id, 99);
      expect((await feedsOf().get(b.id))!.nextCheckAt).toBe(99);
    });

    it.each(ARTICLES)('remembers seen keys and the %s article; owed lists what the channel has not received, oldest first', async (_lang, title) => {
      await open();
      const feed = (await feedsOf().create(newFeed()))!;
      await feedsOf().remember(feed.id, ['id:1', 'link:https://news.example/1', 'id:2', 'id:2'], [feedArticle(feed.id, 2, { title }), feedArticle(feed.id, 1)], 5);
      await feedsOf().remember(feed.id, [], [feedArticle(feed.id, 2, { title: 'stored once: not replaced' })], 6);
      expect(await feedsOf().seen(feed.id, ['id:1', 'id:3', 'id:2'])).toEqual(new Set(['id:1', 'id:2']));
      expect(await feedsOf().seen(feed.id, [])).toEqual(new Set());
      const [one, two] = [`feed${feed.id}-1`, `feed${feed.id}-2`];
      expect((await feedsOf().owed(feed.id, CHANNEL)).map((a) => a.id)).toEqual([one, two]);
      await store.deliveries.begin(CHANNEL, one, null, 'n1', 6);
      expect((await feedsOf().owed(feed.id, CHANNEL)).map((a) => a.id)).toEqual([one, two]);
      await store.deliveries.markSent(CHANNEL, one, '900000000000000001', 7);
      expect((await feedsOf().owed(feed.id, CHANNEL)).map((a) => a.id)).toEqual([two]);
      expect(await feedsOf().getArticle(two)).toEqual(feedArticle(feed.id, 2, { title }));
      expect(await feedsOf().getArticle('feed0-none')).toBeUndefined();
    });

    it('makes due the active feeds whose channel is owed a stored article (a stop mid-poll), not the others', async () => {
      await open();
      const owing = (await feedsOf().create(newFeed({ nextCheckAt: 5000 })))!;
      const settled = (await feedsOf().create(newFeed({ url: 'https://b.example/feed.xml', nextCheckAt: 5000 })))!;
      const paused = (await feedsOf().create(newFeed({ url: 'https://c.example/feed.xml', nextCheckAt: 5000 })))!;
      await feedsOf().remember(owing.id, ['id:1'], [feedArticle(owing.id, 1)], 1);
      await feedsOf().remember(settled.id, ['id:1'], [feedArticle(settled.id, 1)], 1);
      await feedsOf().remember(paused.id, ['id:1'], [feedArticle(paused.id, 1)], 1);
      await store.deliveries.begin(CHANNEL, `feed${settled.id}-1`, null, 'n', 2);
      await store.deliveries.markSent(CHANNEL, `feed${settled.id}-1`, '900000000000000001', 3);
      await feedsOf().pause(paused.id, 'paused with /feed pause', 3);
      expect(await feedsOf().makeDueWithOwed(100)).toBe(1);
      expect((await feedsOf().get(owing.id))!.nextCheckAt).toBe(100);
      expect((await feedsOf().get(settled.id))!.nextCheckAt).toBe(5000);
    });

    it('claiming due feeds puts them under a lease: a second checker gets none until it ends, and a paused feed is never claimed', async () => {
      await open();
      const a = (await feedsOf().create(newFeed({ nextCheckAt: 10 })))!;
      const b = (await feedsOf().create(newFeed({ url: 'https://b.example/feed.xml', nextCheckAt: 20 })))!;
      const paused = (await feedsOf().create(newFeed({ url: 'https://c.example/feed.xml', nextCheckAt: 5 })))!;
      await feedsOf().pause(paused.id, 'paused with /feed pause', 1);
      expect((await feedsOf().claimDue(100, 10, 1000)).map((f) => f.id)).toEqual([a.id, b.id]);
      expect((await feedsOf().get(a.id))!.nextCheckAt).toBe(1100);
      const other = await db.connect();
      expect(await other.feeds!.claimDue(1099, 10, 1000)).toEqual([]);
      // The first checker died: the lease ends and another takes the feed; a recorded check moves it past the lease.
      await feedsOf().recordCheck(b.id, { at: 150, nextCheckAt: 5000, failures: 0, detail: 'ok' });
      expect((await other.feeds!.claimDue(1100, 10, 1000)).map((f) => f.id)).toEqual([a.id]);
    });

    it('four checkers claiming 300 due feeds at once take each exactly once', async () => {
      await open();
      const ids: number[] = [];
      for (let i = 0; i < 300; i++) ids.push((await feedsOf().create(newFeed({ url: `https://news.example/${i}.xml`, nextCheckAt: i })))!.id);
      const workers = [store, ...(await Promise.all([1, 2, 3].map(() => db.connect())))];
      const claims = await Promise.all(workers.map(async (worker) => {
        const mine: number[] = [];
        for (;;) {
          const batch = await worker.feeds!.claimDue(5000, 23, 60_000);
          if (!batch.length) return mine;
          mine.push(...batch.map((f) => f.id));
        }
      }));
      expect(claims.flat().sort((x, y) => x - y)).toEqual(ids);
    });

    it('forgets keys of items long gone from the feed, counted from the feed\'s latest sighting; handles many keys at once', async () => {
      await open();
      const feed = (await feedsOf().create(newFeed()))!;
      const DAY = 86_400_000;
      await feedsOf().remember(feed.id, ['id:old', 'id:kept'], [], 0);
      expect(await feedsOf().forgetOlder(feed.id, 90 * DAY)).toBe(0);
      await feedsOf().remember(feed.id, ['id:kept', 'id:new'], [], 100 * DAY);
      expect(await feedsOf().forgetOlder(feed.id, 90 * DAY)).toBe(1);
      expect(await feedsOf().seen(feed.id, ['id:old', 'id:kept', 'id:new'])).toEqual(new Set(['id:kept', 'id:new']));
      const keys = Array.from({ length: 1200 }, (_, i) => `id:${i}`);
      await feedsOf().remember(feed.id, keys, [], 101 * DAY);
      expect((await feedsOf().seen(feed.id, keys)).size).toBe(1200);
    });

    it('prunes articles fetched before the cut-off, except each feed\'s newest and those still owed; their seen keys stay', async () => {
      await open();
      const DAY = 86_400_000;
      const a = (await feedsOf().create(newFeed()))!;
      const b = (await feedsOf().create(newFeed({ guildId: OTHER_GUILD })))!;
      // Feed a: 1–4 fetched on day 1, 5 on day 40; 2 is still owed (its post pending); b: one old article, its newest.
      const old = [1, 2, 3, 4].map((n) => feedArticle(a.id, n, { fetchedAt: DAY }));
      await feedsOf().remember(a.id, old.map((x) => x.itemKey), [...old, feedArticle(a.id, 5, { fetchedAt: 40 * DAY })], DAY);
      await feedsOf().remember(b.id, ['id:1'], [feedArticle(b.id, 1, { guildId: OTHER_GUILD, fetchedAt: DAY })], DAY);
      for (const n of [1, 3, 4, 5]) {
        await store.deliveries.begin(CHANNEL, `feed${a.id}-${n}`, null, `n${n}`, 2);
        await store.deliveries.markSent(CHANNEL, `feed${a.id}-${n}`, '900000000000000001', 3);
      }
      await store.deliveries.begin(CHANNEL, `feed${a.id}-2`, null, 'n2', 2);
      await store.deliveries.begin(CHANNEL, `feed${b.id}-1`, null, 'nb', 2);
      await store.deliveries.markSent(CHANNEL, `feed${b.id}-1`, '900000000000000002', 3);
      // Cut-off day 30, keep the newest 2 per feed: a's 5 and 4 stay (newest), 2 stays (owed); 1 and 3 go. b's only article is its newest.
      const pruned = await feedsOf().pruneArticles(30 * DAY, 2);
      expect(pruned.map((x) => x.id).sort()).toEqual([`feed${a.id}-1`, `feed${a.id}-3`]);
      expect(pruned.every((x) => x.guildId === GUILD)).toBe(true);
      expect((await feedsOf().articlesOfGuild(GUILD)).map((x) => x.id)).toEqual([2, 4, 5].map((n) => `feed${a.id}-${n}`));
      expect((await feedsOf().articlesOfGuild(OTHER_GUILD)).map((x) => x.id)).toEqual([`feed${b.id}-1`]);
      expect(await feedsOf().seen(a.id, ['id:1', 'id:3'])).toEqual(new Set(['id:1', 'id:3']));
      expect(await feedsOf().pruneArticles(30 * DAY, 2)).toEqual([]);
      // Keeping none: every old article its channel has received goes, the owed one still stays.
      expect((await feedsOf().pruneArticles(30 * DAY, 0)).map((x) => x.id).sort()).toEqual([`feed${a.id}-4`, `feed${b.id}-1`]);
      expect((await feedsOf().owed(a.id, CHANNEL)).map((x) => x.id)).toEqual([`feed${a.id}-2`]);
    });

    it('lists the articles fetched since a time, earliest fetched first, and the ids of all stored (a follower catching up)', async () => {
      await open();
      const a = (await feedsOf().create(newFeed()))!;
      const b = (await feedsOf().create(newFeed({ guildId: OTHER_GUILD })))!;
      await feedsOf().remember(a.id, [], [feedArticle(a.id, 1, { fetchedAt: 100 }), feedArticle(a.id, 2, { fetchedAt: 300 })], 300);
      await feedsOf().remember(b.id, [], [feedArticle(b.id, 1, { guildId: OTHER_GUILD, fetchedAt: 200 })], 200);
      expect((await feedsOf().articlesFetchedSince(200)).map((x) => [x.id, x.guildId, x.fetchedAt])).toEqual([[`feed${b.id}-1`, OTHER_GUILD, 200], [`feed${a.id}-2`, GUILD, 300]]);
      expect(await feedsOf().articlesFetchedSince(301)).toEqual([]);
      expect((await feedsOf().articlesFetchedSince(0)).map((x) => x.id)).toEqual([`feed${a.id}-1`, `feed${b.id}-1`, `feed${a.id}-2`]);
      const ids = async (): Promise<string[]> => (await feedsOf().storedArticleIds()).map((x) => `${x.guildId}/${x.id}`).sort();
      expect(await ids()).toEqual([`${GUILD}/feed${a.id}-1`, `${GUILD}/feed${a.id}-2`, `${OTHER_GUILD}/feed${b.id}-1`].sort());
      await feedsOf().remove(GUILD, a.id);
      expect(await ids()).toEqual([`${OTHER_GUILD}/feed${b.id}-1`]);
    });

    it('articles by guild: one server never sees another\'s; removing a feed removes its seen keys and articles', async () => {
      await open();
      const a = (await feedsOf().create(newFeed()))!;
      const b = (await feedsOf().create(newFeed({ guildId: OTHER_GUILD })))!;
      await feedsOf().remember(a.id, ['id:1'], [feedArticle(a.id, 1)], 1);
      await feedsOf().remember(b.id, [], [feedArticle(b.id, 1, { guildId: OTHER_GUILD })], 1);
      expect((await feedsOf().articlesOfGuild(GUILD)).map((x) => x.id)).toEqual([`feed${a.id}-1`]);
      expect((await feedsOf().articlesOfGuild(OTHER_GUILD)).map((x) => x.id)).toEqual([`feed${b.id}-1`]);
      expect(await feedsOf().allArticles()).toHaveLength(2);
      await feedsOf().remove(GUILD, a.id);
      expect(await feedsOf().getArticle(`feed${a.id}-1`)).toBeUndefined();
      expect((await feedsOf().seen(a.id, ['id:1'])).size).toBe(0);
    });
  });
});

describe.skipIf(!POSTGRES_BIN)('Postgres owner leases', () => {
  it('a worker adopts another\'s pending deliveries only once that worker\'s lease has run out; its own never', async () => {
    const url = await cluster!.createDatabase(`leases_${++databases}`);
    const [first, second] = [await createPostgresStore(url), await createPostgresStore(url)];
    const pool = createPool(url);
    try {
      const { id } = await first.schedules.create(newSchedule({ channelId: CHANNEL }));
      for (const [, articleId] of ARTICLES) await first.deliveries.begin(CHANNEL, articleId, id, 'n', 1);
      expect(await second.deliveries.adoptPending()).toBe(0);
      expect(await first.deliveries.adoptPending()).toBe(0);
      // The first worker stops renewing (killed): its lease ends in the past by the database's clock.
      await pool.query('UPDATE store_owners SET lease_until = 0 WHERE owner = $1', [first.deliveries.owner]);
      expect(await second.deliveries.adoptPending()).toBe(3);
      expect(await second.deliveries.adoptPending()).toBe(0);
      // Its schedule leases likewise: ended only once its owner lease has run out.
      await pool.query('UPDATE store_owners SET lease_until = 1e15 WHERE owner = $1', [first.deliveries.owner]);
      await first.schedules.claimDue(Date.now() + 86_400_000 * 400, 10, 60_000);
      expect(await second.schedules.endAbandonedLeases(2)).toBe(0);
      await pool.query('UPDATE store_owners SET lease_until = 0 WHERE owner = $1', [first.deliveries.owner]);
      expect(await second.schedules.endAbandonedLeases(2)).toBe(1);
    } finally {
      await Promise.all([first.close(), second.close(), pool.end()]);
    }
  });

  it('a post adopted from a dead worker is sent by whichever live worker runs its channel next, once, not only by the adopter', async () => {
    const url = await cluster!.createDatabase(`leases_${++databases}`);
    const [dead, adopter, other] = [await createPostgresStore(url), await createPostgresStore(url), await createPostgresStore(url)];
    const pool = createPool(url);
    try {
      const { id } = await dead.schedules.create(newSchedule({ channelId: CHANNEL }));
      await dead.deliveries.begin(CHANNEL, ARTICLES[0][1], id, 'n', 1);
      await pool.query('UPDATE store_owners SET lease_until = 0 WHERE owner = $1', [dead.deliveries.owner]);
      expect(await adopter.deliveries.adoptPending()).toBe(1);
      // Another worker claimed the schedule that adoption made due: it takes the row (same nonce, one more attempt) under its own lease.
      expect(await other.deliveries.begin(CHANNEL, ARTICLES[0][1], id, 'n2', 2)).toMatchObject({ claimed: true, status: 'pending', owner: other.deliveries.owner, nonce: 'n', attempts: 2 });
      expect(await adopter.deliveries.begin(CHANNEL, ARTICLES[0][1], id, 'n', 3)).toMatchObject({ claimed: false, owner: other.deliveries.owner });
      expect(await other.deliveries.markSent(CHANNEL, ARTICLES[0][1], '900000000000000001', 4)).toBe(true);
      expect(await adopter.deliveries.adoptPending()).toBe(0);
    } finally {
      await Promise.all([dead.close(), adopter.close(), other.close(), pool.end()]);
    }
  });
});

describe.skipIf(!POSTGRES_BIN)('Postgres session locks', () => {
  it('a name is held by one process at a time, released by unlock, and at once when the holder\'s connection dies', async () => {
    const url = await cluster!.createDatabase(`locks_${++databases}`);
    const [first, second] = [createSessionLocks(url), createSessionLocks(url)];
    const pool = createPool(url);
    const lost: string[] = [];
    first.onLost((error) => lost.push(error.message));
    try {
      expect(await first.tryLock('channel:1')).toBe(true);
      expect(await first.tryLock('channel:1')).toBe(true); // reentrant in its own session
      expect(await second.tryLock('channel:1')).toBe(false);
      expect(await second.tryLock('channel:2')).toBe(true);
      await first.unlock('channel:1');
      await first.unlock('channel:1');
      expect(await second.tryLock('channel:1')).toBe(true);
      await second.unlock('channel:1');
      expect(await first.tryLock('ingest')).toBe(true);
      // The holder's connection is cut (a killed process): the lock is free at once, and the holder is told.
      await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1
        AND objid = (hashtextextended('ingest', 0) & 4294967295)::oid AND classid = ((hashtextextended('ingest', 0) >> 32) & 4294967295)::oid`);
      await expect.poll(() => lost.length).toBe(1);
      expect(await second.tryLock('ingest')).toBe(true);
      expect(await first.tryLock('ingest')).toBe(false); // reconnected, and the lock is the other's now
    } finally {
      await Promise.all([first.close(), second.close(), pool.end()]);
    }
  });
});
