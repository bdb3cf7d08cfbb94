import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid, validatePayload } from '../support/discord-spec';
import { postSigned, startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../support/fake-discord';
import { botEnv, makeContentDir, runScript, spawnBot, type BotProcess } from './bot-harness';

type Json = Record<string, unknown>;

const EPHEMERAL = 64;
const keys = generateKeyPairSync('ed25519');
const forger = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

let fake: FakeDiscord;
let bot: BotProcess;
let content: ReturnType<typeof makeContentDir>;
let base: string;

const embedsOf = (data: Json): Array<{ description?: string; footer?: { text: string } }> => (data.embeds as never) ?? [];
const ping = (): string => JSON.stringify({ id: '1100000000000000500', application_id: '1100000000000000003', type: 1, token: 'ping-token', version: 1 });

/** The line only the user sees: an ephemeral reply, or the edit of an ephemeral deferral (a command that asks Discord first defers privately). */
async function ephemeralLine(handle: InteractionHandle): Promise<string> {
  const shown = await handle.visible();
  const callback = handle.record.callback;
  const flags = callback?.type === 5 ? Number(callback.data?.flags ?? 0) : Number(shown.flags ?? 0);
  expect(flags & EPHEMERAL).toBe(EPHEMERAL);
  return String(shown.content);
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  content = makeContentDir();
  const env = botEnv(fake, content, {
    DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, LOG_LEVEL: 'debug',
    ROLE: 'web', PORT: '0', HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: publicKeyHex, SCHEDULE_MIN_INTERVAL_SECONDS: '0',
  });
  const deployed = await runScript('src/deploy.ts', env);
  expect(deployed.code, deployed.stderr).toBe(0);
  bot = spawnBot(env);
  const listening = await bot.waitForLog((l) => l.msg === 'interactions endpoint listening', 30_000);
  base = `http://127.0.0.1:${String(listening.port)}`;
  fake.deliverInteractionsOverHttp({ url: `${base}/interactions`, privateKey: keys.privateKey });
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  content?.cleanup();
});

describe('ROLE=web: the HTTP interactions endpoint', () => {
  it('answers a signed PING with PONG, valid against Discord\'s spec', async () => {
    const answer = await postSigned(`${base}/interactions`, ping(), keys.privateKey);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ type: 1 });
    expect(validatePayload('InteractionCallbackRequest', answer.json)).toEqual([]);
  });

  it.each([
    ['a tampered body', { signedBody: ping().replace('"type":1', '"type":2') }],
    ['a stale timestamp (a replay 10 minutes later)', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
    ['a signature by another key', { signingKey: forger.privateKey }],
  ])('refuses %s with 401', async (_name, options) => {
    const answer = await postSigned(`${base}/interactions`, ping(), keys.privateKey, options);
    expect(answer.status).toBe(401);
  });

  it('refuses a request without signature headers with 401', async () => {
    const res = await fetch(`${base}/interactions`, { method: 'POST', body: ping(), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(401);
  });

  it('reports healthy to a load balancer, and 404 elsewhere', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });

  it.each([
    ['Arabic', 'lavrov-north-korea', 'الملخص'],
    ['English', 'en-bridge', 'Summary'],
    ['French', 'fr-pont', 'Résumé'],
  ])('answers /brief of the %s article in the HTTP response', async (_lang, article, label) => {
    const h = fake.dispatchCommand('brief', { article });
    const callback = await h.response();
    expect(callback).toMatchObject({ type: 4, status: 200 });
    expect(embedsOf(callback.data!)[0]!.description).toContain(label);
    expect(callback.data!.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('answers a user error with a one-line ephemeral message in the user\'s language', async () => {
    expect(await ephemeralLine(fake.dispatchCommand('brief', { article: 'no-such-article' }, { locale: 'fr' }))).toBe('Aucun article nommé `no-such-article` dans la bibliothèque.');
  });

  it('answers autocomplete in the HTTP response', async () => {
    const callback = await fake.dispatchAutocomplete('brief', 'article', 'زيارهُ وزير').response();
    expect(callback.type).toBe(8);
    expect((callback.data!.choices as Array<{ value: string }>).map((c) => c.value)).toContain('lavrov-north-korea');
  });

  it('answers /quote and its Next button (a component) in the HTTP response', async () => {
    const h = fake.dispatchCommand('quote');
    const shown = await h.visible();
    const next = (shown.components as Array<{ components: Array<{ custom_id: string; disabled?: boolean }> }>)[0]!.components[2]!;
    expect(next.disabled).toBeFalsy();
    const click = fake.dispatchButton(next.custom_id, { messageId: h.record.originalMessageId! });
    const callback = await click.response();
    expect(callback.type).toBe(7);
    expect(embedsOf(callback.data!)[0]!.description).not.toBe(embedsOf(shown)[0]!.description);
  });

  it('defers a slow command in the HTTP response and answers through the webhook routes', async () => {
    fake.setLatency(450); // the channel checks of /schedule add take over a second: the router defers
    try {
      const h = fake.dispatchSubcommand('schedule', 'add', { channel: fake.channels.announcement, when: '08:00' }, { member: 'admin' });
      const first = await h.response();
      expect(first.type, JSON.stringify(first.data)).toBe(5);
      expect(await ephemeralLine(h)).toMatch(/^Schedule #1: /);
    } finally {
      fake.setLatency(0);
    }
    const list = await fake.dispatchSubcommand('schedule', 'list', {}, { member: 'admin' }).visible();
    expect(JSON.stringify(list.embeds)).toContain(`<#${fake.channels.announcement}>`);
  });

  it.each([
    ['English', 'en-US', 'Unknown command /retired.'],
    ['French', 'fr', 'Commande /retired inconnue.'],
    ['Arabic', 'ar', 'الأمر `/retired` غير معروف.'],
  ])('answers a command it does not know (deployed commands out of date) with one ephemeral %s line', async (_lang, locale, line) => {
    expect(await ephemeralLine(fake.dispatchCommand('retired', {}, { locale }))).toBe(line);
  });

  it.each([
    ['English', 'en-US', 2, 'This bot does not support that action'],
    ['French', 'fr', 2, 'Ce bot ne prend pas en charge cette action'],
    ['Arabic', 'ar', 2, 'هذا الإجراء غير مدعوم'],
  ] as const)('answers a context-menu command (it offers none) with one ephemeral %s line', async (_lang, locale, kind, text) => {
    const line = await ephemeralLine(fake.dispatchContextMenu('Translate', kind, fake.users.member.id, { locale }));
    expect(line).toContain(text);
    expect(line).not.toContain('\n');
  });

  it.each([
    ['an interaction type it does not know', JSON.stringify({ id: '1100000000000000501', type: 42, token: 'new-kind', version: 1 }), {}, 400],
    ['malformed JSON after a valid signature', '{"id":"1100000000000000502","type":2,', {}, 400],
    ['a body that is not application/json', ping(), { contentType: 'text/plain' }, 415],
  ])('answers %s with a JSON %i and one warning, never a 500 or an error line', async (_name, body, options, status) => {
    const before = bot.logs().length;
    const answer = await postSigned(`${base}/interactions`, body, keys.privateKey, options);
    expect(answer).toMatchObject({ status, json: { error: expect.any(String) } });
    await expect.poll(() => bot.logs().slice(before).filter((l) => String(l.msg).startsWith(`interaction refused (${status})`)).length).toBe(1);
    expect(bot.logs().slice(before).filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(bot.output().stdout).not.toContain('new-kind');
  });

  it('never opened the gateway, and every answer and request is valid against Discord\'s spec', () => {
    expect(fake.gatewayStats.identifies).toBe(0);
    expect(fake.handlerErrors).toEqual([]);
    assertAllValid(fake);
  });

  it('stops on SIGTERM with exit code 0, the endpoint closed', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
