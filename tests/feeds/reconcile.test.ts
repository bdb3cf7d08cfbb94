/**
 * Feed posts go through the same delivery as scheduled ones: a post whose
 * answer was lost (the process died between Discord creating the message and
 * the row saying `sent`) is looked for in the channel's history after a
 * restart, not sent blind; without Read Message History it is left uncertain,
 * listed in `/feed list`, and checked again once the permission is back.
 */
import { join } from 'node:path';
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderBriefingMessage } from '../../src/discord/message';
import { toLibraryArticle } from '../../src/feeds/article';
import { subscribe } from '../../src/feeds/actions';
import { checkFeed, type FeedCheckDeps } from '../../src/feeds/check';
import { feedList } from '../../src/feeds/list-format';
import { RestPoster, type Poster } from '../../src/scheduler/poster';
import { createSqliteStore, type StoreWithFeeds } from '../../src/store';
import { assertAllValid } from '../support/discord-spec';
import { Perm, startFakeDiscord, type FakeDiscord } from '../support/fake-discord';
import { tempDir } from '../store/helpers';
import { GUILD, rss, serve, startFeedServer, testFetcher, type FeedServer } from './helpers';

const T0 = Date.UTC(2026, 0, 1, 12);
const MIN = 600_000;
const instant = async (): Promise<void> => {};

const TITLES = {
  ar: (n: number) => `قال الوزير إن المحادثات ستستمر رقم ${n}`,
  en: (n: number) => `Minister says talks will go on, number ${n}`,
  fr: (n: number) => `Le ministre dit que les discussions continuent, numéro ${n}`,
};
type Lang = keyof typeof TITLES;
const story = (n: number, lang: Lang) => ({ guid: `g-${n}`, link: `https://news.example/story/${n}`, title: TITLES[lang](n), date: new Date(Date.UTC(2026, 0, n)).toUTCString() });

/** A poster whose process "dies" right after Discord created the message: the outcome never reaches the store. */
class DiesAfterPosting implements Poster {
  constructor(private readonly inner: Poster) {}
  async post(...args: Parameters<Poster['post']>): ReturnType<Poster['post']> {
    await this.inner.post(...args);
    throw new Error('killed between posting and recording');
  }
}

let fake: FakeDiscord;
let rest: REST;
let server: FeedServer;
let temp: ReturnType<typeof tempDir>;
const opened: StoreWithFeeds[] = [];

beforeEach(async () => {
  // Discord's nonce window at zero: nothing is folded, so only reconciliation can prevent a duplicate.
  fake = await startFakeDiscord({ nonceWindowMs: 0 });
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
  server = await startFeedServer();
  temp = tempDir('briefing-feed-reconcile-');
});
afterEach(async () => {
  for (const store of opened.splice(0)) store.close();
  temp.cleanup();
  await server.close();
  await fake.close();
});

function open(): StoreWithFeeds {
  const store = createSqliteStore(join(temp.dir, 'store.db'));
  opened.push(store);
  return store;
}

function deps(store: StoreWithFeeds, extra: Partial<FeedCheckDeps> = {}): FeedCheckDeps {
  return {
    store,
    fetcher: testFetcher,
    poster: new RestPoster(rest, { retries: 0, nonceWindowMs: 0, sleep: instant }),
    render: (article) => renderBriefingMessage(toLibraryArticle(article)),
    minIntervalMs: MIN,
    maxFailures: 4,
    maxFeedBytes: 5_000_000,
    timeoutMs: 5000,
    nonceWindowMs: 0,
    ...extra,
  };
}

/** Subscribe (story 1 posted), then the feed grows and the check dies between posting story 2 and recording it; the bot restarts. */
async function crashMidPost(lang: Lang): Promise<{ store: StoreWithFeeds; feedId: number }> {
  const first = open();
  server.routes.set('/feed.xml', serve(rss([story(1, lang)])));
  const { feed } = await subscribe({ guildId: GUILD, channelId: fake.channels.text, url: `${server.base}/feed.xml`, userId: '3' }, deps(first), T0);
  server.routes.set('/feed.xml', serve(rss([story(2, lang), story(1, lang)])));
  const dying = deps(first, { poster: new DiesAfterPosting(new RestPoster(rest, { retries: 0, sleep: instant })) });
  await expect(checkFeed(first.feeds.get(feed.id)!, dying, T0 + MIN)).rejects.toThrow(/killed/);
  expect(fake.messages(fake.channels.text)).toHaveLength(2);
  first.close();
  const store = open();
  // What the scheduler does at start: the pending posts of the instance that is gone are this one's now.
  expect(store.deliveries.adoptPending()).toBe(1);
  return { store, feedId: feed.id };
}

const LANGS = [['Arabic', 'ar'], ['English', 'en'], ['French', 'fr']] as const;

describe('a feed post whose answer was lost in a crash, Discord nonce window at zero', () => {
  it.each(LANGS)('%s: after the restart it is found in the channel\'s history and recorded sent, not posted again', async (_label, lang) => {
    const { store, feedId } = await crashMidPost(lang);
    const report = await checkFeed(store.feeds.get(feedId)!, deps(store), T0 + 2 * MIN);
    expect(report).toMatchObject({ outcome: 'ok', found: 0, posted: [expect.stringMatching(/^feed\d+-/)] });
    const messages = fake.messages(fake.channels.text);
    expect(messages.map((m) => (m.embeds as Array<{ title?: string }>)[0]?.title)).toEqual([TITLES[lang](1), TITLES[lang](2)]);
    expect(store.deliveries.withStatus(fake.channels.text, 'sent', 10).map((row) => row.messageId).sort()).toEqual(messages.map((m) => m.id).sort());
    expect(fake.requests.some((r) => r.method === 'GET' && r.route === '/channels/{channel_id}/messages')).toBe(true);
    assertAllValid(fake);
  });

  it('control: with reconciliation off, the same crash makes a duplicate (so the test above can fail)', async () => {
    const { store, feedId } = await crashMidPost('en');
    await checkFeed(store.feeds.get(feedId)!, deps(store, { reconcile: false }), T0 + 2 * MIN);
    expect(fake.messages(fake.channels.text)).toHaveLength(3);
  });

  it.each(LANGS)('%s, without Read Message History: left uncertain and listed in /feed list, never posted blind; found once the permission is back', async (_label, lang) => {
    const { store, feedId } = await crashMidPost(lang);
    const channel = fake.channels.text;
    fake.setOverwrites(channel, [{ id: fake.botUserId, type: 1, allow: '0', deny: String(Perm.ReadMessageHistory) }]);
    const report = await checkFeed(store.feeds.get(feedId)!, deps(store), T0 + 2 * MIN);
    expect(report.detail).toMatch(/1 uncertain/);
    expect(store.deliveries.countWithStatus(channel, 'uncertain')).toBe(1);
    expect(feedList(store.feeds.listByGuild(GUILD), (id) => store.deliveries.countWithStatus(id, 'uncertain'))).toMatch(/❓ 1 post uncertain: .*Read Message History/);
    // Still missing at the next check: still uncertain, still not posted.
    await checkFeed(store.feeds.get(feedId)!, deps(store), T0 + 3 * MIN);
    expect(store.deliveries.countWithStatus(channel, 'uncertain')).toBe(1);
    expect(fake.messages(channel)).toHaveLength(2);
    fake.setOverwrites(channel, []);
    await checkFeed(store.feeds.get(feedId)!, deps(store), T0 + 4 * MIN);
    expect(store.deliveries.countWithStatus(channel, 'uncertain')).toBe(0);
    expect(store.deliveries.countWithStatus(channel, 'sent')).toBe(2);
    expect(fake.messages(channel)).toHaveLength(2);
    expect(feedList(store.feeds.listByGuild(GUILD), (id) => store.deliveries.countWithStatus(id, 'uncertain'))).not.toMatch(/uncertain/);
  });
});
