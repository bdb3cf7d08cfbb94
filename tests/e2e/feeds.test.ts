import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config';
import { feedArticleId } from '../../src/feeds/article';
import { feedsFrom, type Feeds } from '../../src/feeds/wire';
import { createLogger } from '../../src/logger';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../support/fake-discord';
import { pageBytes } from '../support/web-fixtures';
import { articleFile } from './schedule-harness';
import { botEnv, runScript } from './bot-harness';
import { rss, serve, startFeedServer, type FeedServer } from '../feeds/helpers';

type Json = Record<string, unknown>;
const EPHEMERAL = 64;
const MINUTE = 60_000;

let fake: FakeDiscord;
let web: FeedServer;
let base: string;
let env: Record<string, string>;
let app: App;
let clock = Date.UTC(2026, 2, 1, 9);

const story = (n: number, guid = `g-${n}`) => ({
  guid,
  link: `${web.base}/story/${n}`,
  title: `Council backs transit plan, part ${n}`,
  date: new Date(Date.UTC(2026, 1, n)).toUTCString(),
  text: `The council approved part ${n} of the plan. “This plan will change how people move,” said councillor Mary Jones. Work starts next month.`,
});

async function startApp(): Promise<void> {
  app = await createApp({ config: parseConfig(env, { token: true }), logger: createLogger({ level: 'silent' }), now: () => clock });
  await app.start();
}

const feeds = (): Feeds => feedsFrom(app.ctx.services);
const feed = (sub: string, options: Record<string, unknown> = {}): InteractionHandle => fake.dispatchSubcommand('feed', sub, options as never, { member: 'admin' });
const titles = (): string[] => fake.messages(fake.channels.text).map((m) => String((m.embeds as Json[] | undefined)?.[0]?.title ?? m.content ?? ''));

async function ephemeral(handle: InteractionHandle): Promise<Json> {
  const shown = await handle.visible(15_000);
  expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  return shown;
}

async function poll(minutes = 11): Promise<void> {
  clock += minutes * MINUTE;
  await feeds().pollDue();
  await libraryIdle();
}

/** The library has taken in what its sources told it (a server's feed articles join its scope a moment after they are stored). */
const libraryIdle = async (): Promise<void> => app.ctx.library?.whenIdle?.();

async function suggestions(context: 'guild' | 'foreign-guild' | 'dm'): Promise<string[]> {
  const handle = fake.dispatchAutocomplete('brief', 'article', 'council', {}, { context });
  const response = await handle.response();
  return ((response.data as Json).choices as Array<{ name: string }>).map((c) => c.name);
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  web = await startFeedServer();
  base = mkdtempSync(join(tmpdir(), 'briefing-feeds-e2e-'));
  const content = join(base, 'content');
  mkdirSync(content);
  writeFileSync(join(content, 'operator-plan.md'), articleFile('en', 2, 'Operator council briefing'));
  env = botEnv(fake, { dir: content, dbPath: join(base, 'db', 'briefing.db') }, { DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, FETCH_ALLOW_ADDRESSES: '127.0.0.1', LOG_LEVEL: 'silent' });
  const deployed = await runScript('src/deploy.ts', env);
  expect(deployed.code, deployed.stderr).toBe(0);
  await startApp();
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await web?.close();
  await fake?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('/feed end to end (real discord.js client, fake Discord, local feed server, fake clock)', () => {
  it('is registered with Manage Server as the default permission, guild only', () => {
    expect(fake.commands(fake.guildId).find((c) => c.name === 'feed')).toMatchObject({ default_member_permissions: '32', contexts: [0] });
  });

  it.each([
    ['French', 'fr', 'Aucun flux dans ce serveur'],
    ['English', 'en-US', 'No feeds in this server yet'],
  ])('/feed list with no feed answers in %s', async (_language, locale, line) => {
    const shown = await ephemeral(fake.dispatchSubcommand('feed', 'list', {}, { member: 'admin', locale }));
    expect(String(shown.content)).toContain(line);
  });

  it('/feed add answers with the title and item count and posts the newest item at once', async () => {
    web.routes.set('/news.xml', serve(rss([story(3), story(2), story(1)]), { etag: '"a"' }));
    const shown = await ephemeral(feed('add', { url: `${web.base}/news.xml`, channel: fake.channels.text }));
    expect(String(shown.content)).toMatch(/^Feed #1: \*\*Test news\*\* \(3 items\)/);
    await fake.waitForMessages(fake.channels.text, 1);
    expect(titles()).toEqual([story(3).title]);
  });

  it('a growing feed posts each new item once, oldest first; a 304 posts nothing', async () => {
    // Item 5 links to a real article page: its briefing is the page's; the others' pages are 404s: their own text.
    web.routes.set('/story/5', serve(pageBytes('en-bbc-1'), { 'content-type': 'text/html; charset=utf-8' }));
    web.routes.set('/news.xml', serve(rss([story(5), story(4), story(3), story(2), story(1)]), { etag: '"b"' }));
    await poll();
    expect(titles()).toEqual([3, 4, 5].map((n) => story(n).title));
    await poll();
    expect(web.requests.at(-1)!.headers['if-none-match']).toBe('"b"');
    expect(titles()).toHaveLength(3);
  });

  it('changed guids cause no repost', async () => {
    web.routes.set('/news.xml', serve(rss([5, 4, 3, 2, 1].map((n) => story(n, `renamed-${n}`))), { etag: '"c"' }));
    await poll();
    expect(titles()).toHaveLength(3);
  });

  it('the server’s /brief sees its feed articles; a DM and another server do not', async () => {
    expect(await suggestions('guild')).toEqual(expect.arrayContaining([story(5).title, 'Operator council briefing']));
    for (const elsewhere of ['foreign-guild', 'dm'] as const) {
      const names = await suggestions(elsewhere);
      expect(names).toContain('Operator council briefing');
      expect(names.filter((n) => n.startsWith('Council backs'))).toEqual([]);
    }
    const id = feedArticleId(1, 'id:g-5');
    const mine = await fake.dispatchCommand('brief', { article: id }, { context: 'guild' }).visible(10_000);
    expect((mine.embeds as Json[])[0]).toMatchObject({ title: story(5).title, url: story(5).link });
    expect(String((mine.embeds as Json[])[0]!.description)).toMatch(/Obama/);
    const elsewhere = await fake.dispatchCommand('brief', { article: id }, { context: 'foreign-guild' }).visible(10_000);
    expect(String(elsewhere.content ?? '')).toMatch(/No article named/);
  });

  it('a restart neither refetches nor reposts, and the feed articles are still there', async () => {
    const before = web.requests.length;
    await app.stop();
    await startApp();
    expect(web.requests.length).toBe(before);
    expect(await suggestions('guild')).toContain(story(5).title);
    await poll();
    expect(titles()).toHaveLength(3);
  });

  it('500s back off; then a 410 pauses the feed with one message, shown in /feed list', async () => {
    web.routes.set('/news.xml', serve('down', {}, 500));
    await poll();
    const first = (await feeds().store.feeds.get(1))!;
    expect(first).toMatchObject({ failures: 1, lastDetail: 'HTTP 500 Internal Server Error' });
    await poll(11);
    expect((await feeds().store.feeds.get(1))!.failures).toBe(2);
    await poll(11);
    expect((await feeds().store.feeds.get(1))!.failures).toBe(2); // backing off: 20 minutes after the second failure
    await poll(11);
    expect((await feeds().store.feeds.get(1))!.failures).toBe(3);
    web.routes.set('/news.xml', serve('gone', {}, 410));
    await poll(60);
    await poll(60);
    const notices = fake.messages(fake.channels.text).filter((m) => typeof m.content === 'string' && m.content.includes('paused'));
    expect(notices).toHaveLength(1);
    expect(String(notices[0]!.content)).toMatch(/HTTP 410 Gone.*\/feed resume feed:1/);
    const list = await ephemeral(feed('list'));
    expect(String((list.embeds as Json[])[0]!.description)).toMatch(/#1.*Test news[\s\S]*paused: HTTP 410 Gone/);
  });

  it('bad input gets a one-line private answer', async () => {
    for (const [url, message] of [['not a url', /not a web address/], [`${web.base}/nothing`, /HTTP 404/]] as const) {
      const shown = await ephemeral(feed('add', { url, channel: fake.channels.text }));
      expect(String(shown.content)).toMatch(message);
      expect(String(shown.content)).not.toContain('\n');
    }
  });

  it('feed options autocomplete this server’s feeds (paused ones for resume, none elsewhere)', async () => {
    const choices = async (subcommand: string, context: 'guild' | 'foreign-guild' = 'guild') =>
      (((await fake.dispatchAutocomplete('feed', 'feed', '', {}, { subcommand, context }).response()).data as Json).choices as Array<{ name: string; value: string }>);
    expect(await choices('remove')).toEqual([{ name: '#1 · Test news (paused)', value: '1' }]);
    expect(await choices('resume')).toHaveLength(1);
    expect(await choices('pause')).toEqual([]);
    expect(await choices('remove', 'foreign-guild')).toEqual([]);
  });

  it('remove takes the feed and its articles away from the server', async () => {
    const shown = await ephemeral(feed('remove', { feed: '1' }));
    expect(String(shown.content)).toMatch(/Feed #1 .* removed/);
    await libraryIdle();
    expect((await suggestions('guild')).filter((n) => n.startsWith('Council backs'))).toEqual([]);
  });

  it('every request the bot made is valid against Discord’s OpenAPI spec, with allowed_mentions', () => {
    assertAllValid(fake);
  });
});
