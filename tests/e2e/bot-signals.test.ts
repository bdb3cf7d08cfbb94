import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord';
import { botEnv, makeContentDir, ROOT, spawnBot } from './bot-harness';

let fake: FakeDiscord;
let content: ReturnType<typeof makeContentDir>;

beforeAll(async () => {
  // Gateway variants a faithful stand-in may send: READY without `application`, GUILD_CREATE without `members`.
  fake = await startFakeDiscord({ readyWithoutApplication: true, guildCreateMembers: false });
  content = makeContentDir();
});

afterAll(async () => {
  await fake?.close();
  content?.cleanup();
});

describe('npm start and signals to the whole process group', () => {
  it.each([['SIGTERM'], ['SIGINT']] as const)('shuts down cleanly on %s sent to the group: gateway closed with 1000, bot stopped with exit code 0', async (signal) => {
    const closesBefore = fake.gatewayCloses.length;
    const identifies = fake.gatewayStats.identifies;
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      detached: true, // its own process group, like a terminal or a container
      env: {
        PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '',
        ...botEnv(fake, content),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
    npm.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
    // npm itself dies of the signal (it does not forward it); the bot is done when the last holder of its output pipe exits.
    const finished = new Promise<void>((done) => npm.stdout!.on('close', () => done()));
    try {
      await fake.waitForIdentify(identifies + 1, 30_000);
      const until = Date.now() + 30_000;
      while (!output.includes('"bot ready"') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(output, output).toContain('"bot ready"');
      process.kill(-npm.pid!, signal);
      await finished;
      const close = await fake.waitForClose((c) => c.by === 'client' && fake.gatewayCloses.indexOf(c) >= closesBefore);
      expect(close.code).toBe(1000);
      expect(output, output).toContain('"bot stopped"');
      expect(output).toContain('"exitCode":0');
      expect(output, 'a clean stop is not a reconnect').not.toContain('"gateway reconnecting"');
      expect(output).not.toContain(fake.token);
      expect(output).not.toMatch(/"level":(50|60)/);
    } finally {
      // Whatever is left of the group (nothing, when the test passed: npm died of the signal, so its exitCode stays null).
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // ESRCH: the whole group is gone.
      }
    }
  });
});

describe('SIGTERM while the gateway is reconnecting', () => {
  it.each([
    ['a resumable drop', { code: 4000 }],
    ['an abrupt drop (no close frame, session gone)', { abrupt: true, resumable: false }],
  ] as const)('still exits 0 after %s', async (_name, drop) => {
    const bot = spawnBot(botEnv(fake, content));
    try {
      await bot.waitForLog((l) => l.msg === 'bot ready', 30_000);
      // New connections get no HELLO: the bot is stuck reconnecting when the signal comes.
      fake.holdGateway(true);
      fake.dropGateway(drop);
      await expect.poll(() => fake.gatewayWaitingForHello, { timeout: 10_000 }).toBeGreaterThan(0);
      bot.child.kill('SIGTERM');
      expect(await bot.exited, bot.output().stdout).toBe(0);
      expect(bot.output().stdout).toContain('"bot stopped"');
      expect(bot.output().stdout).not.toMatch(/"level":(50|60)/);
    } finally {
      fake.holdGateway(false);
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    }
  });
});
