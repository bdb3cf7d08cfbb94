import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../support/fake-discord';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { rss, startFeedServer, serve, type FeedServer } from '../feeds/helpers';
import { botEnv, runScript, spawnBot, type BotProcess } from './bot-harness';
import { moreRuns, scheduleContent } from './schedule-harness';

type Json = Record<string, unknown>;

const keys = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
let cluster: TestPostgres | undefined;
let fake: FakeDiscord;
let gatewayBot: BotProcess;
let webReplica: BotProcess;
let otherReplica: BotProcess;
let content: ReturnType<typeof scheduleContent>;
let endpoint: string;
let otherEndpoint: string;
let feedServer: FeedServer;

if (!POSTGRES_BIN) console.log(`Postgres end-to-end tests ${POSTGRES_SKIP_REASON}`);

const titles = (channelId: string): string[] => fake.messages(channelId).map((m) => String(((m.embeds as Json[])[0] ?? {}).title));
const overHttp = (on: boolean, url = endpoint): void => fake.deliverInteractionsOverHttp(on ? { url, privateKey: keys.privateKey } : null);
const ephemeral = async (handle: InteractionHandle): Promise<Json> => {
  const shown = await handle.visible(10_000);
  expect(Number(shown.flags ?? 0) & 64).toBe(64);
  return shown;
};

describe.skipIf(!POSTGRES_BIN)('DATABASE_URL: a gateway bot and an HTTP replica on one Postgres', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    const url = await cluster!.createDatabase('e2e');
    fake = await startFakeDiscord();
    feedServer = await startFeedServer();
    content = scheduleContent();
    const shared = { DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, DATABASE_URL: url, SCHEDULE_MIN_INTERVAL_SECONDS: '0', LOG_LEVEL: 'debug', FETCH_ALLOW_ADDRESSES: '127.0.0.1' };
    const env = (name: string, extra: Record<string, string> = {}): Record<string, string> =>
      botEnv(fake, { dir: content.dir, dbPath: join(content.dir, '..', name, 'briefing.db') }, { ...shared, ...extra });
    const deployed = await runScript('src/deploy.ts', env('deploy'));
    expect(deployed.code, deployed.stderr).toBe(0);
    gatewayBot = spawnBot(env('gateway'));
    webReplica = spawnBot(env('web', { ROLE: 'web', PORT: '0', HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: publicKeyHex }));
    otherReplica = spawnBot(env('web2', { ROLE: 'web', PORT: '0', HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: publicKeyHex }));
    await gatewayBot.waitForLog((l) => l.msg === 'bot ready', 30_000);
    const endpointOf = async (bot: BotProcess): Promise<string> => `http://127.0.0.1:${String((await bot.waitForLog((l) => l.msg === 'interactions endpoint listening', 30_000)).port)}/interactions`;
    endpoint = await endpointOf(webReplica);
    otherEndpoint = await endpointOf(otherReplica);
  }, 90_000);

  afterAll(async () => {
    for (const bot of [gatewayBot, webReplica, otherReplica]) if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await fake?.close();
    await feedServer?.close();
    await cluster?.stop();
    content?.cleanup();
  });

  it('the gateway bot\'s scheduler listens for changes announced by other processes', () => {
    expect(gatewayBot.logs().find((l) => l.msg === 'scheduler started')).toMatchObject({ listening: true });
    expect(webReplica.logs().some((l) => l.msg === 'scheduler started')).toBe(false);
  });

  it('a schedule added through one HTTP replica is listed through the other and through the gateway bot, each answer accepted inside Discord\'s 3 s window', async () => {
    overHttp(true);
    const add = fake.dispatchSubcommand('schedule', 'add', { channel: fake.channels.text, when: '* * * * * *' }, { member: 'admin' });
    expect(String((await ephemeral(add)).content)).toMatch(/^Schedule #1: /);
    for (const url of [otherEndpoint, undefined]) {
      if (url) overHttp(true, url);
      else overHttp(false);
      const h = fake.dispatchSubcommand('schedule', 'list', {}, { member: 'admin' });
      expect(JSON.stringify((await ephemeral(h)).embeds)).toContain(`<#${fake.channels.text}>`);
      expect((await h.response()).status).toBe(200); // the fake, like Discord, refuses an answer after 3 s
    }
    expect((await add.response()).status).toBe(200);
  });

  it('the gateway bot\'s scheduler, woken by NOTIFY, posts the newest article once, then a new one once', async () => {
    await fake.waitForMessages(fake.channels.text, 1, 10_000);
    await moreRuns(gatewayBot, 1, 2);
    expect(titles(fake.channels.text)).toEqual(['fr-plan headline 3']);
    const title = content.drop('ar-new', 'ar', 12);
    await fake.waitForMessages(fake.channels.text, 2, 10_000);
    await moreRuns(gatewayBot, 1, 2);
    expect(titles(fake.channels.text)).toEqual(['fr-plan headline 3', title]);
  });

  it('a schedule paused through the gateway bot shows as paused through the replica', async () => {
    overHttp(false);
    expect(String((await ephemeral(fake.dispatchSubcommand('schedule', 'pause', { id: '1' }, { member: 'admin' }))).content)).toMatch(/^Schedule #1 paused/);
    overHttp(true);
    const list = await ephemeral(fake.dispatchSubcommand('schedule', 'list', {}, { member: 'admin' }));
    expect(JSON.stringify(list.embeds)).toMatch(/paused/i);
    overHttp(false);
  });

  it.each([
    ['Arabic', 'ar', 'مجلس المدينة يوافق على خطة النقل'],
    ['English', 'en', 'Council backs the transit plan'],
    ['French', 'fr', 'Le conseil adopte le plan de transport'],
  ])('a %s feed added through an HTTP replica is in Postgres: its newest item posted once, listed and paused through the gateway bot; resumed through a replica, the bot (woken by NOTIFY) posts the next item once', async (_lang, lang, headline) => {
    const path = `/${lang}.xml`;
    const items = [1, 2].map((n) => ({ guid: `${lang}-${n}`, link: `${feedServer.base}/${lang}/${n}`, title: `${headline} ${n}`, date: new Date(Date.UTC(2026, 1, n)).toUTCString(), text: `${headline}. « ${n} » "${n}" said the mayor.` }));
    feedServer.routes.set(path, serve(rss(items.reverse())));
    const channel = fake.channels.announcement;
    const before = titles(channel).length;
    overHttp(true);
    const added = String((await ephemeral(fake.dispatchSubcommand('feed', 'add', { url: `${feedServer.base}${path}`, channel }, { member: 'admin' }))).content);
    const id = /^Feed #(\d+): /.exec(added)?.[1];
    expect(id, added).toBeDefined();
    await fake.waitForMessages(channel, before + 1, 10_000);
    expect(titles(channel).slice(before)).toEqual([`${headline} 2`]);
    overHttp(false);
    expect(JSON.stringify((await ephemeral(fake.dispatchSubcommand('feed', 'list', {}, { member: 'admin' }))).embeds)).toContain(`${feedServer.base}${path}`);
    expect(String((await ephemeral(fake.dispatchSubcommand('feed', 'pause', { feed: id! }, { member: 'admin' }))).content)).toMatch(new RegExp(`^Feed #${id} paused`));
    overHttp(true, otherEndpoint);
    expect(JSON.stringify((await ephemeral(fake.dispatchSubcommand('feed', 'list', {}, { member: 'admin' }))).embeds)).toMatch(/paused/i);
    // Resumed through a replica (which polls nothing): the gateway bot's poller, woken by NOTIFY, checks it and posts the new item once.
    feedServer.routes.set(path, serve(rss([{ ...items[0]!, guid: `${lang}-3`, link: `${feedServer.base}/${lang}/3`, title: `${headline} 3` }, ...items])));
    expect(String((await ephemeral(fake.dispatchSubcommand('feed', 'resume', { feed: id! }, { member: 'admin' }))).content)).toMatch(new RegExp(`^Feed #${id} .*resumed`));
    overHttp(false);
    await fake.waitForMessages(channel, before + 2, 10_000);
    expect(titles(channel).slice(before)).toEqual([`${headline} 2`, `${headline} 3`]);
  });

  it('sent only valid payloads', () => {
    expect(fake.handlerErrors).toEqual([]);
    assertAllValid(fake);
  });
});
