import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord';
import { botEnv, makeContentDir, spawnBot, type BotProcess } from './bot-harness';

/**
 * Gateway closes the bot cannot recover from (bad token, disallowed intents):
 * the process started as `npm start` does exits 1 with one line that names
 * what to fix, on stderr and as the one fatal log line, and never prints the
 * token; at start-up and when they come later (a token reset while running).
 */
let fake: FakeDiscord;
let content: ReturnType<typeof makeContentDir>;
let bot: BotProcess | undefined;

beforeAll(async () => {
  fake = await startFakeDiscord();
  content = makeContentDir();
});

afterEach(() => {
  fake.rejectIdentify(null);
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  bot = undefined;
});

afterAll(async () => {
  await fake?.close();
  content?.cleanup();
});

/** The bot's exit code, its stderr and its fatal log lines, once it has exited. */
async function exitOf(b: BotProcess): Promise<{ code: number | string; stderr: string; fatal: string[]; all: string }> {
  const code = await b.exited;
  const { stdout, stderr } = b.output();
  return { code, stderr, fatal: b.logs().filter((l) => l.level === 60).map((l) => String(l.msg)), all: stdout + stderr };
}

describe('at start-up', () => {
  it.each([
    ['4004 (authentication failed) on IDENTIFY', 4004, undefined, /token.*DISCORD_TOKEN/],
    ['4014 (disallowed intents) on IDENTIFY', 4014, undefined, /intents Guilds .*4014.*Developer Portal/],
    ['401 on GET /gateway/bot (a wrong token)', null, 'not-the-token', /refused the bot token \(401 Unauthorized\): check DISCORD_TOKEN/],
  ] as const)('exits 1 with one line naming what to fix after %s', async (_name, code, token, expected) => {
    fake.rejectIdentify(code);
    bot = spawnBot(botEnv(fake, content, token ? { DISCORD_TOKEN: token } : {}));
    const out = await exitOf(bot);
    expect(out.code).toBe(1);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(expected);
    expect(out.fatal).toHaveLength(1);
    expect(out.fatal[0]).toMatch(expected);
    expect(out.all).not.toContain(fake.token);
    if (token) expect(out.all).not.toContain(token);
    expect(out.all).not.toMatch(/\n\s+at /);
  });
});

describe('while running', () => {
  it('exits 1 with one line when a re-identify is refused with 4004 (the token was reset)', async () => {
    bot = spawnBot(botEnv(fake, content));
    await bot.waitForLog((l) => l.msg === 'bot ready', 30_000);
    fake.rejectIdentify(4004);
    fake.dropGateway({ resumable: false });
    const out = await exitOf(bot);
    expect(out.code).toBe(1);
    expect(out.fatal).toEqual([expect.stringMatching(/refused the bot token .*check DISCORD_TOKEN/)]);
    expect(out.all).not.toContain(fake.token);
    expect(out.all).toContain('"bot stopped"');
  });
});

describe('GET /gateway/bot near the end of its session_start_limit', () => {
  let limited: FakeDiscord | undefined;

  afterEach(async () => {
    await limited?.close();
    limited = undefined;
  });

  it('starts both recommended shards with exactly two session starts left', async () => {
    limited = await startFakeDiscord({ shards: 2, maxConcurrency: 2, sessionStartRemaining: 2, sessionResetAfterMs: 60_000 });
    bot = spawnBot(botEnv(limited, content, { DISCORD_SHARDS: 'auto' }));
    await bot.waitForLog((l) => l.msg === 'bot ready', 30_000);
    expect([...limited.identifiedShards].sort()).toEqual([[0, 2], [1, 2]]);
  });

  it.each([
    ['2 shards recommended, 1 session start left', { shards: 2, maxConcurrency: 2, sessionStartRemaining: 1 }, { DISCORD_SHARDS: 'auto' }],
    ['unsharded, no session start left', { sessionStartRemaining: 0 }, {}],
  ] as const)('exits 1 with one line saying when the limit resets: %s', async (_name, options, env) => {
    limited = await startFakeDiscord({ ...options, sessionResetAfterMs: 3_600_000 });
    bot = spawnBot(botEnv(limited, content, env));
    const out = await exitOf(bot);
    expect(out.code).toBe(1);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/remaining.*resets at \d{4}-\d\d-\d\dT/);
    expect(limited.gatewayStats.identifies).toBe(0);
    expect(out.all).not.toContain(limited.token);
  });
});
