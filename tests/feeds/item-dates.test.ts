import { describe, expect, it } from 'vitest';
import { articleOfItem, articleSourceOf } from '../../src/feeds/article';
import type { FeedItem } from '../../src/content/feeds';
import type { FeedRecord } from '../../src/store/types';
import { subscribe } from '../../src/feeds/actions';
import { checkFeed } from '../../src/feeds/check';
import { CHANNEL, GUILD, rss, serve, useFeedServer } from './helpers';

const NOW = Date.UTC(2026, 0, 1, 12);
const feed = { id: 3, guildId: GUILD } as FeedRecord;
const item = (title: string, published: number | null): FeedItem => ({ key: `id:${title}`, keys: [`id:${title}`], guid: title, link: null, title, published, text: `${title}.`, author: null });

describe('articleOfItem: when a feed item was published', () => {
  it.each<[string, string, number | null, number]>([
    ['an Arabic item dated in the year 2100 is taken as published when fetched', 'خطة جديدة للنقل', Date.UTC(2100, 0, 1), NOW],
    ['an English item a day ahead (a wrong time zone) is taken as published when fetched', 'Council approves plan', NOW + 86_400_000, NOW],
    ['a French item at the latest date JavaScript knows is taken as published when fetched', 'Le budget voté', 8.64e15, NOW],
    ['an item without a date is published when fetched', 'No date', null, NOW],
    ['an item dated an hour ago keeps its date', 'Earlier today', NOW - 3_600_000, NOW - 3_600_000],
    ['an item dated in 1970 keeps its date', 'Old news', 0, 0],
  ])('%s', async (_what, title, published, want) => {
    const record = await articleOfItem(feed, 'News', item(title, published), undefined, NOW);
    expect(record.publishedAt).toBe(want);
    expect(Date.parse(articleSourceOf(record).meta.published!)).toBe(want);
  });
});

describe('a feed whose items are dated ahead of now', () => {
  const bed = useFeedServer();
  const TITLES = { ar: (n: number) => `قال الوزير إن المحادثات ستستمر رقم ${n}`, en: (n: number) => `Minister says talks will go on, number ${n}`, fr: (n: number) => `Le ministre dit que les discussions continuent, numéro ${n}` };
  const story = (n: number, lang: keyof typeof TITLES, date?: number) => ({ guid: `g-${n}`, link: `https://news.example/story/${n}`, title: TITLES[lang](n), ...(date === undefined ? {} : { date: new Date(date).toUTCString() }) });

  it.each(['ar', 'en', 'fr'] as const)('%s: posts them in the feed’s order, stored as published by the check, and an item published later still comes after them', async (lang) => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1, lang, NOW - 60_000)])));
    const { feed } = await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${bed.server.base}/feed.xml`, userId: '3' }, bed.deps, NOW);
    const ahead = [story(4, lang, Date.UTC(2100, 0, 3)), story(3, lang, Date.UTC(2100, 0, 2)), story(2, lang, Date.UTC(2100, 0, 1))];
    bed.server.routes.set('/feed.xml', serve(rss([...ahead, story(1, lang, NOW - 60_000)])));
    await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, NOW + 600_000);
    bed.server.routes.set('/feed.xml', serve(rss([story(5, lang, NOW + 1_200_000), ...ahead, story(1, lang, NOW - 60_000)])));
    await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, NOW + 1_800_000);
    expect(bed.deps.poster.titles()).toEqual([1, 2, 3, 4, 5].map((n) => TITLES[lang](n)));
    const stored = bed.deps.store.feeds.articlesOfGuild(GUILD);
    expect(stored.map((a) => a.title)).toEqual([1, 2, 3, 4, 5].map((n) => TITLES[lang](n)));
    for (const article of stored) expect(article.publishedAt).toBeLessThanOrEqual(article.fetchedAt);
  });
});
