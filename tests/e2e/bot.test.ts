import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../support/fake-discord';
import { botEnv, makeContentDir, runScript, spawnBot, type BotProcess } from './bot-harness';

type Json = Record<string, unknown>;
interface Embed { title?: string; url?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string }; author?: { name: string } }

let fake: FakeDiscord;
let bot: BotProcess;
let content: ReturnType<typeof makeContentDir>;
let env: Record<string, string>;

const EPHEMERAL = 64;
const embedsOf = (data: Json): Embed[] => (data.embeds as Embed[] | undefined) ?? [];
const totalOf = (embeds: Embed[]): number => embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0)
  + (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0), 0);

async function ephemeralLine(handle: InteractionHandle): Promise<string> {
  const shown = await handle.visible();
  expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  const text = String(shown.content);
  expect(text).not.toContain('\n');
  return text;
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  content = makeContentDir();
  env = botEnv(fake, content, {
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    LOG_LEVEL: 'debug',
    LIBRARY_RESCAN_SECONDS: '2',
  });
  const deployed = await runScript('src/deploy.ts', env);
  expect(deployed.code, deployed.stderr).toBe(0);
  bot = spawnBot(env);
  await fake.waitForIdentify(1, 30_000);
  await bot.waitForLog((l) => l.msg === 'bot ready', 30_000);
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  content?.cleanup();
});

describe('deploy', () => {
  it('registers /brief and /quote (with every other command) in one bulk overwrite on the guild', () => {
    expect(fake.bulkOverwrites).toBe(1);
    expect(fake.commands(fake.guildId).map((c) => c.name)).toEqual(expect.arrayContaining(['brief', 'quote']));
    expect(fake.commands().length).toBe(0);
  });
});

describe('/brief', () => {
  it.each([
    ['Arabic', 'lavrov-north-korea', 'الملخص', 'العربية'],
    ['English', 'en-bridge', 'Summary', 'English'],
    ['French', 'fr-pont', 'Résumé', 'français'],
  ])('answers with the %s briefing and labels in its language', async (_lang, id, summaryLabel, languageName) => {
    const h = fake.dispatchCommand('brief', { article: id }, { locale: 'en-US' });
    const shown = await h.visible();
    const embed = embedsOf(shown)[0]!;
    expect(embed.title!.length).toBeGreaterThan(0);
    expect(embed.description).toContain(summaryLabel);
    expect(embed.footer!.text).toContain(languageName);
    expect(shown.allowed_mentions).toMatchObject({ parse: [] });
    expect((await h.response()).latencyMs).toBeLessThan(3000);
  });

  it('links the title to the article url and lists quotes with speakers', async () => {
    const embed = embedsOf(await fake.dispatchCommand('brief', { article: 'en-bridge' }).visible())[0]!;
    expect(embed.url).toBe('https://news.example/en-bridge');
    expect(embed.footer!.text).toContain('City Wire');
    expect(embed.fields?.some((f) => f.value.includes('This bridge connects'))).toBe(true);
  });

  it('briefs the newest article when none is given', async () => {
    const embed = embedsOf(await fake.dispatchCommand('brief').visible())[0]!;
    expect(embed.title).toContain('Headline');
  });

  it('neutralises @everyone, user mentions and markdown', async () => {
    await fake.dispatchCommand('brief', { article: 'mentions' }).visible();
    const stored = fake.allMessages(fake.channels.text).at(-1)!;
    expect(stored.wouldPing).toBeFalsy();
    const text = JSON.stringify(stored.message);
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('<@123456789012345678>');
    expect(text).not.toContain('**Breaking**');
  });

  it('keeps a huge article within every limit', async () => {
    const embeds = embedsOf(await fake.dispatchCommand('brief', { article: 'huge' }).visible());
    expect(totalOf(embeds)).toBeLessThanOrEqual(6000);
    expect(embeds[0]!.title!.length).toBeLessThanOrEqual(256);
    expect(embeds[0]!.title!.endsWith('…')).toBe(true);
  });

  it.each([
    ['an unknown id', 'no-such-article', 'No article named'],
    ['a path-like id', '../../etc/passwd', 'not a valid article id'],
    ['an over-long id', 'x'.repeat(150), 'not a valid article id'],
  ])('answers %s with a one-line ephemeral message', async (_name, article, expected) => {
    expect(await ephemeralLine(fake.dispatchCommand('brief', { article }))).toContain(expected);
  });

  it.each([
    ['Arabic', 'ar', 'لا يوجد في المكتبة مقال باسم `no-such-article`.'],
    ['French', 'fr', 'Aucun article nommé `no-such-article` dans la bibliothèque.'],
  ])('answers an unknown article in %s to a user whose Discord locale is %s', async (_name, locale, expected) => {
    expect(await ephemeralLine(fake.dispatchCommand('brief', { article: 'no-such-article' }, { locale }))).toBe(expected);
  });
});

describe('autocomplete', () => {
  it.each([
    ['an Arabic title typed with ه for ة and diacritics', 'brief', 'article', 'زيارهُ وزير', 'lavrov-north-korea'],
    ['an English title in capitals', 'brief', 'article', 'RIVER BRIDGE', 'en-bridge'],
    ['a French title without accents', 'quote', 'article', 'inaugure', 'fr-pont'],
  ])('suggests articles for %s', async (_name, command, option, typed, id) => {
    const cb = await fake.dispatchAutocomplete(command, option, typed).response();
    expect(cb.type).toBe(8);
    const choices = (cb.data!.choices as Array<{ name: string; value: string }>);
    expect(choices.map((c) => c.value)).toContain(id);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('suggests newest first when nothing is typed', async () => {
    const cb = await fake.dispatchAutocomplete('brief', 'article', '').response();
    expect((cb.data!.choices as Array<{ value: string }>)[0]!.value).toBe('huge');
  });
});

describe('/quote', () => {
  it.each([
    ['English words', { query: 'neighbourhoods' }, 'This bridge connects'],
    ['French words without accents', { query: 'quartiers avenir' }, 'Ce pont relie'],
    ['a speaker', { speaker: 'haddad' }, 'on time and on budget'],
  ])('finds quotes by %s', async (_name, options, expected) => {
    const shown = await fake.dispatchCommand('quote', options).visible();
    expect(embedsOf(shown).some((e) => e.description?.includes(expected))).toBe(true);
    expect(shown.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('shows the main quotes of the newest article with no options, paged with working buttons', async () => {
    const h = fake.dispatchCommand('quote');
    const shown = await h.visible();
    expect(embedsOf(shown).length).toBe(5);
    const row = (shown.components as Array<{ components: Array<{ custom_id: string; disabled?: boolean }> }>)[0]!;
    const next = row.components[2]!;
    expect(next.disabled).toBeFalsy();
    const messageId = h.record.originalMessageId!;
    const click = await fake.dispatchButton(next.custom_id, { messageId }).visible();
    expect(embedsOf(click)[0]!.description).not.toBe(embedsOf(shown)[0]!.description);
  });

  it('says so, ephemerally, when nothing matches', async () => {
    expect(await ephemeralLine(fake.dispatchCommand('quote', { query: 'zzzqqq' }))).toContain('No quote');
  });

  it('says a button has expired when its state is unknown', async () => {
    const h = fake.dispatchCommand('quote');
    await h.visible();
    const click = fake.dispatchButton('quote:unknownToken:1', { messageId: h.record.originalMessageId! });
    expect(await ephemeralLine(click)).toContain('expired');
  });
});

describe('outside the server: DMs and user-installed contexts', () => {
  it.each([
    ['a DM', 'dm', 'brief', { article: 'lavrov-north-korea' }, 'الملخص'],
    ['a DM', 'dm', 'quote', { query: 'quartiers' }, 'Ce pont relie'],
    ['a server the bot is not in', 'foreign-guild', 'brief', { article: 'en-bridge' }, 'Summary'],
    ['a server the bot is not in', 'foreign-guild', 'quote', { speaker: 'haddad' }, 'on time and on budget'],
  ] as const)('answers in %s (%s): /%s', async (_where, context, command, options, expected) => {
    const h = fake.dispatchCommand(command, options, { context });
    const shown = await h.visible();
    expect(JSON.stringify(embedsOf(shown))).toContain(expected);
    expect(shown.allowed_mentions).toMatchObject({ parse: [] });
    expect(h.payload.guild_id === undefined).toBe(context === 'dm');
  });

  it.each([['dm'], ['foreign-guild']] as const)('autocompletes articles in %s', async (context) => {
    const cb = await fake.dispatchAutocomplete('brief', 'article', 'bridge', {}, { context }).response();
    expect((cb.data!.choices as Array<{ value: string }>).map((c) => c.value)).toContain('en-bridge');
  });

  it('answers /schedule in a DM with a one-line message that it belongs to a server', async () => {
    expect(await ephemeralLine(fake.dispatchSubcommand('schedule', 'list', {}, { context: 'dm' }))).toContain('belong to a server');
  });
});

describe('live library', () => {
  it('picks up a file added and one removed while running', async () => {
    writeFileSync(join(content.dir, 'added-live.md'), '---\ntitle: خبر أضيف أثناء التشغيل\npublished: 2030-01-01\nlanguage: ar\n---\nقال المتحدث باسم الوزارة إن الخبر جديد.');
    unlinkSync(join(content.dir, 'fr-pont.md'));
    // The addition and the removal may be picked up by different scans: wait for both, not just the removal.
    await bot.waitForLog((l) => l.msg === 'article removed' && l.file === 'fr-pont.md', 10_000);
    await bot.waitForLog((l) => l.msg === 'article added' && l.file === 'added-live.md', 10_000);
    const added = embedsOf(await fake.dispatchCommand('brief', { article: 'added-live' }).visible())[0]!;
    expect(added.title).toBe('خبر أضيف أثناء التشغيل');
    expect(await ephemeralLine(fake.dispatchCommand('brief', { article: 'fr-pont' }))).toContain('No article named');
  });
});

describe('resilience', () => {
  it('resumes after a dropped gateway connection and keeps answering', async () => {
    fake.dropGateway({ code: 4000 });
    await fake.waitForResumed(1, 20_000);
    const shown = await fake.dispatchCommand('brief', { article: 'en-bridge' }).visible();
    expect(embedsOf(shown).length).toBe(1);
  });

  it.each([
    ['a 429', { status: 429, retryAfter: 0.2 }],
    ['a 500', { status: 500 }],
  ])('answers despite %s on the interaction callback', async (_name, fault) => {
    fake.failNext({ method: 'POST', route: '/interactions/{interaction_id}/{interaction_token}/callback' }, fault);
    const h = fake.dispatchCommand('brief', { article: 'en-bridge' });
    const shown = await h.visible(10_000);
    expect(embedsOf(shown).length).toBe(1);
    expect(fake.requests.some((r) => r.injected && r.status === fault.status)).toBe(true);
  });

  it('answers with an empty list when autocomplete fails on a 500', async () => {
    fake.failNext({ method: 'POST', route: '/interactions/{interaction_id}/{interaction_token}/callback' }, { status: 500 });
    const cb = await fake.dispatchAutocomplete('brief', 'article', 'bridge').response(10_000);
    expect(cb.type).toBe(8);
  });
});

describe('payloads and secrets', () => {
  it('sent only payloads valid against the Discord spec, within the 6000 total', () => {
    assertAllValid(fake);
    expect(fake.handlerErrors).toEqual([]);
  });

  it('never logged the token', () => {
    const { stdout, stderr } = bot.output();
    expect(stdout).not.toContain(fake.token);
    expect(stderr).not.toContain(fake.token);
  });
});

describe('shutdown', () => {
  it('closes the gateway with 1000 and exits 0 on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const close = await fake.waitForClose((c) => c.by === 'client');
    expect(close.code).toBe(1000);
    expect(bot.output().stdout).not.toContain(fake.token);
  });

  it('exits 1 without leaking the token when login fails', async () => {
    const wrong = 'WrongToken.abcdefghijklmnop.qrstuvwxyz0123456789';
    const run = await runScript('src/main.ts', { ...env, DISCORD_TOKEN: wrong });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(wrong);
    expect(run.stdout).toContain('start-up failed');
  });

  it.each([
    ['a missing token', { DISCORD_TOKEN: '' }, 'DISCORD_TOKEN'],
    ['a bad API url', { DISCORD_API_URL: 'not a url' }, 'DISCORD_API_URL'],
    ['a bad log level', { LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
  ])('exits 1 with one line naming the variable for %s', async (_name, override, variable) => {
    const run = await runScript('src/main.ts', { ...env, ...override });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(variable);
    expect(run.stderr + run.stdout).not.toContain(fake.token);
  });
});
