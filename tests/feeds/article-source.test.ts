import { afterEach, describe, expect, it } from 'vitest';
import type { ContentSource } from '../../src/content/source';
import { FeedArticleSources } from '../../src/feeds/article-source';
import { createLibrary, type Library } from '../../src/library';
import { createSqliteStore, type StoreWithFeeds } from '../../src/store';
import type { FeedArticleRecord } from '../../src/store/types';
import { captureLogger } from '../library/helpers';
import { CHANNEL, GUILD, OTHER_GUILD } from './helpers';

const nothing: ContentSource = { kind: 'empty', list: async () => [], read: async (id) => Promise.reject(new Error(id)) };

let store: StoreWithFeeds;
let library: Library;
afterEach(async () => {
  await library.stop();
  store.close();
});

async function setup(): Promise<{ sources: FeedArticleSources; feedOf: (guildId: string) => number }> {
  store = createSqliteStore(':memory:');
  library = createLibrary({ source: nothing, logger: captureLogger('warn').logger, rescanSeconds: 0, workers: 0 });
  await library.start();
  const feeds = new Map<string, number>();
  const feedOf = (guildId: string): number => {
    if (!feeds.has(guildId)) feeds.set(guildId, store.feeds.create({ guildId, channelId: CHANNEL, url: `https://news.example/${guildId}.xml`, title: 'News', createdBy: '3', createdAt: 1, nextCheckAt: 10 })!.id);
    return feeds.get(guildId)!;
  };
  return { sources: new FeedArticleSources(store.feeds, library), feedOf };
}

const TEXTS = {
  ar: ['الحكومة تقر خطة النقل', '«هذه الخطة ستغير حياة السكان»، قال الوزير أحمد سالم.'],
  en: ['Council backs transit plan', '"This plan will change how people move," said councillor Mary Jones.'],
  fr: ['Le conseil adopte le plan', '« Ce plan va changer la vie des habitants », a déclaré la maire Claire Martin.'],
} as const;

function record(feedId: number, guildId: string, n: number, language: keyof typeof TEXTS): FeedArticleRecord {
  const [title, quote] = TEXTS[language];
  return { id: `feed${feedId}-${n}`, feedId, guildId, itemKey: `id:${n}`, url: `https://news.example/${n}`, title, author: null, source: 'News', publishedAt: n * 1000, text: `${title}.\n\n${quote}`, fetchedAt: n };
}

async function store_(sources: FeedArticleSources, records: FeedArticleRecord[]): Promise<void> {
  store.feeds.remember(records[0]!.feedId, records.map((r) => r.itemKey), records, 1);
  await sources.stored(records);
}

describe('FeedArticleSources: each server’s stored feed articles are its library scope', () => {
  it.each(['ar', 'en', 'fr'] as const)('a %s article is briefed by the time stored() resolves, for its server only', async (language) => {
    const { sources, feedOf } = await setup();
    const mine = record(feedOf(GUILD), GUILD, 1, language);
    await store_(sources, [mine]);
    // A second article of a server that has a scope already: taken in at once too.
    const next = record(feedOf(GUILD), GUILD, 2, language);
    await store_(sources, [next]);
    expect(library.view(GUILD).get(next.id)?.meta.title).toBe(TEXTS[language][0]);
    expect(library.view(GUILD).get(mine.id)?.briefing.headline).toBeTruthy();
    expect(library.view(OTHER_GUILD).get(mine.id)).toBeUndefined();
    expect(library.get(mine.id)).toBeUndefined();
  });

  it('articles deleted or of a removed feed leave their server’s view; a restart finds the stored ones again', async () => {
    const { sources, feedOf } = await setup();
    const [a, b] = [feedOf(GUILD), feedOf(OTHER_GUILD)];
    await store_(sources, [record(a, GUILD, 1, 'en'), record(a, GUILD, 2, 'fr')]);
    await store_(sources, [record(b, OTHER_GUILD, 3, 'ar')]);
    sources.deleted([{ guildId: GUILD, id: `feed${a}-1` }]);
    await library.whenIdle();
    expect(library.view(GUILD).all().map((x) => x.id)).toEqual([`feed${a}-2`]);
    const again = new FeedArticleSources(store.feeds, library);
    await again.start();
    expect(library.view(GUILD).all().map((x) => x.id)).toEqual([`feed${a}-1`, `feed${a}-2`]);
    again.feedRemoved(GUILD, a);
    await library.whenIdle();
    expect(library.view(GUILD).all()).toEqual([]);
    expect(library.view(OTHER_GUILD).all().map((x) => x.id)).toEqual([`feed${b}-3`]);
  });
});
