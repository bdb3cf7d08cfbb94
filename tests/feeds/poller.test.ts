import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { subscribe } from '../../src/feeds/actions';
import { feedArticleId } from '../../src/feeds/article';
import type { FeedCheckDeps } from '../../src/feeds/check';
import { pageReader } from '../../src/feeds/read-page';
import { FeedPoller } from '../../src/feeds/service';
import type { PostOutcome } from '../../src/scheduler/outcome';
import type { Poster } from '../../src/scheduler/poster';
import { createSqliteStore, type StoreWithFeeds } from '../../src/store';
import { tempDir } from '../store/helpers';
import { CHANNEL, feedDeps, GUILD, RecordingPoster, rss, serve, startFeedServer, testFetcher, type FeedServer } from './helpers';

const T0 = Date.UTC(2026, 0, 1, 12);
const MIN = 600_000;

let server: FeedServer;
let temp: ReturnType<typeof tempDir>;
beforeEach(async () => {
  server = await startFeedServer();
  temp = tempDir('briefing-feeds-');
});
afterEach(async () => {
  await server.close();
  temp.cleanup();
});

const item = (n: number) => ({ guid: `g${n}`, link: `${server.base}/story/${n}`, title: `Story ${n}`, date: new Date(Date.UTC(2026, 0, n)).toUTCString() });

/** Check deps on a store at a file path (reopened across "restarts"; `shared`: open beside another process's store, as two workers). */
function depsAt(poster: Poster, shared = false): FeedCheckDeps & { store: StoreWithFeeds } {
  const store = createSqliteStore(join(temp.dir, 'briefing.db'), shared ? { exclusive: false, checkEveryMs: 0 } : {});
  const defaults = feedDeps();
  defaults.store.close();
  return { ...defaults, store, poster, readPage: pageReader({ fetcher: testFetcher, maxBytes: 1_000_000, timeoutMs: 10_000 }) };
}

describe('FeedPoller: a stop mid-poll loses nothing and doubles nothing', () => {

  it('stopped while an item page is being read: the item is left unseen and posted once after the restart', async () => {
    server.routes.set('/feed.xml', serve(rss([item(1)])));
    const first = new RecordingPoster();
    const before = depsAt(first);
    await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${server.base}/feed.xml`, userId: '3' }, before, T0);
    server.routes.set('/feed.xml', serve(rss([item(3), item(2), item(1)])));
    let reached!: () => void;
    const pageRequested = new Promise<void>((resolve) => (reached = resolve));
    server.routes.set('/story/2', () => reached()); // never answers
    const poller = new FeedPoller({ ...before, clock: () => T0 + MIN, stopTimeoutMs: 2000 });
    poller.start();
    const polling = poller.pollDue();
    await pageRequested;
    await poller.stop();
    await polling;
    before.store.close();
    expect(first.titles()).toEqual(['Story 1']);

    server.routes.set('/story/2', serve('gone', {}, 404));
    const second = new RecordingPoster();
    const after = depsAt(second);
    const restarted = new FeedPoller({ ...after, clock: () => T0 + 2 * MIN });
    restarted.start();
    await restarted.pollDue();
    await restarted.stop();
    expect(second.titles()).toEqual(['Story 2', 'Story 3']);
    after.store.close();
  });

  it('stopped while a post is in flight: the restart re-sends it at once with the same nonce', async () => {
    server.routes.set('/feed.xml', serve(rss([item(1)])));
    const setup = depsAt(new RecordingPoster());
    await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${server.base}/feed.xml`, userId: '3' }, setup, T0);
    setup.store.close();
    server.routes.set('/feed.xml', serve(rss([item(2), item(1)])));
    server.routes.set('/story/2', serve('gone', {}, 404));
    const sent: string[] = [];
    const hanging: Poster = { post: (_channel, _message, nonce) => (sent.push(nonce), new Promise<PostOutcome>(() => undefined)) };
    const before = depsAt(hanging);
    const poller = new FeedPoller({ ...before, clock: () => T0 + MIN, stopTimeoutMs: 50 });
    poller.start();
    void poller.pollDue();
    while (!sent.length) await new Promise((resolve) => setTimeout(resolve, 5));
    await poller.stop();
    before.store.close();

    const second = new RecordingPoster();
    const after = depsAt(second);
    // Long before the next regular check: the owed post makes the feed due at start.
    const restarted = new FeedPoller({ ...after, clock: () => T0 + MIN + 1000 });
    restarted.start();
    await restarted.pollDue();
    await restarted.stop();
    expect(second.posts.map((p) => [p.message.embeds[0]!.title, p.nonce])).toEqual([['Story 2', sent[0]]]);
    after.store.close();
  });
});

describe('FeedPoller: checks across processes', () => {
  it('a feed claimed by a checker that died is checked by another once the claim\'s lease ends, not before', async () => {
    server.routes.set('/feed.xml', serve(rss([item(1)])));
    const setup = depsAt(new RecordingPoster(), true);
    await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${server.base}/feed.xml`, userId: '3' }, setup, T0);
    server.routes.set('/feed.xml', serve(rss([item(2), item(1)])));
    server.routes.set('/story/2', serve('gone', {}, 404));
    // The dead checker claimed the feed at T0 + MIN and never recorded its check.
    expect(await setup.store.feeds.claimDue(T0 + MIN, 10, 60_000)).toHaveLength(1);
    setup.store.close();
    const poster = new RecordingPoster();
    const live = depsAt(poster, true);
    const at = { now: T0 + MIN + 59_999 };
    const poller = new FeedPoller({ ...live, clock: () => at.now, claimLeaseMs: 60_000 });
    poller.start();
    expect(await poller.pollDue()).toEqual([]);
    at.now = T0 + MIN + 60_000;
    expect((await poller.pollDue()).map((r) => r.posted.length)).toEqual([1]);
    expect(poster.titles()).toEqual(['Story 2']);
    await poller.stop();
    live.store.close();
  });

  it('a feed whose lock another process holds (a check outliving its lease) is not checked a second time', async () => {
    server.routes.set('/feed.xml', serve(rss([item(1)])));
    const poster = new RecordingPoster();
    const deps = depsAt(poster, true);
    await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${server.base}/feed.xml`, userId: '3' }, deps, T0);
    server.routes.set('/feed.xml', serve(rss([item(2), item(1)])));
    server.routes.set('/story/2', serve('gone', {}, 404));
    const elsewhere = new Set(['feed:1']);
    const locks = { tryLock: async (name: string) => !elsewhere.has(name), unlock: async () => undefined, onLost: () => undefined, close: async () => undefined };
    const poller = new FeedPoller({ ...deps, clock: () => T0 + MIN, locks, claimLeaseMs: 1000 });
    poller.start();
    expect(await poller.pollDue()).toEqual([]);
    elsewhere.clear();
    const later = new FeedPoller({ ...deps, clock: () => T0 + MIN + 1000, locks, claimLeaseMs: 1000 });
    later.start();
    expect((await later.pollDue()).map((r) => r.posted.length)).toEqual([1]);
    expect(poster.titles()).toEqual(['Story 1', 'Story 2']);
    await Promise.all([poller.stop(), later.stop()]);
    deps.store.close();
  });
});

describe('FeedPoller: feed article retention', () => {
  let server: FeedServer;
  beforeEach(async () => {
    server = await startFeedServer();
  });
  afterEach(() => server.close());

  const DAY = 86_400_000;
  const item = (n: number) => ({ guid: `g${n}`, link: `${server.base}/story/${n}`, title: `Story ${n}`, date: new Date(Date.UTC(2026, 0, n)).toUTCString() });
  const feedOf = (...ns: number[]) => serve(rss(ns.sort((a, b) => b - a).map(item)));

  it.each([
    // [retention days, kept per feed, article numbers left after day 41, pruned at day 40, pruned at day 41]
    [30, 2, [5, 6], ['3'], ['4']],
    [30, 10, [3, 4, 5, 6], [], []],
    [0, 0, [3, 4, 5, 6], [], []],
  ] as Array<[number, number, number[], string[], string[]]>)('kept %i days, newest %i per feed: old articles are deleted, but an item still in the feed is never posted again', async (days, keep, left, prunedFirst, prunedThen) => {
    const deps = feedDeps();
    server.routes.set('/feed.xml', feedOf(1, 2, 3));
    const feed = (await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${server.base}/feed.xml`, userId: '3' }, deps, T0)).feed;
    let clock = T0;
    const pruned: string[][] = [];
    const poller = new FeedPoller({ ...deps, clock: () => clock, retention: { maxAgeMs: days * DAY, keepPerFeed: keep, onPruned: (articles) => pruned.push(articles.map((a) => a.id)) } });
    const pollOn = async (day: number, ...ns: number[]) => {
      server.routes.set('/feed.xml', feedOf(...ns));
      clock = T0 + day * DAY;
      await poller.pollDue();
    };
    await pollOn(1, 1, 2, 3, 4);
    await pollOn(2, 1, 2, 3, 4, 5);
    await pollOn(40, 1, 2, 3, 4, 5, 6);
    // Within the hour: no second prune.
    clock += 60_000;
    await poller.pollDue();
    await pollOn(41, 1, 2, 3, 4, 5, 6);
    // Each item posted once, in order, though items 3 and 4 stayed in the feed after their articles were deleted.
    expect(deps.poster.titles()).toEqual([3, 4, 5, 6].map((n) => `Story ${n}`));
    expect(deps.store.feeds.articlesOfGuild(GUILD).map((a) => a.title)).toEqual(left.map((n) => `Story ${n}`));
    const idOf = (n: string) => feedArticleId(feed.id, `id:g${n}`);
    expect(pruned).toEqual([prunedFirst, prunedThen].filter((ns) => ns.length > 0).map((ns) => ns.map(idOf)));
    deps.store.close();
  });
});
