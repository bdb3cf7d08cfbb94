import { existsSync, unlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle, type OptionInput } from '../support/fake-discord';
import { botEnv, runScript, spawnBot, type BotProcess } from './bot-harness';
import { moreRuns, scheduleContent } from './schedule-harness';

type Json = Record<string, unknown>;
const EVERY_SECOND = '* * * * * *';

let fake: FakeDiscord;
let content: ReturnType<typeof scheduleContent>;
let env: Record<string, string>;
const bots: BotProcess[] = [];

const schedule = (sub: string, options: OptionInput = {}): InteractionHandle => fake.dispatchSubcommand('schedule', sub, options, { member: 'admin' });
const titles = (channelId: string): string[] => fake.messages(channelId).map((m) => String((m.embeds as Json[] | undefined)?.[0]?.title ?? ''));

async function startBot(): Promise<BotProcess> {
  const bot = spawnBot(env);
  bots.push(bot);
  await bot.waitForLog((l) => l.msg === 'bot ready', 30_000);
  return bot;
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  content = scheduleContent();
  env = botEnv(fake, content, { DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, LOG_LEVEL: 'debug', LIBRARY_RESCAN_SECONDS: '1', SCHEDULE_MIN_INTERVAL_SECONDS: '0' });
  const deployed = await runScript('src/deploy.ts', env);
  expect(deployed.code, deployed.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  content?.cleanup();
});

describe('two bot processes on one DATABASE_PATH', () => {
  let first: BotProcess;

  it('the second refuses to start with one line naming the database file, and posts nothing', async () => {
    first = await startBot();
    for (const channel of [fake.channels.text, fake.channels.announcement]) {
      const shown = await schedule('add', { channel, when: EVERY_SECOND }).visible(10_000);
      expect(String(shown.content)).toMatch(/Schedule #\d/);
    }
    await fake.waitForMessages(fake.channels.announcement, 1, 10_000);
    const second = spawnBot(env);
    bots.push(second);
    expect(await second.exited).toBe(1);
    const stderr = second.output().stderr.trim();
    expect(stderr).toBe(`Start-up failed: Database ${content.dbPath}: in use by another running Briefing instance (${content.dbPath}.lock is locked); only one instance may run on a database file`);
  }, 60_000);

  it('each article dropped afterwards goes to each channel exactly once', async () => {
    const dropped = [content.drop('ar-two', 'ar', 20), content.drop('en-two', 'en', 21), content.drop('fr-two', 'fr', 22)];
    for (const channel of [fake.channels.text, fake.channels.announcement]) await fake.waitForMessages(channel, 4, 15_000);
    await moreRuns(first, 1, 3);
    for (const channel of [fake.channels.text, fake.channels.announcement]) {
      expect(titles(channel).slice(1)).toEqual(dropped);
      expect(new Set(titles(channel)).size).toBe(titles(channel).length);
    }
  }, 60_000);

  it('after the first is killed with SIGKILL, the next one starts at once and carries on, still once each', async () => {
    first.child.kill('SIGKILL');
    await first.exited;
    const next = await startBot();
    const title = content.drop('fr-after', 'fr', 23);
    for (const channel of [fake.channels.text, fake.channels.announcement]) await fake.waitForMessages(channel, 5, 15_000);
    await moreRuns(next, 1, 2);
    for (const channel of [fake.channels.text, fake.channels.announcement]) {
      expect(titles(channel).filter((t) => t === title)).toHaveLength(1);
      expect(new Set(titles(channel)).size).toBe(titles(channel).length);
      expect(titles(channel)).toHaveLength(5);
    }
  }, 60_000);

  it('the database file deleted under the running bot is noticed, written back, and a restart still has every schedule and delivery', async () => {
    const running = bots.at(-1)!;
    unlinkSync(content.dbPath);
    const line = await running.waitForLog((l) => typeof l.msg === 'string' && l.msg.includes('was deleted or replaced while the bot ran'), 15_000);
    expect(line).toMatchObject({ level: 50, path: content.dbPath });
    expect(existsSync(content.dbPath)).toBe(true);
    const title = content.drop('en-after-delete', 'en', 24);
    for (const channel of [fake.channels.text, fake.channels.announcement]) await fake.waitForMessages(channel, 6, 15_000);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const restarted = await startBot();
    const list = await schedule('list').visible(10_000);
    expect(String((list.embeds as Json[])[0]?.description)).toMatch(/\*\*#1\*\*[\s\S]*\*\*#2\*\*/);
    await moreRuns(restarted, 1, 2);
    for (const channel of [fake.channels.text, fake.channels.announcement]) {
      expect(titles(channel).filter((t) => t === title)).toHaveLength(1);
      expect(titles(channel)).toHaveLength(6);
    }
    assertAllValid(fake);
  }, 90_000);
});
