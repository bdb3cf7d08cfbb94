import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle, type InvokeContext } from '../support/fake-discord';
import { botEnv, makeContentDir, runScript, spawnBot, type BotProcess } from './bot-harness';

/**
 * ROLE=web against a stand-in with verbose answers (an unknown field in every
 * object of every REST answer, `/users/@me` included, and of every signed
 * interaction; bucket-only rate-limit headers): the interaction variants of
 * the gateway bot (locales, DMs, fields left out, garbage buttons) answered
 * once over HTTP, valid against Discord's spec, nothing logged as an error.
 */
type Json = Record<string, unknown>;
const EPHEMERAL = 64;
const keys = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

let fake: FakeDiscord;
let bot: BotProcess;
let content: ReturnType<typeof makeContentDir>;

beforeAll(async () => {
  fake = await startFakeDiscord({ unknownFields: true, rateLimitHeaders: 'bucket' });
  content = makeContentDir();
  const env = botEnv(fake, content, {
    DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, LOG_LEVEL: 'info',
    ROLE: 'web', PORT: '0', HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: publicKeyHex,
  });
  const deployed = await runScript('src/deploy.ts', env);
  expect(deployed.code, deployed.stderr).toBe(0);
  bot = spawnBot(env);
  const listening = await bot.waitForLog((l) => l.msg === 'interactions endpoint listening', 30_000);
  fake.deliverInteractionsOverHttp({ url: `http://127.0.0.1:${String(listening.port)}/interactions`, privateKey: keys.privateKey });
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  content?.cleanup();
});

/** The one visible answer of `h`, shown once. */
async function answeredOnce(h: InteractionHandle): Promise<Json> {
  const shown = await h.visible(10_000);
  expect(h.record.rejectedCallbacks).toEqual([]);
  expect(h.followUps()).toEqual([]);
  return shown;
}

describe('ROLE=web against a stand-in with verbose answers', () => {
  it.each([
    ['Arabic locale', { locale: 'ar' }, 'lavrov-north-korea', 'الملخص'],
    ['French locale', { locale: 'fr' }, 'fr-pont', 'Résumé'],
    ['no locale', { omit: ['locale', 'guild_locale'] }, 'en-bridge', 'Summary'],
    ['no entitlements, app_permissions or channel object', { omit: ['entitlements', 'app_permissions', 'channel'] }, 'fr-pont', 'Résumé'],
    ['a DM (no guild_id, user instead of member)', { context: 'dm', locale: 'fr' }, 'lavrov-north-korea', 'الملخص'],
  ] as Array<[string, InvokeContext, string, string]>)('/brief answers over HTTP with %s', async (_name, ctx, article, heading) => {
    const shown = await answeredOnce(fake.dispatchCommand('brief', { article }, ctx));
    expect(JSON.stringify(shown.embeds)).toContain(heading);
    expect(shown.allowed_mentions).toMatchObject({ parse: [] });
  });

  it.each([
    ['no options', {}, 'en-US'],
    ['no options, no locale', { omit: ['locale'] }, undefined],
  ] as Array<[string, InvokeContext, string | undefined]>)('/quote answers over HTTP with %s', async (_name, ctx, locale) => {
    const shown = await answeredOnce(fake.dispatchCommand('quote', {}, { ...ctx, ...(locale ? { locale } : {}) }));
    expect((shown.embeds as unknown[]).length).toBeGreaterThan(0);
  });

  it('autocompletes the focused option in a DM without locale', async () => {
    const cb = await fake.dispatchAutocomplete('brief', 'article', 'pont', {}, { context: 'dm', omit: ['locale'] }).response();
    expect(cb.type).toBe(8);
    expect((cb.data!.choices as Array<{ value: string }>).map((c) => c.value)).toContain('fr-pont');
  });

  it.each([
    ['another version’s id', 'quote:v0:abc:2', 'en-US', 'expired'],
    ['garbage', '\u0000<script>', 'ar', ''],
  ])('a button with %s gets a one-line ephemeral message', async (_name, customId, locale, word) => {
    const search = fake.dispatchCommand('quote', {}, { locale });
    await search.visible();
    const shown = await answeredOnce(fake.dispatchButton(customId, { messageId: search.record.originalMessageId!, locale }));
    expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(shown.content)).not.toContain('\n');
    expect(String(shown.content)).toContain(word);
  });

  it('logged no error, never the token, and every answer is valid against Discord’s spec', () => {
    expect(fake.handlerErrors).toEqual([]);
    assertAllValid(fake);
    expect(bot.logs().filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(bot.output().stdout + bot.output().stderr).not.toContain(fake.token);
  });
});
