import { describe, expect, it } from 'vitest';
import { subscribe } from '../../src/feeds/actions';
import { checkFeed } from '../../src/feeds/check';
import { UserError } from '../../src/errors';
import { validateRequest } from '../support/discord-spec';
import { pageReader } from '../../src/feeds/read-page';
import { pageBytes } from '../support/web-fixtures';
import { CHANNEL, GUILD, rss, serve, testFetcher, useFeedServer } from './helpers';

const T0 = Date.UTC(2026, 0, 1, 12);
const MIN = 600_000;
const day = (n: number): string => new Date(Date.UTC(2026, 0, n)).toUTCString();
const story = (n: number, lang: 'ar' | 'en' | 'fr' = 'en') => {
  const titles = { ar: `قال الوزير إن المحادثات ستستمر رقم ${n}`, en: `Minister says talks will go on, number ${n}`, fr: `Le ministre dit que les discussions continuent, numéro ${n}` };
  return { guid: `g-${n}`, link: `https://news.example/story/${n}`, title: titles[lang], date: day(n) };
};

describe('feed checks against a local server', () => {
  const bed = useFeedServer();

  const add = (path = '/feed.xml') => subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${bed.server.base}${path}`, userId: '3' }, bed.deps, T0);

  it.each(['ar', 'en', 'fr'] as const)('%s: subscribing posts the newest item only; a growing feed posts each new item once, oldest first', async (lang) => {
    bed.server.routes.set('/feed.xml', serve(rss([story(3, lang), story(2, lang), story(1, lang)])));
    const { feed, itemCount, posted } = await add();
    expect(itemCount).toBe(3);
    expect(posted).toHaveLength(1);
    expect(bed.deps.poster.titles()).toEqual([story(3, lang).title]);
    bed.server.routes.set('/feed.xml', serve(rss([story(5, lang), story(4, lang), story(3, lang), story(2, lang), story(1, lang)])));
    const report = await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + MIN);
    expect(report).toMatchObject({ outcome: 'ok', found: 2 });
    expect(bed.deps.poster.titles()).toEqual([story(3, lang).title, story(4, lang).title, story(5, lang).title]);
    await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + 2 * MIN);
    expect(bed.deps.poster.posts).toHaveLength(3);
    for (const post of bed.deps.poster.posts) expect(validateRequest('POST', `/channels/${CHANNEL}/messages`, { ...post.message, nonce: post.nonce, enforce_nonce: true })).toEqual([]);
    expect(new Set(bed.deps.poster.posts.map((p) => p.nonce)).size).toBe(3);
  });

  it('a publisher that changes guids, edits dates or adds utm parameters causes no repost', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(2), story(1)])));
    const { feed } = await add();
    const changed = [story(2), story(1)].map((s) => ({ ...s, guid: `new-${s.guid}`, date: day(20), link: `${s.link}?utm_source=rss` }));
    bed.server.routes.set('/feed.xml', serve(rss(changed)));
    const report = await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + MIN);
    expect(report.found).toBe(0);
    // Then the title changes too, but the new guid is remembered now.
    bed.server.routes.set('/feed.xml', serve(rss(changed.map((s) => ({ ...s, title: `${s.title} (updated)` })))));
    expect((await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + 2 * MIN)).found).toBe(0);
    expect(bed.deps.poster.posts).toHaveLength(1);
  });

  it('at most 5 posts a check, the rest at the next check, oldest first', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)])));
    const { feed } = await add();
    bed.server.routes.set('/feed.xml', serve(rss([8, 7, 6, 5, 4, 3, 2, 1].map((n) => story(n)))));
    expect((await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + MIN)).posted).toHaveLength(5);
    expect((await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + 2 * MIN)).posted).toHaveLength(2);
    expect(bed.deps.poster.titles()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => story(n).title));
  });

  it('conditional GET: the ETag is sent back and a 304 posts nothing', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)]), { etag: '"v1"' }));
    const { feed } = await add();
    expect(bed.deps.store.feeds.get(feed.id)!.etag).toBe('"v1"');
    const report = await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + MIN);
    expect(report.outcome).toBe('not-modified');
    expect(bed.server.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(bed.deps.poster.posts).toHaveLength(1);
  });

  it('honours <ttl> and Cache-Control up to an hour for the next check', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)], '<ttl>30</ttl>')));
    const { feed } = await add();
    expect(bed.deps.store.feeds.get(feed.id)!.nextCheckAt).toBe(T0 + 30 * 60_000);
    bed.server.routes.set('/feed.xml', serve(rss([story(1)]), { 'cache-control': 'max-age=86400' }));
    await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + MIN);
    expect(bed.deps.store.feeds.get(feed.id)!.nextCheckAt).toBe(T0 + MIN + 3600_000);
  });

  it('fails with 500 for a while (backoff doubling), recovers, then 410 pauses at once with one notice', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)])));
    const { feed } = await add();
    bed.server.routes.set('/feed.xml', serve('oops', {}, 500));
    let now = T0;
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      now += MIN;
      const report = await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, now);
      expect(report).toMatchObject({ outcome: 'failed', detail: 'HTTP 500 Internal Server Error' });
      gaps.push(bed.deps.store.feeds.get(feed.id)!.nextCheckAt - now);
    }
    expect(gaps).toEqual([MIN, 2 * MIN, 4 * MIN]);
    bed.server.routes.set('/feed.xml', serve(rss([story(2), story(1)])));
    expect((await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, (now += MIN))).posted).toHaveLength(1);
    expect(bed.deps.store.feeds.get(feed.id)!.failures).toBe(0);
    bed.server.routes.set('/feed.xml', serve('gone', {}, 410));
    const report = await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, (now += MIN));
    expect(report.outcome).toBe('paused');
    const paused = bed.deps.store.feeds.get(feed.id)!;
    expect(paused.pausedReason).toMatch(/^HTTP 410 Gone/);
    expect(bed.deps.store.feeds.due(now + 10 * MIN)).toEqual([]);
    const notices = bed.deps.poster.posts.filter((p) => p.message.content);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message.content).toMatch(/paused: HTTP 410 Gone.*\/feed resume feed:1/);
    expect(validateRequest('POST', `/channels/${CHANNEL}/messages`, { ...notices[0]!.message, nonce: notices[0]!.nonce, enforce_nonce: true })).toEqual([]);
  });

  it('repeated failures pause the feed with a notice saying how many', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)])));
    const { feed } = await add();
    bed.server.routes.set('/feed.xml', serve('busy', { 'retry-after': '7200' }, 503));
    let report;
    for (let i = 1; i <= bed.deps.maxFailures; i++) report = await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + i * 4 * 3600_000);
    expect(report!.outcome).toBe('paused');
    expect(bed.deps.store.feeds.get(feed.id)!.pausedReason).toBe(`HTTP 503 Service Unavailable (${bed.deps.maxFailures} failed checks in a row)`);
    expect(bed.deps.poster.posts.filter((p) => p.message.content)).toHaveLength(1);
  });

  it('an address that starts serving an HTML page pauses at once', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)])));
    const { feed } = await add();
    bed.server.routes.set('/feed.xml', serve('<!doctype html><html><body>Moved</body></html>', { 'content-type': 'text/html' }));
    const report = await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + MIN);
    expect(report.outcome).toBe('paused');
    expect(bed.deps.store.feeds.get(feed.id)!.pausedReason).toMatch(/web page, not a feed/);
  });

  it('a permanent redirect stores the new URL; a temporary one does not', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)])));
    const { feed } = await add();
    bed.server.routes.set('/new.xml', serve(rss([story(1)])));
    bed.server.routes.set('/feed.xml', (_req, res) => res.writeHead(302, { location: '/new.xml' }).end());
    await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + MIN);
    expect(bed.deps.store.feeds.get(feed.id)!.url).toBe(`${bed.server.base}/feed.xml`);
    bed.server.routes.set('/feed.xml', (_req, res) => res.writeHead(301, { location: '/new.xml' }).end());
    await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + 2 * MIN);
    expect(bed.deps.store.feeds.get(feed.id)!.url).toBe(`${bed.server.base}/new.xml`);
  });

  it('Discord refusing the channel pauses the feed; the item stays owed for after a resume', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)])));
    const { feed } = await add();
    bed.server.routes.set('/feed.xml', serve(rss([story(2), story(1)])));
    bed.deps.poster.next = [{ kind: 'pause', reason: 'Missing Permissions (50013): the bot cannot post there' }];
    expect((await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + MIN)).outcome).toBe('paused');
    expect(bed.deps.store.feeds.get(feed.id)!.pausedReason).toMatch(/50013/);
    bed.deps.store.feeds.resume(feed.id, T0 + 2 * MIN);
    await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + 2 * MIN);
    expect(bed.deps.poster.titles()).toEqual([story(1).title, story(2).title]);
  });

  it('a transient post failure keeps the stored item owed; the next check posts it with the same nonce', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)])));
    const { feed } = await add();
    bed.server.routes.set('/feed.xml', serve(rss([story(2), story(1)])));
    bed.deps.poster.next = [{ kind: 'retry', reason: 'HTTP 503' }];
    expect((await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + MIN)).posted).toEqual([]);
    const owed = bed.deps.store.feeds.owed(feed.id, CHANNEL);
    expect(owed).toHaveLength(1);
    const nonce = bed.deps.store.deliveries.get(CHANNEL, owed[0]!.id)!.nonce;
    bed.server.routes.set('/feed.xml', serve(rss([story(2), story(1)]), {}, 200));
    await checkFeed(bed.deps.store.feeds.get(feed.id)!, bed.deps, T0 + 2 * MIN);
    expect(bed.deps.poster.posts.at(-1)).toMatchObject({ nonce });
    expect(bed.deps.poster.titles()).toEqual([story(1).title, story(2).title]);
  });
});

describe('item articles: the linked page, else the item', () => {
  const bed = useFeedServer({ readPage: pageReader({ fetcher: testFetcher, maxBytes: 5_000_000, timeoutMs: 5000 }) });

  it.each([
    ['en-bbc-1', 'President Barack Obama has admitted'],
    ['fr-lemonde-1', 'Les députés ont, sans surprise, adopté'],
    ['ar-cnnarabic-2013', 'دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة'],
  ] as const)('%s: the page is fetched and extracted, and its text is what is stored and briefed', async (page, lead) => {
    bed.server.routes.set('/page', serve(pageBytes(page), { 'content-type': 'text/html; charset=utf-8' }));
    bed.server.routes.set('/feed.xml', serve(rss([{ guid: 'p1', link: `${bed.server.base}/page`, title: 'From the feed', text: 'Only a teaser.' }])));
    await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${bed.server.base}/feed.xml`, userId: '3' }, bed.deps, T0);
    const [stored] = bed.deps.store.feeds.articlesOfGuild(GUILD);
    expect(stored!.text.length).toBeGreaterThan(500);
    expect(stored!.text).not.toContain('Only a teaser.');
    expect(stored!.text.startsWith(lead)).toBe(true);
    expect(stored!.title).toBe('From the feed');
    expect(bed.deps.poster.posts[0]!.message.embeds[0]!.description!.length).toBeGreaterThan(100);
  });

  it.each([
    ['a 404', (base: string) => `${base}/missing`],
    ['a feed where a page should be', (base: string) => `${base}/feed.xml`],
    ['an unreachable host', () => 'http://127.0.0.1:9/page'],
  ])('%s: the item’s own text is the fallback', async (_case, link) => {
    bed.server.routes.set('/feed.xml', serve(rss([{ guid: 'p1', link: link(bed.server.base), title: 'Title', text: 'The item’s own text, said the minister.' }])));
    await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${bed.server.base}/feed.xml`, userId: '3' }, bed.deps, T0);
    expect(bed.deps.store.feeds.articlesOfGuild(GUILD)[0]!.text).toBe('The item’s own text, said the minister.');
    expect(bed.deps.poster.posts).toHaveLength(1);
  });
});

describe('/feed add input', () => {
  const bed = useFeedServer();
  const add = (url: string) => subscribe({ guildId: GUILD, channelId: CHANNEL, url, userId: '3' }, bed.deps, T0);

  it('a page that announces its feed subscribes to that feed', async () => {
    bed.server.routes.set('/page', serve(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>hi</body></html>`, { 'content-type': 'text/html' }));
    bed.server.routes.set('/feed.xml', serve(rss([story(1)])));
    const { feed } = await add(`${bed.server.base}/page`);
    expect(feed.url).toBe(`${bed.server.base}/feed.xml`);
    expect(feed.title).toBe('Test news');
  });

  it.each([
    ['not a URL', () => 'news', /not a web address/],
    ['a javascript: URL', () => 'javascript:alert(1)', /not a web address/],
    ['a 404', (base: string) => `${base}/missing`, /HTTP 404/],
    ['a page without a feed', (base: string) => `${base}/plain`, /announces no feed/],
    ['a truncated feed', (base: string) => `${base}/broken`, /malformed or truncated/],
    ['a sitemap', (base: string) => `${base}/sitemap.xml`, /is not a feed/],
    ['an OPML list of feeds', (base: string) => `${base}/feeds.opml`, /is not a feed/],
    ['an XML error document', (base: string) => `${base}/error.xml`, /is not a feed/],
    ['JSON that is no feed', (base: string) => `${base}/data.json`, /is not a feed/],
    ['a closed port', () => 'http://127.0.0.1:9/feed', /could not read/],
  ])('%s is a one-line user error', async (_case, url, message) => {
    bed.server.routes.set('/plain', serve('<html><body>no feed</body></html>', { 'content-type': 'text/html' }));
    bed.server.routes.set('/sitemap.xml', serve('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.example/ar/1</loc></url></urlset>', { 'content-type': 'application/xml' }));
    bed.server.routes.set('/feeds.opml', serve('<?xml version="1.0"?><opml version="2.0"><head><title>Flux</title></head><body><outline text="Le Monde" xmlUrl="https://news.example/fr/rss"/></body></opml>', { 'content-type': 'text/x-opml' }));
    bed.server.routes.set('/error.xml', serve('<?xml version="1.0"?><!-- denied --><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>', { 'content-type': 'application/xml' }));
    bed.server.routes.set('/data.json', serve('[{"title":"not a feed"}]', { 'content-type': 'application/json' }));
    bed.server.routes.set('/broken', serve('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><description><![CDATA[cut'));
    const error = await add(url(bed.server.base)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).message).not.toContain('\n');
    expect((error as UserError).text.ar).not.toBe((error as UserError).text.en);
    expect(bed.deps.store.feeds.listByGuild(GUILD)).toEqual([]);
  });

  it('the same feed twice in a channel is refused', async () => {
    bed.server.routes.set('/feed.xml', serve(rss([story(1)])));
    await add(`${bed.server.base}/feed.xml`);
    await expect(add(`${bed.server.base}/feed.xml`)).rejects.toThrow(/already has that feed/);
  });
});
