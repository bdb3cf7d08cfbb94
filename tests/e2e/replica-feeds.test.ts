/**
 * Feed articles in a split deployment (issue 11): `ROLE=scheduler` polls a
 * feed added through the `ROLE=web` replica with `/feed add`; the active
 * `ROLE=ingest` follows the stored feed articles (NOTIFY) into each server's
 * scope in Postgres, where the web replica's `/brief`, `/quote` and
 * autocomplete read them; one pruned (retention) leaves. Real processes on
 * loopback, the fake Discord, a local feed server, a throwaway Postgres. The
 * ingest's catch-up period is an hour here: what it takes in, it is told of.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../support/fake-discord';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { rss, serve, startFeedServer, type FeedServer } from '../feeds/helpers';
import { botEnv, runScript, spawnBot, type BotProcess } from './bot-harness';

type Json = Record<string, unknown>;

if (!POSTGRES_BIN) console.log(`Replica feed end-to-end tests ${POSTGRES_SKIP_REASON}`);

const EPHEMERAL = 64;
const keys = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

/** The feed's items: Arabic (older), then English (newer, added once the feed is subscribed). */
const ARABIC = {
  guid: 'park-ar',
  title: 'افتتاح حديقة الميناء في صيدا',
  date: new Date(Date.UTC(2026, 5, 1)).toUTCString(),
  text: 'افتتحت البلدية حديقة جديدة قرب الميناء يوم الجمعة. وقال رئيس البلدية سامي نور: «ستبقى الحديقة مفتوحة لكل العائلات طوال الصيف».',
};
const ENGLISH = {
  guid: 'park-en',
  title: 'Harbour park opens to families',
  date: new Date(Date.UTC(2026, 5, 2)).toUTCString(),
  text: 'The council opened the harbour park on Friday. "The park will stay open to every family all summer long," said mayor Anna Berg.',
};
const OPERATOR = ['---', 'title: Operator budget note', 'published: 2024-03-01', 'language: en', '---', 'The council published its budget.'].join('\n\n');

let cluster: TestPostgres | undefined;
let fake: FakeDiscord;
let news: FeedServer;
let base: string;
let url: string;
const bots: BotProcess[] = [];
let schedulerEnv: Record<string, string>;

const embedsOf = (data: Json): Array<{ title?: string }> => (data.embeds as never) ?? [];
const posted = (): string[] => fake.messages(fake.channels.text).map((m) => String(embedsOf(m)[0]?.title ?? ''));
const feed = (sub: string, options: Record<string, string>): InteractionHandle => fake.dispatchSubcommand('feed', sub, options as never, { member: 'admin' });

async function start(name: string, env: Record<string, string>, ready: (line: Json) => boolean): Promise<BotProcess> {
  const bot = spawnBot(env);
  bots.push(bot);
  await bot.waitForLog(ready, 90_000).catch((error: unknown) => {
    throw new Error(`${name} did not start: ${String(error)}\n${bot.output().stderr}`);
  });
  return bot;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** `/brief article:<typed>` through the web replica: the embed's title, or the one-line answer. */
async function brief(typed: string, context: 'guild' | 'foreign-guild' = 'guild'): Promise<string> {
  const shown = await fake.dispatchCommand('brief', { article: typed }, { context }).visible(15_000);
  return String(embedsOf(shown)[0]?.title ?? shown.content);
}

/** What `/brief` answers to `typed` where no article has that title: the answer to a title nobody has in the same script (the answer's language follows it), with `typed` in it. */
async function unknownAnswer(typed: string, context: 'guild' | 'foreign-guild' = 'guild'): Promise<string> {
  const nobody = /\p{Script=Arabic}/u.test(typed) ? 'لا يحمل أي مقال هذا العنوان' : 'No article has this title';
  return (await brief(nobody, context)).replace(nobody, typed);
}

async function quote(query: string, context: 'guild' | 'foreign-guild' = 'guild'): Promise<string> {
  return JSON.stringify(await fake.dispatchCommand('quote', { query }, { context }).visible(15_000));
}

async function sql(text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

describe.skipIf(!POSTGRES_BIN)('feed articles polled by ROLE=scheduler reach the ROLE=web replica through the active ROLE=ingest', () => {
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'briefing-replica-feeds-'));
    cluster = await startPostgres();
    url = await cluster!.createDatabase('replica_feeds');
    fake = await startFakeDiscord();
    news = await startFeedServer();
    news.routes.set('/news.xml', serve(rss([ARABIC]), { etag: '"1"' }));
    const ingestDir = join(base, 'ingest');
    mkdirSync(ingestDir);
    writeFileSync(join(ingestDir, 'budget.md'), OPERATOR);
    const common = (name: string, contentDir: string, extra: Record<string, string>): Record<string, string> =>
      botEnv(fake, { dir: contentDir, dbPath: join(base, name, 'briefing.db') }, { DATABASE_URL: url, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, FETCH_ALLOW_ADDRESSES: '127.0.0.1', LOG_LEVEL: 'debug', ...extra });
    await start('ingest', common('ingest', ingestDir, { ROLE: 'ingest', LIBRARY_SETTLE_MS: '0', FEED_ARTICLES_CATCHUP_SECONDS: '3600' }), (l) => l.msg === 'bot ready');
    const webEnv = common('web', join(base, 'missing'), { ROLE: 'web', PORT: '0', HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: publicKeyHex });
    const deployed = await runScript('src/deploy.ts', webEnv);
    expect(deployed.code, deployed.stderr).toBe(0);
    const web = await start('web', webEnv, (l) => l.msg === 'bot ready');
    const listening = web.logs().find((l) => l.msg === 'interactions endpoint listening')!;
    fake.deliverInteractionsOverHttp({ url: `http://127.0.0.1:${String(listening.port)}/interactions`, privateKey: keys.privateKey });
    // Retention: a day, the newest article of each feed kept whatever its age.
    schedulerEnv = common('scheduler', join(base, 'missing'), { ROLE: 'scheduler', FEED_ARTICLE_RETENTION_DAYS: '1', FEED_ARTICLES_KEPT_PER_FEED: '1' });
    await start('scheduler', schedulerEnv, (l) => l.msg === 'bot ready');
  }, 240_000);

  afterEach(() => {
    expect(fake.handlerErrors).toEqual([]);
  });

  afterAll(async () => {
    for (const bot of bots) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await news?.close();
    await fake?.close();
    await cluster?.stop();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('/feed add through the web replica posts the Arabic item; once the feed grows, the scheduler posts the English one', async () => {
    const added = await feed('add', { url: `${news.base}/news.xml`, channel: fake.channels.text }).visible(30_000);
    expect(String(added.content)).toMatch(/^Feed #1: /);
    await until(() => posted().length >= 1, 30_000, 'the first item posted');
    news.routes.set('/news.xml', serve(rss([ENGLISH, ARABIC]), { etag: '"2"' }));
    // Paused and resumed through the web replica: due at once, and the scheduler is told (NOTIFY).
    expect(Number((await feed('pause', { feed: '1' }).visible(15_000)).flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    await feed('resume', { feed: '1' }).visible(15_000);
    await until(() => posted().length >= 2, 60_000, 'the scheduler posting the new item');
    expect(posted()).toEqual([ARABIC.title, ENGLISH.title]);
  }, 120_000);

  it.each([
    ['Arabic, typed without the hamza', 'افتتاح حديقة الميناء في صيدا', ARABIC.title],
    ['English, in another case', 'harbour PARK opens to families', ENGLISH.title],
  ])('/brief by the %s title on the web replica shows the feed article', async (_name, typed, title) => {
    await until(async () => (await brief(typed)) === title, 60_000, `/brief ${typed}`);
  }, 90_000);

  it.each([
    ['an Arabic word', 'الحديقة', 'سامي نور'],
    ['an English word', 'family', 'Anna Berg'],
  ])('/quote with %s on the web replica finds the feed article’s quote', async (_name, query, speaker) => {
    expect(await quote(query)).toContain(speaker);
  });

  it('autocomplete on the web replica offers the feed article', async () => {
    const offered = await fake.dispatchAutocomplete('brief', 'article', 'harbour').response(15_000);
    expect((offered.data?.choices as Array<{ name: string }>).map((c) => c.name)).toEqual([ENGLISH.title]);
  });

  it.each([ENGLISH.title, ARABIC.title])('/brief %s through another server answers as for a title nobody has', async (title) => {
    expect(await brief(title, 'foreign-guild')).toBe(await unknownAnswer(title, 'foreign-guild'));
  });

  it.each([
    ['an English word', 'family', 'Anna Berg'],
    ['an Arabic word', 'الحديقة', 'سامي نور'],
  ])('/quote with %s through another server does not find the feed article’s quote', async (_name, query, speaker) => {
    expect(await quote(query, 'foreign-guild')).not.toContain(speaker);
  });

  it('an item pruned by the scheduler (past retention, not its feed’s newest) is gone from the web replica; the newest stays', async () => {
    await sql('UPDATE feed_articles SET fetched_at = 0 WHERE title = $1', [ARABIC.title]);
    // The scheduler prunes at its first poll, then hourly: restarted, it prunes now.
    const old = bots.at(-1)!;
    old.child.kill('SIGTERM');
    await old.exited;
    const restarted = await start('scheduler (again)', schedulerEnv, (l) => l.msg === 'bot ready');
    await restarted.waitForLog((l) => l.msg === 'old feed articles deleted (FEED_ARTICLE_RETENTION_DAYS)', 60_000);
    await until(async () => (await brief(ARABIC.title)) !== ARABIC.title, 60_000, 'the pruned article gone');
    expect(await brief(ARABIC.title)).toBe(await unknownAnswer(ARABIC.title));
    expect(await quote('الحديقة')).not.toContain('سامي نور');
    expect(await brief(ENGLISH.title)).toBe(ENGLISH.title);
  }, 180_000);

  it('sent only payloads valid against Discord’s OpenAPI spec', () => {
    assertAllValid(fake);
  });
});
