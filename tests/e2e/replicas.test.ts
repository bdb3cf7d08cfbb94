/**
 * Stateless replicas (issue 11): one `ROLE=ingest` process briefs its content
 * folder into Postgres; one `ROLE=web` (HTTP interactions) and one
 * `ROLE=scheduler` read the articles from Postgres and never their own
 * folder. The web replica's CONTENT_DIR holds a different, newer article (a
 * decoy: any answer from it fails the test); the scheduler's does not exist.
 * Real processes on loopback, the fake Discord, a throwaway Postgres.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../support/fake-discord';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { botEnv, runScript, spawnBot, writeArticles, type BotProcess } from './bot-harness';

type Json = Record<string, unknown>;

if (!POSTGRES_BIN) console.log(`Replica end-to-end tests ${POSTGRES_SKIP_REASON}`);

const EPHEMERAL = 64;
const EVERY_SECOND = '* * * * * *';
const keys = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

const article = (title: string, published: string, language: string, ...body: string[]): string => ['---', `title: ${title}`, `published: ${published}`, `language: ${language}`, '---', ...body].join('\n\n');

/** The ingest's folder: Arabic, then English (the newest). */
const INGEST: Record<string, string> = {
  'tram-ar.md': article('الترام الجديد في الإسكندرية', '2024-03-01', 'ar', 'أعلنت الوزارة عن خط ترام جديد في المدينة.', 'وقالت الوزيرة ليلى حسن: «سنُنجز مشروعَ الترام في موعده كما وعدنا المواطنين».'),
  'bridge-en.md': article('The new Bridge opens', '2024-03-02', 'en', 'The council opened the bridge on Monday.', '"We will deliver the bridge on time, as promised to every resident," said councillor Mary Jones.'),
};
/** In the web replica's own folder only: newer than everything the ingest has. */
const DECOY = article('Decoy from the replica folder', '2025-01-01', 'en', '"Nobody should ever see this decoy quote from the replica," said decoy speaker Zed Decoy.');
/** Added to the ingest's folder once everything runs. */
const LATER = article('Le nouveau pont est ouvert', '2024-03-05', 'fr', 'Le conseil a ouvert le pont lundi.', '« Nous livrerons le pont à temps, comme promis aux électeurs », a déclaré la maire Claire Martin.');

let cluster: TestPostgres | undefined;
let fake: FakeDiscord;
let base: string;
const bots: BotProcess[] = [];
let web: BotProcess;
let scheduler: BotProcess;
let ingestDir: string;

const embedsOf = (data: Json): Array<{ title?: string; description?: string }> => (data.embeds as never) ?? [];
const titles = (channelId: string): string[] => fake.messages(channelId).map((m) => String(embedsOf(m)[0]?.title ?? ''));

const folder = (name: string, files: Record<string, string>): string => writeArticles(join(base, name), files);

async function start(name: string, env: Record<string, string>, ready: (line: Json) => boolean): Promise<BotProcess> {
  const bot = spawnBot(env);
  bots.push(bot);
  await bot.waitForLog(ready, 90_000).catch((error: unknown) => {
    throw new Error(`${name} did not start: ${String(error)}`);
  });
  return bot;
}

async function ephemeralLine(handle: InteractionHandle): Promise<string> {
  const shown = await handle.visible(15_000);
  const callback = handle.record.callback;
  const flags = callback?.type === 5 ? Number(callback.data?.flags ?? 0) : Number(shown.flags ?? 0);
  expect(flags & EPHEMERAL).toBe(EPHEMERAL);
  return String(shown.content);
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const briefTitle = async (options: Record<string, string> = {}): Promise<string | undefined> => embedsOf(await fake.dispatchCommand('brief', options).visible(15_000))[0]?.title;

describe.skipIf(!POSTGRES_BIN)('ROLE=web and ROLE=scheduler read the articles ROLE=ingest writes to Postgres, not their own folder', () => {
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'briefing-replicas-'));
    cluster = await startPostgres();
    const url = await cluster!.createDatabase('replicas');
    fake = await startFakeDiscord();
    ingestDir = folder('ingest', INGEST);
    const common = (name: string, contentDir: string, extra: Record<string, string>): Record<string, string> =>
      botEnv(fake, { dir: contentDir, dbPath: join(base, name, 'briefing.db') }, { DATABASE_URL: url, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, LOG_LEVEL: 'debug', ...extra });
    await start('ingest', common('ingest', ingestDir, { ROLE: 'ingest', LIBRARY_RESCAN_SECONDS: '1', LIBRARY_SETTLE_MS: '0' }), (l) => l.msg === 'search tables in line with the library');
    const webEnv = common('web', folder('web-own', { 'decoy.md': DECOY }), { ROLE: 'web', PORT: '0', HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: publicKeyHex, SCHEDULE_MIN_INTERVAL_SECONDS: '0' });
    const deployed = await runScript('src/deploy.ts', webEnv);
    expect(deployed.code, deployed.stderr).toBe(0);
    web = await start('web', webEnv, (l) => l.msg === 'bot ready');
    const listening = web.logs().find((l) => l.msg === 'interactions endpoint listening')!;
    fake.deliverInteractionsOverHttp({ url: `http://127.0.0.1:${String(listening.port)}/interactions`, privateKey: keys.privateKey });
    scheduler = await start('scheduler', common('scheduler', join(base, 'missing-folder'), { ROLE: 'scheduler', SCHEDULE_MIN_INTERVAL_SECONDS: '0' }), (l) => l.msg === 'bot ready');
  }, 240_000);

  afterEach(() => {
    expect(fake.handlerErrors).toEqual([]);
  });

  afterAll(async () => {
    for (const bot of bots) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await fake?.close();
    await cluster?.stop();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('the web and scheduler replicas say they read articles from Postgres, and never load a folder', () => {
    for (const bot of [web, scheduler]) {
      expect(bot.logs().find((l) => l.msg === 'bot ready')).toMatchObject({ articles: 'read from Postgres' });
      expect(bot.logs().some((l) => typeof l.msg === 'string' && /library (loaded|ready)|briefing cache/i.test(l.msg))).toBe(false);
    }
  });

  it('/brief without an article answers the ingest’s newest (English), not the replica’s own newer file', async () => {
    expect(await briefTitle()).toBe('The new Bridge opens');
  });

  it.each([
    ['an Arabic title typed without diacritics', 'الترام الجديد في الاسكندرية', 'الترام الجديد في الإسكندرية'],
    ['an English title in another case', 'the NEW bridge opens', 'The new Bridge opens'],
    ['an exact id', 'tram-ar', 'الترام الجديد في الإسكندرية'],
  ])('/brief by %s answers the ingest’s article', async (_name, typed, title) => {
    expect(await briefTitle({ article: typed })).toBe(title);
  });

  it('/brief of the replica’s own file says no such article, in the user’s language', async () => {
    expect(await ephemeralLine(fake.dispatchCommand('brief', { article: 'decoy' }, { locale: 'fr' }))).toBe('Aucun article nommé `decoy` dans la bibliothèque.');
  });

  it.each([
    ['no options: the newest quoted article (English)', {}, 'Mary Jones'],
    ['an Arabic word', { query: 'الترام' }, 'ليلى حسن'],
    ['an English word', { query: 'resident' }, 'Mary Jones'],
  ])('/quote with %s finds the ingest’s quote', async (_name, options, speaker) => {
    const shown = await fake.dispatchCommand('quote', options).visible(15_000);
    expect(JSON.stringify(shown.embeds)).toContain(speaker);
    expect(JSON.stringify(shown.embeds)).not.toContain('Decoy');
  });

  it('autocomplete offers the ingest’s articles and speakers, not the replica’s', async () => {
    const articles = await fake.dispatchAutocomplete('brief', 'article', 'bridge').response(15_000);
    expect((articles.data?.choices as Array<{ value: string }>).map((c) => c.value)).toEqual(['bridge-en']);
    const decoy = await fake.dispatchAutocomplete('brief', 'article', 'decoy').response(15_000);
    expect(decoy.data?.choices).toEqual([]);
    const speakers = await fake.dispatchAutocomplete('quote', 'speaker', 'ليلى').response(15_000);
    expect((speakers.data?.choices as Array<{ name: string }>).map((c) => c.name)).toEqual(['ليلى حسن']);
  });

  it('a schedule added through the web replica is posted by the scheduler with the ingest’s newest article', async () => {
    const added = fake.dispatchSubcommand('schedule', 'add', { channel: fake.channels.announcement, when: EVERY_SECOND }, { member: 'admin' });
    expect(await ephemeralLine(added)).toMatch(/^Schedule #1: /);
    await until(() => titles(fake.channels.announcement).length >= 1, 30_000, 'the scheduled post');
    expect(titles(fake.channels.announcement)).toEqual(['The new Bridge opens']);
  });

  it('an article added to the ingest’s folder later reaches the web replica’s /brief and the schedule', async () => {
    writeFileSync(join(ingestDir, 'pont-fr.md'), LATER);
    await until(async () => (await briefTitle()) === 'Le nouveau pont est ouvert', 60_000, 'the new article through the web replica');
    expect(await briefTitle({ article: 'le nouveau pont est ouvert' })).toBe('Le nouveau pont est ouvert');
    await until(() => titles(fake.channels.announcement).length >= 2, 30_000, 'the new article posted');
    expect(titles(fake.channels.announcement)).toEqual(['The new Bridge opens', 'Le nouveau pont est ouvert']);
  });

  it('sent only payloads valid against Discord’s OpenAPI spec', () => {
    assertAllValid(fake);
  });
});
