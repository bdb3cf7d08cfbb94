import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Routes } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeployRest, deployCommands, DEPLOY_EXIT, type DeployOutcome } from '../src/deploy/commands';
import { loadCommands } from '../src/discord/load-commands';
import { startFakeDiscord, type FakeDiscord, type FaultSpec } from './support/fake-discord';
import { botEnv, makeContentDir, runScript } from './e2e/bot-harness';

/**
 * `npm run deploy` against what Discord can answer a bulk overwrite: the
 * list, no body, a 429 to wait out or too long to wait, a 4xx with its error
 * body, 5xx, no answer, no connection. Always one line, an exit code that
 * says what to do, never the token.
 */
let fake: FakeDiscord;
let commands: Array<{ name: string }>;
const REST_TIMEOUT_MS = 500;

beforeAll(async () => {
  fake = await startFakeDiscord();
  commands = [...(await loadCommands()).values()].map((command) => command.data as { name: string });
});
afterAll(() => fake?.close());
afterEach(() => {
  expect(fake.pendingFaults).toBe(0);
  expect(fake.handlerErrors).toEqual([]);
});

const guildRoute = (): `/${string}` => Routes.applicationGuildCommands(fake.applicationId, fake.guildId);
const puts = (): number => fake.requests.filter((r) => r.method === 'PUT').length;

/** Deploy to the fake's guild through the deploy script's REST client; the waits it announced. */
async function deploy(token = fake.token, apiUrl = fake.apiUrl): Promise<DeployOutcome & { waits: number[] }> {
  const waits: number[] = [];
  const rest = createDeployRest({ token, apiUrl, timeoutMs: REST_TIMEOUT_MS, onWait: (s) => waits.push(s) });
  const outcome = await deployCommands({ rest, route: guildRoute(), commands, guildId: fake.guildId, apiUrl });
  return { ...outcome, waits };
}

function expectOneCleanLine(outcome: DeployOutcome): void {
  expect(outcome.line).not.toContain('\n');
  expect(outcome.line).not.toContain(fake.token);
}

const PUT = { method: 'PUT' };

describe('npm run deploy: what Discord answers the bulk overwrite', () => {
  it.each([
    ['the registered list', undefined, 1, /^Deployed 4 command\(s\) to guild \d+: \/brief, \/feed, \/quote, \/schedule$/],
    ['204 with no body', { status: 204, emptyBody: true }, 1, /^Deployed 4 command\(s\) .*without listing them back\)$/],
    ['200 with an empty body', { status: 200, emptyBody: true }, 1, /^Deployed 4 command\(s\) .*without listing them back\)$/],
    ['a 429 asking to wait 0.3 s (headers and body)', { status: 429, retryAfter: 0.3 }, 2, /^Deployed 4 command\(s\)/],
    ['a 429 whose wait is only in its body', { status: 429, retryAfter: 0.2, retryAfterIn: 'body' }, 2, /^Deployed 4 command\(s\)/],
    ['one answer later than the REST timeout (retried; the overwrite is idempotent)', { status: 200, delayMs: REST_TIMEOUT_MS * 3 }, 2, /^Deployed 4 command\(s\)/],
  ] as Array<[string, FaultSpec | undefined, number, RegExp]>)('deploys on %s: exit 0, one line', async (_name, fault, requests, line) => {
    const before = puts();
    if (fault) fake.failNext(PUT, fault);
    const outcome = await deploy();
    expect(outcome.code).toBe(DEPLOY_EXIT.ok);
    expect(outcome.line).toMatch(line);
    expectOneCleanLine(outcome);
    expect(puts() - before).toBe(requests);
    expect(fake.commands(fake.guildId).map((c) => c.name).sort()).toEqual(commands.map((c) => c.name).sort());
    if (fault?.status === 429) expect(outcome.waits.length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['a 429 asking to wait 2 minutes', { status: 429, retryAfter: 120 }, 1, DEPLOY_EXIT.retryLater, /rate-limits command updates .*run it again in 120 s$/],
    ['a global 429 asking to wait an hour', { status: 429, retryAfter: 3600, scope: 'global' }, 1, DEPLOY_EXIT.retryLater, /\(global limit\).*3600 s$/],
    ['400 Invalid Form Body', { status: 400, code: 50035, message: 'Invalid Form Body\n0.name[APPLICATION_COMMAND_INVALID_NAME]: bad name' }, 1, DEPLOY_EXIT.refused, /refused the commands \(400, code 50035\): Invalid Form Body; 0\.name\[APPLICATION_COMMAND_INVALID_NAME\]: bad name$/],
    ['403 Missing Access (bot not in the guild)', { status: 403, code: 50001 }, 1, DEPLOY_EXIT.refused, /\(403, code 50001\): Missing Access: check DISCORD_GUILD_ID, and that the bot was invited/],
    ['404 Unknown Application', { status: 404, code: 10002, message: 'Unknown Application' }, 1, DEPLOY_EXIT.refused, /Unknown Application: check DISCORD_CLIENT_ID/],
    ['5xx on every attempt', { status: 502 }, 4, DEPLOY_EXIT.retryLater, /Discord answered 502 .*run it again later$/],
    ['no answer within the REST timeout, every attempt', { status: 200, delayMs: REST_TIMEOUT_MS * 3 }, 4, DEPLOY_EXIT.retryLater, /no answer from http:\/\/127\.0\.0\.1:\d+ within DISCORD_REST_TIMEOUT_MS/],
    ['the connection reset on every attempt', { status: 0, reset: true }, 4, DEPLOY_EXIT.retryLater, /could not reach http:\/\/127\.0\.0\.1:\d+ \(\w+\); check the network and DISCORD_API_URL$/],
  ] as Array<[string, FaultSpec, number, number, RegExp]>)('fails on %s with one line and the exit code that says what to do', async (_name, fault, times, code, line) => {
    const before = puts();
    fake.failNext(PUT, fault, times);
    const outcome = await deploy();
    expect(outcome.code).toBe(code);
    expect(outcome.line).toMatch(/^Deploy failed: /);
    expect(outcome.line).toMatch(line);
    expectOneCleanLine(outcome);
    expect(puts() - before).toBe(times);
  }, 20_000);

  it('a wrong token: exit 2, the line says to check DISCORD_TOKEN and never shows it', async () => {
    const wrong = 'MTEwMDAwMDAwMDAwMDAwMDAwMw.wrong-token.abcdefghij';
    const outcome = await deploy(wrong);
    expect(outcome).toMatchObject({ code: DEPLOY_EXIT.refused, line: expect.stringMatching(/\(401\).*check DISCORD_TOKEN/) });
    expect(outcome.line).not.toContain(wrong);
  });

  it('nothing listening at DISCORD_API_URL: exit 3, names the address, not the token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await deploy(fake.token, `http://127.0.0.1:${port}/api`);
    expect(outcome).toMatchObject({ code: DEPLOY_EXIT.retryLater, line: `Deploy failed: could not reach http://127.0.0.1:${port} (ECONNREFUSED); check the network and DISCORD_API_URL` });
  }, 20_000);
});

describe('the npm run deploy script', () => {
  it.each([
    ['deployed', undefined, 0, 'stdout', /^Deployed 4 command\(s\) to guild \d+: \/brief, \/feed, \/quote, \/schedule\n$/],
    ['refused', { status: 400, code: 50035, message: 'Invalid Form Body\n0.description[BASE_TYPE_REQUIRED]: required' }, 2, 'stderr', /^Deploy failed: Discord refused the commands \(400, code 50035\): Invalid Form Body; 0\.description\[BASE_TYPE_REQUIRED\]: required\n$/],
    ['rate-limited for long', { status: 429, retryAfter: 600 }, 3, 'stderr', /^Deploy failed: Discord rate-limits command updates \(user limit\); nothing changed, run it again in 600 s\n$/],
  ] as Array<[string, FaultSpec | undefined, number, 'stdout' | 'stderr', RegExp]>)('%s: its exit code and one line on the right stream, never the token', async (_name, fault, code, stream, line) => {
    const content = makeContentDir();
    try {
      if (fault) fake.failNext(PUT, fault);
      const env = botEnv(fake, content, { DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, DISCORD_REST_TIMEOUT_MS: '2000' });
      const run = await runScript('src/deploy.ts', env);
      expect(run.code, run.stderr).toBe(code);
      expect(run[stream]).toMatch(line);
      expect(run[stream === 'stdout' ? 'stderr' : 'stdout']).toBe('');
      expect(run.stdout + run.stderr).not.toContain(fake.token);
    } finally {
      content.cleanup();
    }
  }, 30_000);
});
