import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { createSqliteStore, migrate, MIGRATIONS, type FeedArticleRecord, type NewFeed, type StoreWithFeeds } from '../../src/store';

const GUILD_A = '100000000000000001';
const GUILD_B = '100000000000000002';
const CHANNEL = '200000000000000001';

function newFeed(overrides: Partial<NewFeed> = {}): NewFeed {
  return { guildId: GUILD_A, channelId: CHANNEL, url: 'https://news.example/rss', title: 'News', createdBy: '3', createdAt: 1, nextCheckAt: 10, ...overrides };
}

function article(feedId: number, n: number, overrides: Partial<FeedArticleRecord> = {}): FeedArticleRecord {
  return { id: `feed${feedId}-${n}`, feedId, guildId: GUILD_A, itemKey: `id:${n}`, url: `https://news.example/${n}`, title: `T${n}`, author: null, source: 'News', publishedAt: n, text: 'x', fetchedAt: 0, ...overrides };
}

describe('SqliteFeedStore', () => {
  let store: StoreWithFeeds;
  beforeEach(() => {
    store = createSqliteStore(':memory:');
  });
  afterEach(() => store.close());

  it('creates a feed once per guild, channel and URL', () => {
    const feed = store.feeds.create(newFeed())!;
    expect(feed).toMatchObject({ id: 1, title: 'News', failures: 0, pausedReason: null, etag: null });
    expect(store.feeds.create(newFeed())).toBeUndefined();
    expect(store.feeds.create(newFeed({ guildId: GUILD_B }))).toBeDefined();
  });

  it('what a user reaches is scoped by guild', () => {
    const feed = store.feeds.create(newFeed())!;
    expect(store.feeds.getInGuild(GUILD_B, feed.id)).toBeUndefined();
    expect(store.feeds.listByGuild(GUILD_B)).toEqual([]);
    expect(store.feeds.remove(GUILD_B, feed.id)).toBe(false);
    expect(store.feeds.get(feed.id)).toBeDefined();
    expect(store.feeds.remove(GUILD_A, feed.id)).toBe(true);
  });

  it('due, pause, resume and earliest next check', () => {
    const a = store.feeds.create(newFeed({ nextCheckAt: 10 }))!;
    const b = store.feeds.create(newFeed({ url: 'https://b.example/', nextCheckAt: 20 }))!;
    expect(store.feeds.due(15).map((f) => f.id)).toEqual([a.id]);
    store.feeds.pause(a.id, 'HTTP 410 Gone', 12);
    expect(store.feeds.due(100).map((f) => f.id)).toEqual([b.id]);
    expect(store.feeds.earliestNextCheck()).toBe(20);
    expect(store.feeds.get(a.id)!.pausedReason).toBe('HTTP 410 Gone');
    store.feeds.recordCheck(a.id, { at: 1, nextCheckAt: 2, failures: 4, detail: 'HTTP 500' });
    store.feeds.resume(a.id, 5);
    expect(store.feeds.get(a.id)).toMatchObject({ pausedReason: null, failures: 0, nextCheckAt: 5 });
  });

  it('recordCheck keeps validators unless given, and follows a moved URL', () => {
    const feed = store.feeds.create(newFeed())!;
    store.feeds.recordCheck(feed.id, { at: 1, nextCheckAt: 2, failures: 0, detail: 'ok', etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', url: 'https://news.example/new-rss' });
    store.feeds.recordCheck(feed.id, { at: 3, nextCheckAt: 4, failures: 0, detail: 'not modified' });
    expect(store.feeds.get(feed.id)).toMatchObject({ etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', url: 'https://news.example/new-rss', lastCheckAt: 3, lastDetail: 'not modified' });
  });

  it('remembers seen keys and articles; owed lists what the channel has not received', () => {
    const feed = store.feeds.create(newFeed())!;
    store.feeds.remember(feed.id, ['id:1', 'link:https://news.example/1', 'id:2'], [article(feed.id, 2), article(feed.id, 1)], 5);
    expect(store.feeds.seen(feed.id, ['id:1', 'id:3', 'id:2'])).toEqual(new Set(['id:1', 'id:2']));
    expect(store.feeds.owed(feed.id, CHANNEL).map((a) => a.id)).toEqual(['feed1-1', 'feed1-2']);
    store.deliveries.begin(CHANNEL, 'feed1-1', null, 'n1', 6);
    expect(store.feeds.owed(feed.id, CHANNEL).map((a) => a.id)).toEqual(['feed1-1', 'feed1-2']);
    store.deliveries.markSent(CHANNEL, 'feed1-1', 'm1', 7);
    expect(store.feeds.owed(feed.id, CHANNEL).map((a) => a.id)).toEqual(['feed1-2']);
    expect(store.feeds.getArticle('feed1-2')).toMatchObject({ title: 'T2', guildId: GUILD_A });
  });

  it('forgets keys of items long gone from the feed, counted from the feed’s latest sighting', () => {
    const feed = store.feeds.create(newFeed())!;
    const DAY = 86_400_000;
    store.feeds.remember(feed.id, ['id:old', 'id:kept'], [], 0);
    // Only the old key's age counts against the feed's own latest sighting: a quiet feed forgets nothing.
    expect(store.feeds.forgetOlder(feed.id, 90 * DAY)).toBe(0);
    store.feeds.remember(feed.id, ['id:kept', 'id:new'], [], 100 * DAY);
    expect(store.feeds.forgetOlder(feed.id, 90 * DAY)).toBe(1);
    expect(store.feeds.seen(feed.id, ['id:old', 'id:kept', 'id:new'])).toEqual(new Set(['id:kept', 'id:new']));
  });

  it('seen handles more keys than one query can carry', () => {
    const feed = store.feeds.create(newFeed())!;
    const keys = Array.from({ length: 1200 }, (_, i) => `id:${i}`);
    store.feeds.remember(feed.id, keys, [], 1);
    expect(store.feeds.seen(feed.id, keys).size).toBe(1200);
  });

  it('articles by guild: one server never sees another’s', () => {
    const a = store.feeds.create(newFeed())!;
    const b = store.feeds.create(newFeed({ guildId: GUILD_B }))!;
    store.feeds.remember(a.id, [], [article(a.id, 1)], 1);
    store.feeds.remember(b.id, [], [article(b.id, 1, { guildId: GUILD_B })], 1);
    expect(store.feeds.articlesOfGuild(GUILD_A).map((x) => x.id)).toEqual(['feed1-1']);
    expect(store.feeds.articlesOfGuild(GUILD_B).map((x) => x.id)).toEqual(['feed2-1']);
    expect(store.feeds.allArticles()).toHaveLength(2);
  });

  it('removing a feed removes its seen keys and articles', () => {
    const feed = store.feeds.create(newFeed())!;
    store.feeds.remember(feed.id, ['id:1'], [article(feed.id, 1)], 1);
    store.feeds.remove(GUILD_A, feed.id);
    expect(store.feeds.getArticle('feed1-1')).toBeUndefined();
    expect(store.feeds.seen(feed.id, ['id:1']).size).toBe(0);
  });
});

describe('migration 3', () => {
  it('applies whatever version 2 holds, and with version 2 absent', () => {
    const withoutTwo = new BetterSqlite3(':memory:');
    expect(migrate(withoutTwo, MIGRATIONS.filter((m) => m.version !== 2))).toContain(3);
    const withOther = new BetterSqlite3(':memory:');
    const other = { version: 2, name: 'something else', up: 'CREATE TABLE other_thing (x INTEGER);' };
    expect(migrate(withOther, [...MIGRATIONS.filter((m) => m.version !== 2), other])).toEqual(expect.arrayContaining([1, 2, 3]));
    for (const db of [withoutTwo, withOther]) {
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('feeds', 'feed_seen', 'feed_articles')").pluck().get()).toBe(3);
      db.close();
    }
  });
});
