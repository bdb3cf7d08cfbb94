import { afterEach, describe, expect, it } from 'vitest';
import type { ContentSource } from '../../src/content/source';
import { FeedArticleSources } from '../../src/feeds/article-source';
import { FeedArticleFollower, type FeedArticleFollowerOptions } from '../../src/feeds/follow';
import { createLibrary, type Library } from '../../src/library';
import { createSqliteStore, type StoreWithFeeds } from '../../src/store';
import type { FeedArticleRecord } from '../../src/store/types';
import { captureLogger } from '../library/helpers';
import { CHANNEL, GUILD, OTHER_GUILD } from './helpers';

const nothing: ContentSource = { kind: 'empty', list: async () => [], read: async (id) => Promise.reject(new Error(id)) };
const MINUTE = 60_000;

const TEXTS = {
  ar: ['الحكومة تقر خطة النقل', '«هذه الخطة ستغير حياة السكان»، قال الوزير أحمد سالم.'],
  en: ['Council backs transit plan', '"This plan will change how people move," said councillor Mary Jones.'],
  fr: ['Le conseil adopte le plan', '« Ce plan va changer la vie des habitants », a déclaré la maire Claire Martin.'],
} as const;
type Language = keyof typeof TEXTS;

let store: StoreWithFeeds;
let library: Library;
let follower: FeedArticleFollower | undefined;
afterEach(async () => {
  await follower?.stop();
  follower = undefined;
  await library.stop();
  store.close();
});

/**
 * The ingest's side (a library, its feed scopes, the follower) over a real
 * SQLite store that "another process" (the test) writes to directly, as a
 * `ROLE=scheduler` writes Postgres.
 */
async function setup(options: Partial<FeedArticleFollowerOptions> = {}) {
  store = createSqliteStore(':memory:');
  library = createLibrary({ source: nothing, logger: captureLogger('warn').logger, rescanSeconds: 0, workers: 0 });
  await library.start();
  const log = captureLogger('debug');
  const articles = new FeedArticleSources(store.feeds, library);
  follower = new FeedArticleFollower({ feeds: store.feeds, articles, everyMs: 3_600_000, logger: log.logger, ...options });
  const feeds = new Map<string, number>();
  const feedOf = (guildId: string): number => {
    if (!feeds.has(guildId)) feeds.set(guildId, store.feeds.create({ guildId, channelId: CHANNEL, url: `https://news.example/${guildId}.xml`, title: 'News', createdBy: '3', createdAt: 1, nextCheckAt: 10 })!.id);
    return feeds.get(guildId)!;
  };
  /** Another process stores an article of `guildId` fetched at `fetchedAt`. */
  const storeElsewhere = (guildId: string, n: number, language: Language, fetchedAt: number): FeedArticleRecord => {
    const feedId = feedOf(guildId);
    const [title, quote] = TEXTS[language];
    const record: FeedArticleRecord = { id: `feed${feedId}-${n}`, feedId, guildId, itemKey: `id:${n}`, url: null, title: `${title} ${n}`, author: null, source: 'News', publishedAt: n * 1000, text: `${title}.\n\n${quote}`, fetchedAt };
    store.feeds.remember(feedId, [record.itemKey], [record], fetchedAt);
    return record;
  };
  const seen = (guildId: string): string[] => library.view(guildId).all().map((a) => a.id).sort();
  return { follower: follower, feedOf, storeElsewhere, seen, log: log.lines };
}

describe('FeedArticleFollower: the ingest keeps the feed articles other processes store in each server’s scope', () => {
  it.each(['ar', 'en', 'fr'] as const)('at start, every stored %s article joins its own server’s scope, briefed, and no other', async (language) => {
    const { follower, storeElsewhere, seen } = await setup();
    const mine = storeElsewhere(GUILD, 1, language, 5 * MINUTE);
    const theirs = storeElsewhere(OTHER_GUILD, 2, language, 6 * MINUTE);
    await follower.start();
    expect(seen(GUILD)).toEqual([mine.id]);
    expect(seen(OTHER_GUILD)).toEqual([theirs.id]);
    expect(library.view(GUILD).get(mine.id)?.briefing.quotes[0]?.text).toBeTruthy();
    expect(library.get(mine.id)).toBeUndefined();
  });

  it('a catch-up takes in the articles stored since, once each (known ones are skipped)', async () => {
    const { follower, storeElsewhere, seen } = await setup();
    storeElsewhere(GUILD, 1, 'ar', 10 * MINUTE);
    await follower.start();
    const later = [storeElsewhere(GUILD, 2, 'en', 20 * MINUTE), storeElsewhere(OTHER_GUILD, 3, 'fr', 21 * MINUTE)];
    expect(await follower.catchUp()).toEqual({ added: 2, dropped: 0 });
    expect(await follower.catchUp()).toEqual({ added: 0, dropped: 0 });
    expect(seen(GUILD)).toContain(later[0]!.id);
    expect(seen(OTHER_GUILD)).toEqual([later[1]!.id]);
  });

  it('with nothing stored at start, the first article stored later is taken in', async () => {
    const { follower, storeElsewhere, seen } = await setup();
    await follower.start();
    expect(await follower.catchUp()).toEqual({ added: 0, dropped: 0 });
    const first = storeElsewhere(GUILD, 1, 'fr', 7);
    expect(await follower.catchUp()).toEqual({ added: 1, dropped: 0 });
    expect(seen(GUILD)).toEqual([first.id]);
  });

  // A check stamps its articles when it starts and commits them when it ends: one committed late carries an older fetched_at.
  it.each([
    ['just before the latest seen', 1, true],
    ['at the edge of the overlap', 10 * MINUTE, true],
    ['before the overlap (a check longer than it: found at the next start)', 10 * MINUTE + 1, false],
  ])('an article committed late, fetched %s, is taken in: %s', async (_name, earlierMs, taken) => {
    const { follower, storeElsewhere, seen } = await setup({ overlapMs: 10 * MINUTE });
    storeElsewhere(GUILD, 1, 'en', 60 * MINUTE);
    await follower.start();
    const late = storeElsewhere(GUILD, 2, 'ar', 60 * MINUTE - earlierMs);
    await follower.catchUp();
    expect(seen(GUILD).includes(late.id)).toBe(taken);
  });

  it.each([
    ['pruned past retention', () => store.feeds.pruneArticles(Number.MAX_SAFE_INTEGER, 1).length, 1],
    ['its feed removed', (feedId: number) => Number(store.feeds.remove(GUILD, feedId)) * 2, 2],
  ])('articles %s by another process leave the scope at the next catch-up; the other server’s stay', async (_name, deleteElsewhere, gone) => {
    const { follower, feedOf, storeElsewhere, seen } = await setup();
    const a = storeElsewhere(GUILD, 1, 'ar', 1);
    const b = storeElsewhere(GUILD, 2, 'en', 2);
    const theirs = storeElsewhere(OTHER_GUILD, 3, 'fr', 3);
    // Posted: no longer owed to the channel, so retention may delete them.
    for (const record of [a, b]) {
      store.deliveries.begin(CHANNEL, record.id, null, `n-${record.id}`, 1);
      store.deliveries.markSent(CHANNEL, record.id, '900000000000000001', 2);
    }
    await follower.start();
    expect(deleteElsewhere(feedOf(GUILD))).toBe(gone);
    expect(await follower.catchUp()).toEqual({ added: 0, dropped: gone });
    expect(seen(GUILD)).toEqual(gone === 1 ? [b.id] : []);
    expect(library.view(GUILD).get(a.id)).toBeUndefined();
    expect(seen(OTHER_GUILD)).toEqual([theirs.id]);
  });

  it('an announcement starts a catch-up; announcements during one run one more, not one each', async () => {
    let announce!: () => void;
    let stopped = 0;
    const { follower, storeElsewhere, seen } = await setup({
      onAnnounced: async (listener) => {
        announce = listener;
        return async () => void stopped++;
      },
    });
    await follower.start();
    const calls = { since: 0 };
    const since = store.feeds.articlesFetchedSince.bind(store.feeds);
    store.feeds.articlesFetchedSince = (at) => (calls.since++, since(at));
    const first = storeElsewhere(GUILD, 1, 'ar', 1);
    announce();
    announce();
    announce();
    await expect.poll(() => seen(GUILD)).toEqual([first.id]);
    await follower.stop();
    expect(calls.since).toBe(1);
    expect(stopped).toBe(1);
  });

  it('an article stored and announced during the first load is taken in before start() resolves (listening comes first)', async () => {
    let announce: (() => void) | undefined;
    const { follower, storeElsewhere, seen, log } = await setup({ onAnnounced: async (listener) => ((announce = listener), async () => undefined) });
    const first = storeElsewhere(GUILD, 1, 'fr', 1);
    const list = store.feeds.storedArticleIds.bind(store.feeds);
    let during: FeedArticleRecord | undefined;
    store.feeds.storedArticleIds = () => {
      if (!during) {
        during = storeElsewhere(OTHER_GUILD, 2, 'ar', 2);
        announce!();
      }
      return list();
    };
    await follower.start();
    expect(seen(GUILD)).toEqual([first.id]);
    expect(seen(OTHER_GUILD)).toEqual([during!.id]);
    expect(log.find((l) => l.msg === 'feed articles followed from the store')).toMatchObject({ articles: 2 });
  });

  it('a catch-up that fails is logged in one line and the next one takes the articles in', async () => {
    const { follower, storeElsewhere, seen, log } = await setup();
    await follower.start();
    const list = store.feeds.storedArticleIds.bind(store.feeds);
    store.feeds.storedArticleIds = () => {
      throw new Error('connection terminated');
    };
    const first = storeElsewhere(GUILD, 1, 'en', 1);
    follower.request();
    await expect.poll(() => log.some((l) => l.msg === 'could not catch up with the stored feed articles; trying again later')).toBe(true);
    store.feeds.storedArticleIds = list;
    expect((await follower.catchUp()).dropped).toBe(0);
    expect(seen(GUILD)).toEqual([first.id]);
  });
});

describe('FeedArticleSources announces what it stores and deletes (the process that polls)', () => {
  it('stored, deleted and a feed removed each announce once; an empty batch and the load at start do not', async () => {
    store = createSqliteStore(':memory:');
    library = createLibrary({ source: nothing, logger: captureLogger('warn').logger, rescanSeconds: 0, workers: 0 });
    await library.start();
    let announced = 0;
    const sources = new FeedArticleSources(store.feeds, library, () => announced++);
    const feedId = store.feeds.create({ guildId: GUILD, channelId: CHANNEL, url: 'https://news.example/a.xml', title: 'News', createdBy: '3', createdAt: 1, nextCheckAt: 10 })!.id;
    const record: FeedArticleRecord = { id: `feed${feedId}-1`, feedId, guildId: GUILD, itemKey: 'id:1', url: null, title: TEXTS.en[0], author: null, source: 'News', publishedAt: 1, text: TEXTS.en[1], fetchedAt: 1 };
    store.feeds.remember(feedId, ['id:1'], [record], 1);
    await sources.start();
    expect(announced).toBe(0);
    await sources.stored([]);
    sources.deleted([]);
    expect(announced).toBe(0);
    await sources.stored([record]);
    sources.deleted([{ guildId: GUILD, id: record.id }]);
    sources.feedRemoved(GUILD, feedId);
    expect(announced).toBe(3);
  });
});
