import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subscribe } from '../../src/feeds/actions';
import { articleOfItem, toLibraryArticle } from '../../src/feeds/article';
import { renderBriefingMessage } from '../../src/discord/message';
import { parseFeedBytes, type FeedItem } from '../../src/content/feeds';
import { bylineOf } from '../../src/content/feeds/parse';
import type { FeedRecord } from '../../src/store/types';
import { fixturePath } from '../support/shared-data';
import { CHANNEL, GUILD, serve, useFeedServer } from './helpers';

const T0 = Date.UTC(2026, 0, 1, 12);

/** The fixture feeds with authors: [language, file, content type, the byline of each item (newest first)]. */
const BYLINES: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string | null>]> = [
  ['ar (RSS dc:creator, <author> e-mail (name), an e-mail alone)', 'built-authors-ar.rss', 'application/rss+xml; charset=utf-8', ['سلمى حداد', 'سلمى حداد، أحمد سالم', 'ليلى منصور', null]],
  ['en (Atom entry and feed authors)', 'built-authors-en.atom', 'application/atom+xml', ['Mary Jones', 'Tom Reid, Ann Lee', 'City Desk Newsroom']],
  ['fr (JSON Feed 1.1 authors, 1.0 author, feed authors)', 'jsonfeed-built-authors-fr.json', 'application/feed+json', ['Claire Martin', 'Paul Durand, Anne Leroy', 'Élise Bernard', 'La rédaction']],
];

describe('parseFeedBytes: the byline of every item', () => {
  it.each(BYLINES.flatMap(([what, file, type, bylines]) => (['fast', 'feedsmith'] as const).map((reader) => [what, reader, file, type, bylines] as const)))('%s, %s reader', (_what, reader, file, type, bylines) => {
    const feed = parseFeedBytes(readFileSync(fixturePath(`web/feeds/${file}`)), type, reader);
    expect(feed.items.map((item) => item.author)).toEqual(bylines);
  });
});

describe('bylineOf', () => {
  it.each([
    ['none', [], null],
    ['blank names only', ['', '  '], null],
    ['one name, spaces folded', ['  Mary   Jones '], 'Mary Jones'],
    ['en: joined with commas, each once', ['Tom Reid', 'Ann Lee', 'Tom Reid'], 'Tom Reid, Ann Lee'],
    ['fr: accents kept, entities decoded', ['Élise Bernard', 'Paul &amp; Anne'], 'Élise Bernard, Paul & Anne'],
    ['ar: joined with the Arabic comma', ['سلمى حداد', 'أحمد سالم'], 'سلمى حداد، أحمد سالم'],
    ['names holding a comma: joined with semicolons', ['Hines, P. J.', 'Yeston, J.'], 'Hines, P. J.; Yeston, J.'],
  ] as const)('%s', (_what, names, byline) => {
    expect(bylineOf(names)).toBe(byline);
  });
});

describe('a feed item’s authors become its article’s byline', () => {
  const bed = useFeedServer();

  it.each(BYLINES)('%s: stored with each article, and shown as the posted briefing’s author', async (_what, file, type, bylines) => {
    bed.server.routes.set('/feed', serve(readFileSync(fixturePath(`web/feeds/${file}`)), { 'content-type': type }));
    const { feed } = await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${bed.server.base}/feed`, userId: '3' }, bed.deps, T0);
    // Subscribing stores and posts the newest item only.
    expect(bed.deps.store.feeds.articlesOfGuild(GUILD).filter((a) => a.feedId === feed.id).map((a) => a.author)).toEqual([bylines[0]]);
    expect(bed.deps.poster.posts).toHaveLength(1);
    expect(bed.deps.poster.posts[0]!.message.embeds[0]!.author).toEqual({ name: bylines[0] });
  });
});

describe('articleOfItem: whose byline', () => {
  const feed = { id: 7, guildId: GUILD } as FeedRecord;
  const item = (author: string | null): FeedItem => ({ key: 'id:1', keys: ['id:1'], guid: '1', link: 'https://news.example/1', title: 'Council approves plan', published: T0, text: '"It will change the city," said the mayor.', author });
  const page = { byline: 'Page Byline', text: `${'"It will change the city," said the mayor, Tom Reid. '.repeat(10)}` };

  it.each([
    ['the feed’s, over the page’s', 'Mary Jones', page, 'Mary Jones'],
    ['the page’s when the feed names no one', null, page, 'Page Byline'],
    ['none when neither names anyone', null, { text: page.text }, null],
    ['a long one clipped to 200 characters', 'A'.repeat(300), undefined, `${'A'.repeat(199)}…`],
  ] as const)('%s', async (_what, author, pageArticle, byline) => {
    const record = await articleOfItem(feed, 'News', item(author), pageArticle ? async () => pageArticle : undefined, T0);
    expect(record.author).toBe(byline);
    const embed = renderBriefingMessage(toLibraryArticle(record)).embeds[0]!;
    expect(embed.author).toEqual(byline === null ? undefined : { name: byline });
  });
});
