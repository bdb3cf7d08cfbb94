import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { UNKNOWN_FIELD, type FakeDiscord, type FakeDiscordOptions, type InteractionHandle, type InvokeContext } from '../support/fake-discord';
import { FIXTURES } from './bot-harness';
import { startApp, type AppUnderTest } from './app-harness';

/**
 * The bot composed in-process (real discord.js client) against the fake
 * switched to legal variations of Discord's behaviour that a stand-in written
 * by others may show: sparse answers (READY with four fields, no members in
 * GUILD_CREATE, bucket-only rate-limit headers) and verbose ones (an unknown
 * field in every object, every rate-limit header). In each, every interaction
 * variant is answered once, correctly or with a one-line message, every
 * payload is valid against Discord's OpenAPI spec, and nothing is logged as
 * an error.
 */
type Json = Record<string, unknown>;
const EPHEMERAL = 64;
const files: Record<string, string> = {
  ...FIXTURES,
  'lavrov-north-korea.txt': readFileSync(join(__dirname, '../../content/lavrov-north-korea.txt'), 'utf8'),
};
delete files['huge.md'];

type World = FakeDiscordOptions & { callbackAlwaysWithResponse?: boolean };
const WORLDS: Array<[string, World]> = [
  ['sparse answers', { readyMinimal: true, guildCreateSparse: true, guildCreateMembers: false, rateLimitHeaders: 'bucket', sparseMessages: true, heartbeatIntervalMs: 400 }],
  ['verbose answers', { unknownFields: true, rateLimitHeaders: 'full', callbackAlwaysWithResponse: true, heartbeatIntervalMs: 400 }],
];

const textOf = (shown: Json): string => JSON.stringify([shown.content ?? '', shown.embeds ?? []]);

describe.each(WORLDS)('a stand-in with %s', (_world, fakeOptions) => {
  let t: AppUnderTest;

  beforeAll(async () => {
    t = await startApp({ files, fake: fakeOptions });
    // An interaction callback answered with its `with_response` body (200) though not asked for, as some stand-ins do.
    if (fakeOptions.callbackAlwaysWithResponse) t.fake.setCallbackAlwaysWithResponse(true);
  }, 60_000);

  afterAll(async () => {
    const lines = t?.lines ?? [];
    await t?.stop();
    expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain(t.fake.token);
  });

  /** The one visible answer of `h`: shown once (no second callback, no follow-up) and valid. */
  async function answeredOnce(h: InteractionHandle): Promise<Json> {
    const shown = await h.visible(10_000);
    expect(h.record.rejectedCallbacks).toEqual([]);
    expect(h.followUps()).toEqual([]);
    expect(shown.allowed_mentions ?? (h.record.callback?.type === 5 ? h.edits()[0]?.allowed_mentions : undefined)).toMatchObject({ parse: [] });
    assertAllValid(t.fake);
    expect(t.fake.handlerErrors).toEqual([]);
    return shown;
  }

  it.each([
    ['Arabic locale', { locale: 'ar' }, 'lavrov-north-korea', 'الملخص'],
    ['French locale', { locale: 'fr' }, 'fr-pont', 'Résumé'],
    ['en-US locale', { locale: 'en-US' }, 'en-bridge', 'Summary'],
    ['no locale at all', { omit: ['locale', 'guild_locale'] }, 'en-bridge', 'Summary'],
    ['no app_permissions', { omit: ['app_permissions'] }, 'fr-pont', 'Résumé'],
    ['no guild or channel objects (channel_id alone)', { omit: ['guild', 'channel', 'context'] }, 'fr-pont', 'Résumé'],
    ['no entitlements', { omit: ['entitlements'], locale: 'ar' }, 'lavrov-north-korea', 'الملخص'],
    ['a DM (no guild_id, user instead of member)', { context: 'dm', locale: 'ar' }, 'en-bridge', 'Summary'],
    ['a DM without locale or entitlements', { context: 'dm', omit: ['locale', 'entitlements'] }, 'lavrov-north-korea', 'الملخص'],
  ] as Array<[string, InvokeContext, string, string]>)('/brief answers with %s', async (_name, ctx, article, heading) => {
    const shown = await answeredOnce(t.fake.dispatchCommand('brief', { article }, ctx));
    expect(textOf(shown)).toContain(heading);
  });

  it.each([
    ['Arabic', 'ar', 'أحدث'],
    ['French', 'fr', ''],
    ['no locale', undefined, ''],
  ])('/brief with its options absent answers (%s) with the newest article', async (_name, locale, _word) => {
    const h = t.fake.dispatchCommand('brief', {}, locale ? { locale } : { omit: ['locale'] });
    const shown = await answeredOnce(h);
    expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(0);
    expect((shown.embeds as unknown[] | undefined)?.length ?? 0).toBeGreaterThan(0);
  });

  it.each([
    ['in the server', {}],
    ['in a DM', { context: 'dm' }],
    ['without locale', { omit: ['locale', 'app_permissions'] }],
  ] as Array<[string, InvokeContext]>)('autocompletes the focused option %s', async (_name, ctx) => {
    const cb = await t.fake.dispatchAutocomplete('brief', 'article', 'bridge', {}, ctx).response(10_000);
    expect(cb.type).toBe(8);
    expect((cb.data!.choices as Array<{ value: string }>).map((c) => c.value)).toContain('en-bridge');
  });

  it.each([
    ['another version’s id', 'quote:v0:abc:2', 'en-US', 'expired'],
    ['garbage', '%%%not-an-id%%%', 'fr', 'expir'],
    ['an empty command part', ':::', 'ar', 'انتهت صلاحية'],
  ])('a button with %s gets a one-line ephemeral message', async (_name, customId, locale, word) => {
    const search = t.fake.dispatchCommand('quote', {}, { locale });
    await search.visible(10_000);
    const shown = await answeredOnce(t.fake.dispatchButton(customId, { messageId: search.record.originalMessageId!, locale }));
    expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(shown.content)).not.toContain('\n');
    expect(String(shown.content)).toContain(word);
  });

  it.each([
    ['op 7 RECONNECT', 'resume', (f: FakeDiscord) => f.requestReconnect()],
    ['op 9 INVALID_SESSION, resumable', 'resume', (f: FakeDiscord) => f.invalidateSession(true)],
    ['op 9 INVALID_SESSION, not resumable', 'identify', (f: FakeDiscord) => f.invalidateSession(false)],
    ['close 4000 (unknown error)', 'resume', (f: FakeDiscord) => f.dropGateway({ code: 4000 })],
    ['close 1001 (going away)', 'resume', (f: FakeDiscord) => f.dropGateway({ code: 1001 })],
    ['a connection cut without a close frame, session gone', 'identify', (f: FakeDiscord) => f.dropGateway({ abrupt: true, resumable: false })],
    ['a missing heartbeat ACK (zombie connection)', 'resume', (f: FakeDiscord) => f.skipHeartbeatAcks(1)],
    ['dispatch events it has never heard of', 'stays', (f: FakeDiscord) => {
      f.dispatchEvent('STAND_IN_FUTURE_EVENT', { id: '1', guild_id: f.guildId });
      f.dispatchEvent('GUILD_AUDIT_LOG_ENTRY_CREATE', { id: '2', guild_id: f.guildId, action_type: 1 });
    }],
  ] as Array<[string, 'resume' | 'identify' | 'stays', (f: FakeDiscord) => void]>)('after %s the bot comes back (%s) and answers once', async (_name, how, event) => {
    const { resumes, identifies } = t.fake.gatewayStats;
    const logged = (msg: string): number => t.lines.filter((l) => l.msg === msg).length;
    const [reconnecting, resumed, started] = [logged('gateway reconnecting'), logged('gateway resumed'), logged('gateway session started')];
    event(t.fake);
    if (how === 'resume') await t.fake.waitForResumed(resumes + 1, 20_000);
    else if (how === 'identify') await t.fake.waitForIdentify(identifies + 1, 20_000);
    // The operator sees how it came back: resumed, or a new session.
    if (how === 'resume') await expect.poll(() => logged('gateway resumed')).toBeGreaterThan(resumed);
    if (how === 'identify') await expect.poll(() => logged('gateway session started')).toBeGreaterThan(started);
    if (how === 'stays') expect(logged('gateway reconnecting')).toBe(reconnecting);
    const shown = await answeredOnce(t.fake.dispatchCommand('brief', { article: 'fr-pont' }, { locale: 'fr' }));
    expect(textOf(shown)).toContain('Résumé');
    // Every connection asked for JSON without compression: what the fake (and any stand-in) speaks.
    for (const url of t.fake.gatewayConnectUrls) expect(new URL(url, 'ws://x').searchParams.get('encoding')).toBe('json');
    expect(t.fake.gatewayConnectUrls.some((url) => url.includes('compress'))).toBe(false);
  }, 40_000);

  it.each([
    ['Arabic', 'lavrov-north-korea', 'ar', 'الملخص'],
    ['French', 'fr-pont', 'fr', 'Résumé'],
  ])('answers once when every REST answer comes 2.5 s late (%s)', async (_name, article, locale, heading) => {
    t.fake.setLatency(2500);
    try {
      const brief = t.fake.dispatchCommand('brief', { article }, { locale });
      expect(textOf(await answeredOnce(brief))).toContain(heading);
      const search = t.fake.dispatchCommand('quote', {}, { locale });
      const shown = await answeredOnce(search);
      const next = (shown.components as Array<{ components: Array<{ custom_id: string }> }>)[0]!.components[2]!;
      await answeredOnce(t.fake.dispatchButton(next.custom_id, { messageId: search.record.originalMessageId!, locale }));
      // Wait out the slow answers: nothing more is sent (no second callback, no follow-up).
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(brief.record.rejectedCallbacks).toEqual([]);
      expect(search.record.rejectedCallbacks).toEqual([]);
    } finally {
      t.fake.setLatency(0);
    }
  }, 40_000);

  it('posts a schedule’s briefings once each, whatever the answers leave out or add', async () => {
    const channel = t.fake.channels.announcement;
    const added = await answeredOnce(t.fake.dispatchSubcommand('schedule', 'add', { channel, when: '* * * * * *' }, { member: 'admin' }));
    expect(String(added.content)).toMatch(/^Schedule #\d+: /);
    // The first run posts the newest article; later runs (every second) find nothing new and post nothing.
    const [post] = await t.fake.waitForMessages(channel, 1, 20_000);
    expect((post!.embeds as unknown[]).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(t.fake.messages(channel)).toHaveLength(1);
    assertAllValid(t.fake);
  }, 40_000);

  it('the stand-in really answers with its variant (unknown fields, rate-limit headers)', async () => {
    const res = await fetch(`${t.fake.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${t.fake.token}` } });
    const body = (await res.json()) as Json;
    expect(UNKNOWN_FIELD in body).toBe(fakeOptions.unknownFields === true);
    expect(res.headers.has('x-ratelimit-bucket')).toBe(true);
    expect(res.headers.has('x-ratelimit-remaining')).toBe(fakeOptions.rateLimitHeaders === 'full');
  });

  it.each([
    ['/schedule add without its required options (French)', 'schedule add', 'fr', /^Cette commande est arrivée sans option `channel` valide/],
    ['/schedule pause without its required option (Arabic)', 'schedule pause', 'ar', /^وصل هذا الأمر ناقصًا أو غير صالح \(الخيار `id`\)/],
    ['/schedule without a subcommand (English)', 'schedule', 'en-US', /^This command arrived without a valid subcommand/],
  ])('%s gets a one-line message saying so, not a generic error', async (_name, command, locale, expected) => {
    const [name, sub] = command.split(' ');
    const h = sub ? t.fake.dispatchSubcommand(name!, sub, {}, { member: 'admin', locale }) : t.fake.dispatchCommand(name!, {}, { member: 'admin', locale });
    const shown = await answeredOnce(h);
    expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(shown.content)).toMatch(expected);
    expect(String(shown.content)).not.toContain('\n');
  });

  it.each([
    ['English', 'en-US', 'expired'],
    ['French', 'fr', 'expir'],
    ['Arabic', 'ar', 'انتهت صلاحية'],
  ])('a select menu (the bot sends none: another version’s, or forged) gets the one-line expired message (%s)', async (_name, locale, word) => {
    const search = t.fake.dispatchCommand('quote', {}, { locale });
    await search.visible(10_000);
    const shown = await answeredOnce(t.fake.dispatchSelect('quote:v0:pick', ['1'], { messageId: search.record.originalMessageId!, locale }));
    expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(shown.content)).not.toContain('\n');
    expect(String(shown.content)).toContain(word);
  });

  it.each([
    ['with app_permissions', {}, '08:00'],
    ['without app_permissions (worked out from the guild, not taken as none)', { omit: ['app_permissions'] }, '09:00'],
  ] as Array<[string, InvokeContext, string]>)('/schedule add in the channel it is used in, %s, adds the schedule', async (_name, ctx, when) => {
    const h = t.fake.dispatchSubcommand('schedule', 'add', { channel: t.fake.channels.text, when }, { member: 'admin', ...ctx });
    const shown = await answeredOnce(h);
    expect(String(shown.content)).toMatch(/^Schedule #\d+: /);
  });

});
