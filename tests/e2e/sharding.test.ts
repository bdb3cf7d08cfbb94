import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { shardOfGuild, startFakeDiscord, type FakeDiscord } from '../support/fake-discord';
import { botEnv, runScript, spawnBot, type BotProcess } from './bot-harness';
import { moreRuns, scheduleContent } from './schedule-harness';

type Json = Record<string, unknown>;

let fake: FakeDiscord;
let bot: BotProcess;
let content: ReturnType<typeof scheduleContent>;

const titles = (channelId: string): string[] => fake.messages(channelId).map((m) => String(((m.embeds as Json[])[0] ?? {}).title));

beforeAll(async () => {
  // Discord recommends 2 shards and lets both identify at once.
  fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
  content = scheduleContent();
  const env = botEnv(fake, content, { DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, DISCORD_SHARDS: 'auto', SCHEDULE_MIN_INTERVAL_SECONDS: '0', LOG_LEVEL: 'debug' });
  const deployed = await runScript('src/deploy.ts', env);
  expect(deployed.code, deployed.stderr).toBe(0);
  bot = spawnBot(env);
  await bot.waitForLog((l) => l.msg === 'bot ready', 30_000);
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  content?.cleanup();
});

describe('DISCORD_SHARDS=auto: discord.js internal sharding', () => {
  it('asks Discord for the shard count and identifies both shards', () => {
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect([...fake.identifiedShards].sort()).toEqual([[0, 2], [1, 2]]);
  });

  it('answers an interaction of the guild, whose events come on shard 1', async () => {
    expect(shardOfGuild(fake.guildId, 2)).toBe(1);
    const h = fake.dispatchCommand('brief', { article: 'ar-plan' }, { locale: 'ar' });
    const shown = await h.visible();
    expect(String(((shown.embeds as Json[])[0] ?? {}).title)).toBe('ar-plan headline 1');
  });

  it('answers a DM interaction, which comes on shard 0', async () => {
    const shown = await fake.dispatchCommand('quote', { query: 'habitants' }, { context: 'dm', locale: 'fr' }).visible();
    expect(JSON.stringify(shown.embeds)).toContain('Ce plan va changer la vie des habitants');
  });

  it('runs one scheduler for the process, not one per shard: each article posted once', async () => {
    const added = await fake.dispatchSubcommand('schedule', 'add', { channel: fake.channels.text, when: '* * * * * *' }, { member: 'admin' }).visible();
    expect(String(added.content)).toMatch(/^Schedule #1/);
    await fake.waitForMessages(fake.channels.text, 1, 10_000);
    await moreRuns(bot, 1, 2);
    expect(titles(fake.channels.text)).toEqual(['fr-plan headline 3']);
    const title = content.drop('en-new', 'en', 10);
    await fake.waitForMessages(fake.channels.text, 2, 10_000);
    await moreRuns(bot, 1, 2);
    expect(titles(fake.channels.text).filter((t) => t === title)).toHaveLength(1);
    expect(bot.logs().filter((l) => l.msg === 'scheduler started')).toHaveLength(1);
  });

  it('sent only valid payloads', () => {
    expect(fake.handlerErrors).toEqual([]);
    assertAllValid(fake);
  });
});
