import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { Perm, startFakeDiscord, type FakeDiscord } from '../support/fake-discord';
import { botEnv, runScript, spawnBot, type BotProcess } from './bot-harness';
import { moreRuns, scheduleContent } from './schedule-harness';

type Json = Record<string, unknown>;

let fake: FakeDiscord;
let content: ReturnType<typeof scheduleContent>;
let bot: BotProcess;

const titles = (channelId: string): string[] => fake.messages(channelId).map((m) => String((m.embeds as Json[] | undefined)?.[0]?.title ?? ''));

beforeAll(async () => {
  // Discord's nonce window at zero on both sides: a re-send is never folded, only the history can tell.
  fake = await startFakeDiscord({ nonceWindowMs: 0 });
  content = scheduleContent();
  const env = botEnv(fake, content, {
    DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, LOG_LEVEL: 'debug',
    LIBRARY_RESCAN_SECONDS: '1', SCHEDULE_MIN_INTERVAL_SECONDS: '0', DELIVERY_NONCE_WINDOW_SECONDS: '0',
  });
  expect((await runScript('src/deploy.ts', env)).code).toBe(0);
  bot = spawnBot(env);
  await bot.waitForLog((l) => l.msg === 'bot ready', 30_000);
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  content?.cleanup();
});

describe('the running bot, an answer lost behind a 502 and no nonce folding', () => {
  it.each([
    ['ar', 24],
    ['en', 25],
    ['fr', 26],
  ] as const)('%s: the message Discord created is found in the history, and posted exactly once', async (language, day) => {
    if (language === 'ar') {
      const shown = await fake.dispatchSubcommand('schedule', 'add', { channel: fake.channels.text, when: '* * * * * *' }, { member: 'admin' }).visible(10_000);
      expect(String(shown.content)).toMatch(/Schedule #1/);
      await fake.waitForMessages(fake.channels.text, 1, 10_000);
    }
    const before = fake.messages(fake.channels.text).length;
    fake.failNext({ method: 'POST', route: '/channels/{channel_id}/messages' }, { status: 502, message: '502: Bad Gateway', afterHandling: true });
    const title = content.drop(`${language}-lost`, language, day);
    await fake.waitForMessages(fake.channels.text, before + 1, 15_000);
    await moreRuns(bot, 1, 3);
    expect(titles(fake.channels.text).filter((t) => t === title)).toHaveLength(1);
    expect(fake.messages(fake.channels.text)).toHaveLength(before + 1);
    expect(fake.requests.some((r) => r.method === 'GET' && r.route === '/channels/{channel_id}/messages')).toBe(true);
  }, 60_000);

  it('without Read Message History the lost post is marked uncertain, not posted again, and /schedule list says so', async () => {
    const channel = fake.channels.announcement;
    fake.setOverwrites(channel, [{ id: fake.botUserId, type: 1, allow: '0', deny: String(Perm.ReadMessageHistory) }]);
    const added = await fake.dispatchSubcommand('schedule', 'add', { channel, when: '* * * * * *' }, { member: 'admin' }).visible(10_000);
    expect(String(added.content)).toMatch(/Schedule #2/);
    await fake.waitForMessages(channel, 1, 10_000);
    fake.failNext({ method: 'POST', path: `/channels/${channel}/messages` }, { status: 502, message: '502: Bad Gateway', afterHandling: true });
    const title = content.drop('ar-uncertain', 'ar', 27);
    await fake.waitForMessages(channel, 2, 15_000);
    await moreRuns(bot, 2, 3);
    expect(titles(channel).filter((t) => t === title)).toHaveLength(1);
    // The bot knows from the gateway (CHANNEL_UPDATE) that it may not read the history: it does not even ask.
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${channel}/messages`)).toBe(false);
    const list = await fake.dispatchSubcommand('schedule', 'list', {}, { member: 'admin' }).visible(10_000);
    expect(String((list.embeds as Json[])[0]?.description)).toMatch(/\*\*#2\*\*.*❓ 1 post uncertain/);
  }, 60_000);

  it('every request was valid against Discord’s OpenAPI spec', () => {
    assertAllValid(fake);
  });
});
