/**
 * Feed posts hold their channel's lock, as scheduled runs do: while a
 * scheduled run of this process or another process (its Postgres session's
 * `channel:<id>` advisory lock) posts to the channel, a feed check stores
 * what it found and waits; once the channel is free it posts, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../src/feeds/actions';
import { checkFeed } from '../../src/feeds/check';
import { ChannelLocks, channelLockName } from '../../src/scheduler/channel-locks';
import { createSessionLocks } from '../../src/store/postgres';
import type { SessionLocks } from '../../src/store/types';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { CHANNEL, GUILD, rss, serve, useFeedServer } from './helpers';

const T0 = Date.UTC(2026, 0, 1, 12);
const MIN = 600_000;
const TITLES = { ar: (n: number) => `قال الوزير إن المحادثات ستستمر رقم ${n}`, en: (n: number) => `Minister says talks will go on, number ${n}`, fr: (n: number) => `Le ministre dit que les discussions continuent, numéro ${n}` };
type Lang = keyof typeof TITLES;
const story = (n: number, lang: Lang) => ({ guid: `g-${n}`, link: `https://news.example/story/${n}`, title: TITLES[lang](n), date: new Date(Date.UTC(2026, 0, n)).toUTCString() });

/** Who holds the channel while the feed checks: the feed's locks, and how the holder lets go. */
interface Holder {
  channels: ChannelLocks;
  release(): Promise<void>;
}

if (!POSTGRES_BIN) console.log(`feed posts and the channel lock held in another process ${POSTGRES_SKIP_REASON}`);

let cluster: TestPostgres | undefined;
let databases = 0;
const sessions: SessionLocks[] = [];

beforeAll(async () => {
  if (POSTGRES_BIN) cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await cluster?.stop();
});

/** A scheduled run of this process holds the channel (the scheduler shares the feed's locks). */
async function heldHere(): Promise<Holder> {
  const channels = new ChannelLocks();
  expect(await channels.take(CHANNEL)).toBeUndefined();
  return { channels, release: async () => channels.release(CHANNEL) };
}

/** Another process (its own Postgres session) holds `channel:<id>`. */
async function heldElsewhere(): Promise<Holder> {
  const url = await cluster!.createDatabase(`feed_lock_${++databases}`);
  const [mine, theirs] = [createSessionLocks(url), createSessionLocks(url)];
  sessions.push(mine, theirs);
  expect(await theirs.tryLock(channelLockName(CHANNEL))).toBe(true);
  return { channels: new ChannelLocks(mine), release: () => theirs.unlock(channelLockName(CHANNEL)) };
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('feed posts and the channel lock', () => {
  const bed = useFeedServer();

  /** Subscribe (posting item 1), then the feed gains item 2. */
  async function feedWithNewItem(lang: Lang): Promise<number> {
    bed.server.routes.set('/feed.xml', serve(rss([story(1, lang)])));
    const { feed } = await subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${bed.server.base}/feed.xml`, userId: '3' }, bed.deps, T0);
    bed.server.routes.set('/feed.xml', serve(rss([story(2, lang), story(1, lang)])));
    return feed.id;
  }

  it.each([
    ['ar', 'in this process (a scheduled run)', heldHere, false],
    ['fr', 'in this process (a scheduled run)', heldHere, false],
    ['en', 'in another process (its Postgres session)', heldElsewhere, !POSTGRES_BIN],
  ] as const)('%s: while the channel is held %s, the check stores the new item and waits; once free, it posts it once', async (lang, _where, hold, skip) => {
    if (skip) return;
    const feedId = await feedWithNewItem(lang);
    const holder = await hold();
    const check = checkFeed(bed.deps.store.feeds.get(feedId)!, { ...bed.deps, channels: holder.channels, channelWaitMs: 60_000 }, T0 + MIN);
    // Fetched and stored: the channel is owed item 2, and the check is waiting for the channel.
    await until(() => bed.deps.store.feeds.owed(feedId, CHANNEL).length === 1 || bed.deps.poster.posts.length > 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(bed.deps.poster.titles()).toEqual([story(1, lang).title]);
    await holder.release();
    expect(await check).toMatchObject({ outcome: 'ok', found: 1, posted: [expect.any(String)] });
    expect(bed.deps.poster.titles()).toEqual([story(1, lang).title, story(2, lang).title]);
    expect(holder.channels.holds(CHANNEL)).toBe(false);
    // Once: the next check finds the channel owed nothing.
    expect((await checkFeed(bed.deps.store.feeds.get(feedId)!, { ...bed.deps, channels: holder.channels }, T0 + 2 * MIN)).posted).toEqual([]);
    expect(bed.deps.poster.posts).toHaveLength(2);
  });

  it.each(['ar', 'en', 'fr'] as const)('%s: subscribing while a scheduled run holds the channel posts the newest item once the channel is free', async (lang) => {
    bed.server.routes.set('/feed.xml', serve(rss([story(2, lang), story(1, lang)])));
    const holder = await heldHere();
    const subscribing = subscribe({ guildId: GUILD, channelId: CHANNEL, url: `${bed.server.base}/feed.xml`, userId: '3' }, { ...bed.deps, channels: holder.channels }, T0);
    await until(() => bed.deps.store.feeds.listByGuild(GUILD).length === 1 && bed.deps.store.feeds.owed(bed.deps.store.feeds.listByGuild(GUILD)[0]!.id, CHANNEL).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(bed.deps.poster.posts).toEqual([]);
    await holder.release();
    expect((await subscribing).posted).toHaveLength(1);
    expect(bed.deps.poster.titles()).toEqual([story(2, lang).title]);
  });

  it('a channel still held past the wait: nothing posted, the item kept and posted once by the next check', async () => {
    const feedId = await feedWithNewItem('en');
    const holder = await heldHere();
    const report = await checkFeed(bed.deps.store.feeds.get(feedId)!, { ...bed.deps, channels: holder.channels, channelWaitMs: 50 }, T0 + MIN);
    expect(report).toMatchObject({ outcome: 'ok', found: 1, posted: [], detail: '1 new; channel busy with another post, posting at the next check' });
    expect(bed.deps.store.feeds.get(feedId)!.nextCheckAt).toBe(T0 + 2 * MIN);
    expect(bed.deps.store.feeds.owed(feedId, CHANNEL)).toHaveLength(1);
    await holder.release();
    expect((await checkFeed(bed.deps.store.feeds.get(feedId)!, { ...bed.deps, channels: holder.channels }, T0 + 2 * MIN)).posted).toHaveLength(1);
    expect(bed.deps.poster.titles()).toEqual([story(1, 'en').title, story(2, 'en').title]);
  });
});
