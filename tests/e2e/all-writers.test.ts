/**
 * Two `ROLE=all` processes on one Postgres, each with its own folder (issue
 * 11, an operator's corner): only one writes the articles (it holds the
 * ingest lock); the other serves its gateway from the articles in Postgres,
 * never writing or removing any, and takes over once the writer is killed.
 * Real processes on loopback, one fake Discord per bot, a throwaway Postgres.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rss, serve, startFeedServer, type FeedServer } from '../feeds/helpers';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { botEnv, runScript, spawnBot, writeArticles, type BotProcess } from './bot-harness';

type Json = Record<string, unknown>;

if (!POSTGRES_BIN) console.log(`Two ROLE=all writers end-to-end tests ${POSTGRES_SKIP_REASON}`);

const article = (title: string, published: string, language: string, ...body: string[]): string => ['---', `title: ${title}`, `published: ${published}`, `language: ${language}`, '---', ...body].join('\n\n');

/** The first process's folder (the writer): Arabic, then English (its newest). */
const FIRST: Record<string, string> = {
  'tram-ar.md': article('الترام الجديد في الإسكندرية', '2024-03-01', 'ar', 'أعلنت الوزارة عن خط ترام جديد في المدينة.', 'وقالت الوزيرة ليلى حسن: «سنُنجز مشروعَ الترام في موعده كما وعدنا المواطنين».'),
  'bridge-en.md': article('The new Bridge opens', '2024-03-02', 'en', 'The council opened the bridge on Monday.', '"We will deliver the bridge on time, as promised to every resident," said councillor Mary Jones.'),
};
/** The second process's folder: newer than everything the first has, in French. */
const SECOND: Record<string, string> = {
  'pont-fr.md': article('Le nouveau pont est ouvert', '2025-01-05', 'fr', 'Le conseil a ouvert le pont lundi.', '« Nous livrerons le pont à temps, comme promis aux électeurs », a déclaré la maire Claire Martin.'),
};

let cluster: TestPostgres | undefined;
let base: string;
const fakes: FakeDiscord[] = [];
const bots: BotProcess[] = [];
let first: BotProcess;
let second: BotProcess;
let secondFake: FakeDiscord;
let news: FeedServer;

/** A feed item the second polls (added through it): an article of its server's scope, which only the writer puts in Postgres. */
const FEED_ITEM = { guid: 'tram-lyon', title: 'Le tramway arrive à Lyon', date: new Date(Date.UTC(2023, 0, 2)).toUTCString(), text: 'Le tramway arrive à Lyon. « Nous roulerons dès lundi », a déclaré le maire Paul Durand.' };

const folder = (name: string, files: Record<string, string>): string => writeArticles(join(base, name), files);

/** A ROLE=all bot on its own fake Discord (commands deployed), started once `ready` is logged. */
async function startAll(name: string, url: string, files: Record<string, string>, ready: (line: Json) => boolean): Promise<{ bot: BotProcess; fake: FakeDiscord }> {
  const fake = await startFakeDiscord();
  fakes.push(fake);
  const env = botEnv(fake, { dir: folder(name, files), dbPath: join(base, `${name}-db`, 'briefing.db') }, { DATABASE_URL: url, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, LIBRARY_SETTLE_MS: '0', FETCH_ALLOW_ADDRESSES: '127.0.0.1' });
  const deployed = await runScript('src/deploy.ts', env);
  expect(deployed.code, deployed.stderr).toBe(0);
  const bot = spawnBot(env);
  bots.push(bot);
  await bot.waitForLog(ready, 90_000).catch((error: unknown) => {
    throw new Error(`${name} did not start: ${String(error)}\n${bot.output().stderr}`);
  });
  return { bot, fake };
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const embedsOf = (data: Json): Array<{ title?: string }> => (data.embeds as never) ?? [];
const briefTitle = async (fake: FakeDiscord, options: Record<string, string> = {}): Promise<string | undefined> => embedsOf(await fake.dispatchCommand('brief', options).visible(15_000))[0]?.title;
const quoted = async (fake: FakeDiscord, query: string): Promise<string> => JSON.stringify((await fake.dispatchCommand('quote', { query }).visible(15_000)).embeds ?? []);
const notFound = async (fake: FakeDiscord, typed: string): Promise<string> => String((await fake.dispatchCommand('brief', { article: typed }, { locale: 'fr' }).visible(15_000)).content);

describe.skipIf(!POSTGRES_BIN)('two ROLE=all on one Postgres: one writes the articles, the other reads them and takes over', () => {
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'briefing-all-writers-'));
    news = await startFeedServer();
    cluster = await startPostgres();
    const url = await cluster!.createDatabase('writers');
    ({ bot: first } = await startAll('first', url, FIRST, (l) => l.msg === 'search tables in line with the library'));
    ({ bot: second, fake: secondFake } = await startAll('second', url, SECOND, (l) => l.msg === 'bot ready'));
  }, 240_000);

  afterAll(async () => {
    for (const bot of bots) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    for (const fake of fakes) await fake.close();
    await news?.close();
    await cluster?.stop();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('the first takes the ingest lock; the second logs once that it reads the articles from Postgres, and loads no folder', () => {
    expect(first.logs().some((l) => l.msg === 'ingest lock taken: this process is the active ingest')).toBe(true);
    const reads = second.logs().filter((l) => typeof l.msg === 'string' && l.msg.startsWith('another process writes the articles'));
    expect(reads).toHaveLength(1);
    expect(second.logs().find((l) => l.msg === 'bot ready')).toMatchObject({ role: 'all', articles: 'read from Postgres' });
    expect(second.logs().some((l) => l.msg === 'search tables in line with the library')).toBe(false);
  });

  it.each([
    ['/brief with no article: the writer’s newest (English), not the second’s own newer French file', () => briefTitle(secondFake), 'The new Bridge opens'],
    ['/brief of an Arabic title typed without diacritics', () => briefTitle(secondFake, { article: 'الترام الجديد في الاسكندرية' }), 'الترام الجديد في الإسكندرية'],
    ['/brief of the second’s own file: no such article, in French', () => notFound(secondFake, 'pont-fr'), 'Aucun article nommé `pont-fr` dans la bibliothèque.'],
  ])('through the second: %s', async (_name, ask, expected) => {
    expect(await ask()).toBe(expected);
  });

  it.each([
    ['an Arabic word', 'الترام', 'ليلى حسن'],
    ['an English word', 'resident', 'Mary Jones'],
  ])('/quote with %s finds the writer’s quote through both, the second having removed nothing', async (_name, query, speaker) => {
    for (const fake of fakes) expect(await quoted(fake, query)).toContain(speaker);
  });

  it('a feed added through the second: its article, stored there, reaches Postgres through the writer, and the second’s /brief in that server', async () => {
    news.routes.set('/fr.xml', serve(rss([FEED_ITEM])));
    const added = await secondFake.dispatchSubcommand('feed', 'add', { url: `${news.base}/fr.xml`, channel: secondFake.channels.text }, { member: 'admin' }).visible(15_000);
    expect(String(added.content)).toMatch(/^Feed #1/);
    await until(async () => (await briefTitle(secondFake, { article: 'le tramway arrive a lyon' })) === FEED_ITEM.title, 30_000, 'the feed article through the second');
  });

  it('the writer killed, the second takes the lock over and writes its own folder in place of the first’s', async () => {
    first.child.kill('SIGKILL');
    await second.waitForLog((l) => l.msg === 'ingest lock taken over: this process is now the active ingest', 30_000);
    await second.waitForLog((l) => l.msg === 'search tables in line with the library', 60_000);
    expect(await briefTitle(secondFake)).toBe('Le nouveau pont est ouvert');
    expect(await quoted(secondFake, 'électeurs')).toContain('Claire Martin');
    expect(await notFound(secondFake, 'bridge-en')).toBe('Aucun article nommé `bridge-en` dans la bibliothèque.');
    expect(await briefTitle(secondFake, { article: 'le tramway arrive a lyon' })).toBe(FEED_ITEM.title);
    expect(second.child.exitCode).toBeNull();
  });

  it('sent only payloads valid against Discord’s OpenAPI spec, and no handler failed', () => {
    for (const fake of fakes) {
      expect(fake.handlerErrors).toEqual([]);
      assertAllValid(fake);
    }
  });
});
