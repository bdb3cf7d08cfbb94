import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { Perm, startFakeDiscord, type FakeDiscord, type InteractionHandle, type OptionInput, type RecordedRequest } from '../support/fake-discord';
import { botEnv, runScript, spawnBot, type BotProcess } from './bot-harness';
import { moreRuns, scheduleContent } from './schedule-harness';

type Json = Record<string, unknown>;
const EPHEMERAL = 64;
const EVERY_SECOND = '* * * * * *';
const EXTRA_CHANNEL = '120000000000000777';

let fake: FakeDiscord;
let bot: BotProcess;
let content: ReturnType<typeof scheduleContent>;
let env: Record<string, string>;

/** The answer only the user sees: an ephemeral reply, or the edit of an ephemeral deferral (a command that asks Discord first defers privately). */
async function ephemeral(handle: InteractionHandle): Promise<Json> {
  const shown = await handle.visible(10_000);
  const callback = handle.record.callback!;
  const flags = callback.type === 5 ? Number(callback.data?.flags ?? 0) : Number(shown.flags ?? 0);
  expect(flags & EPHEMERAL).toBe(EPHEMERAL);
  return shown;
}

async function ephemeralLine(handle: InteractionHandle): Promise<string> {
  const text = String((await ephemeral(handle)).content);
  expect(text).not.toContain('\n');
  return text;
}

const schedule = (sub: string, options: OptionInput = {}): InteractionHandle => fake.dispatchSubcommand('schedule', sub, options, { member: 'admin' });
const posts = (channelId: string): RecordedRequest[] => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
const titles = (channelId: string): string[] => fake.messages(channelId).map((m) => String((m.embeds as Json[] | undefined)?.[0]?.title ?? ''));

async function startBot(): Promise<void> {
  bot = spawnBot(env);
  await bot.waitForLog((l) => l.msg === 'bot ready', 30_000);
}

async function listText(): Promise<string> {
  const shown = await ephemeral(schedule('list'));
  return String((shown.embeds as Json[])[0]?.description ?? '');
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  content = scheduleContent();
  env = botEnv(fake, content, {
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    LOG_LEVEL: 'debug',
    LIBRARY_RESCAN_SECONDS: '1',
    SCHEDULE_MIN_INTERVAL_SECONDS: '0',
  });
  const deployed = await runScript('src/deploy.ts', env);
  expect(deployed.code, deployed.stderr).toBe(0);
  await startBot();
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  content?.cleanup();
});

describe('/schedule end to end', () => {
  it('registers /schedule with Manage Server as the default permission, guild only', () => {
    const command = fake.commands(fake.guildId).find((c) => c.name === 'schedule') as unknown as Json;
    expect(command).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    expect(existsSync(content.dbPath)).toBe(true);
  });

  it.each([
    ['French', 'fr', 'Aucune programmation sur ce serveur pour l’instant. Ajoutez-en une avec /schedule add.'],
    ['Arabic', 'ar', 'لا جداول نشر في هذا الخادم بعد. أضف واحدًا بالأمر `/schedule add`.'],
    ['English', 'en-US', 'No schedules in this server yet. Add one with /schedule add.'],
  ])('/schedule list with no schedule answers in %s', async (_language, locale, line) => {
    expect(await ephemeralLine(fake.dispatchSubcommand('schedule', 'list', {}, { member: 'admin', locale }))).toBe(line);
  });

  it.each([
    ['lacks Send Messages', () => fake.channels.noSend, /missing Send Messages/],
    ['cannot view', () => fake.channels.noView, /View Channel/],
  ])('refuses a channel where the bot %s, at creation', async (_label, channel, message) => {
    expect(await ephemeralLine(schedule('add', { channel: channel(), when: '08:00' }))).toMatch(message);
    expect(posts(channel())).toHaveLength(0);
  });

  it('refuses from the interaction’s own app_permissions when the channel is the one the command is used in (no REST look-up)', async () => {
    const since = fake.requests.length;
    const h = fake.dispatchSubcommand('schedule', 'add', { channel: fake.channels.noSend, when: '08:00' }, { member: 'admin', channelId: fake.channels.noSend });
    expect(await ephemeralLine(h)).toMatch(/missing Send Messages/);
    expect(fake.requests.slice(since).filter((r) => r.method === 'GET')).toEqual([]);
  });

  it.each([
    ['25:00', undefined, /Invalid when: "25:00" is not a time of day/],
    ['0 8 * *', undefined, /5 fields/],
    ['08:00', 'Mars/Olympus', /Invalid timezone/],
  ])('rejects when=%j timezone=%j with a one-line ephemeral error', async (when, timezone, message) => {
    expect(await ephemeralLine(schedule('add', { channel: fake.channels.text, when, ...(timezone ? { timezone } : {}) }))).toMatch(message);
  });

  it('autocompletes time zones', async () => {
    const h = fake.dispatchAutocomplete('schedule', 'timezone', 'riya', { channel: fake.channels.text, when: '08:00' }, { subcommand: 'add' });
    const response = await h.response();
    expect((response.data as { choices: Json[] }).choices).toContainEqual({ name: 'Asia/Riyadh', value: 'Asia/Riyadh' });
  });

  it('a schedule created by an interaction posts the newest article only, once', async () => {
    expect(await ephemeralLine(schedule('add', { channel: fake.channels.text, when: EVERY_SECOND }))).toMatch(/Schedule #1/);
    await fake.waitForMessages(fake.channels.text, 1, 10_000);
    await moreRuns(bot, 1, 2);
    expect(titles(fake.channels.text)).toEqual(['fr-plan headline 3']);
    const body = posts(fake.channels.text)[0]!.body as Json;
    expect(body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(String(body.nonce).length).toBeLessThanOrEqual(25);
  });

  it('a file dropped into CONTENT_DIR is posted once at the next run', async () => {
    const title = content.drop('en-new', 'en', 10);
    await fake.waitForMessages(fake.channels.text, 2, 10_000);
    await moreRuns(bot, 1, 2);
    expect(titles(fake.channels.text).filter((t) => t === title)).toHaveLength(1);
    expect(titles(fake.channels.text)).toHaveLength(2);
  });

  it.each([
    ['a 429', { status: 429, retryAfter: 0.3 }, 11],
    ['a 500', { status: 500 }, 12],
  ])('%s followed by success posts once', async (_label, fault, day) => {
    const before = fake.messages(fake.channels.text).length;
    fake.failNext({ method: 'POST', route: '/channels/{channel_id}/messages' }, fault);
    const title = content.drop(`ar-new-${day}`, 'ar', day);
    await fake.waitForMessages(fake.channels.text, before + 1, 10_000);
    await moreRuns(bot, 1, 2);
    expect(titles(fake.channels.text).filter((t) => t === title)).toHaveLength(1);
    expect(fake.messages(fake.channels.text)).toHaveLength(before + 1);
    const attempts = posts(fake.channels.text).filter((r) => (r.body as Json).nonce === (posts(fake.channels.text).at(-1)!.body as Json).nonce);
    expect(attempts.map((r) => r.status)).toEqual([fault.status, 200]);
  });

  it('/schedule list shows id, channel, timing, time zone, next run and last result', async () => {
    const text = await listText();
    expect(text).toContain('**#1**');
    expect(text).toContain(`<#${fake.channels.text}>`);
    expect(text).toContain('`* * * * * *` UTC');
    expect(text).toMatch(/next <t:\d+:R>/);
    expect(text).toMatch(/last: ✅ ok/);
  });

  it('when the bot loses Send Messages later: 403 → paused with the reason, listed, no endless retries', async () => {
    expect(await ephemeralLine(schedule('add', { channel: fake.channels.announcement, when: EVERY_SECOND, timezone: 'Europe/Paris' }))).toMatch(/Schedule #2/);
    await fake.waitForMessages(fake.channels.announcement, 1, 10_000);
    fake.setOverwrites(fake.channels.announcement, [{ id: fake.botUserId, type: 1, allow: '0', deny: String(Perm.SendMessages) }]);
    content.drop('fr-new', 'fr', 13);
    await bot.waitForLog((l) => l.scheduleId === 2 && String(l.msg).startsWith('schedule paused'), 10_000);
    await moreRuns(bot, 1, 3);
    const attempts = posts(fake.channels.announcement);
    expect(attempts.map((r) => r.status)).toEqual([200, 403]);
    expect(await listText()).toMatch(/\*\*#2\*\*.*⏸ paused: Missing Permissions \(50013\)/);
    expect(await ephemeralLine(schedule('resume', { id: '2' }))).toMatch(/missing Send Messages/);
  });

  it.each([
    ['French', 'fr', 'Programmations (2)', [/\*\*#1\*\*.*prochaine <t:\d+:R> · dernière : ✅ réussie/, /\*\*#2\*\*.*prochaine : — · dernière : ⏸ en pause : Missing Permissions \(50013\)/]],
    ['Arabic', 'ar', 'جداول النشر (2)', [/\*\*#1\*\*.*التالي <t:\d+:R> · الأخير: ✅ نجح/, /\*\*#2\*\*.*التالي: — · الأخير: ⏸ موقوف مؤقتًا: Missing Permissions \(50013\)/]],
  ])('/schedule list in %s: title, next run and last result in that language', async (_language, locale, title, lines) => {
    const embed = ((await ephemeral(fake.dispatchSubcommand('schedule', 'list', {}, { member: 'admin', locale }))).embeds as Json[])[0]!;
    expect(embed.title).toBe(title);
    const text = String(embed.description);
    for (const line of lines) expect(text).toMatch(line);
    expect(text).not.toMatch(/next|last:|paused/);
  });

  it('pause and its autocomplete in French, resume in Arabic: each answer in the user’s language', async () => {
    expect(await ephemeralLine(fake.dispatchSubcommand('schedule', 'pause', { id: '1' }, { member: 'admin', locale: 'fr' }))).toBe('Programmation #1 en pause. Reprenez-la avec /schedule resume.');
    const h = fake.dispatchAutocomplete('schedule', 'id', '', {}, { subcommand: 'remove', locale: 'fr' });
    const names = ((await h.response()).data as { choices: Array<{ name: string }> }).choices.map((c) => c.name);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/ · en pause$/);
    expect(await ephemeralLine(fake.dispatchSubcommand('schedule', 'resume', { id: '1' }, { member: 'admin', locale: 'ar' }))).toMatch(/^استُؤنف جدول النشر رقم 1، والتشغيل التالي <t:\d+:R>\.$/);
  });

  it('autocompletes schedule ids of this guild', async () => {
    const h = fake.dispatchAutocomplete('schedule', 'id', '', {}, { subcommand: 'remove' });
    const choices = ((await h.response()).data as { choices: Array<{ value: string }> }).choices;
    expect(choices.map((c) => c.value)).toEqual(['1', '2']);
  });

  it('remove stops deliveries', async () => {
    expect(await ephemeralLine(schedule('remove', { id: '1' }))).toMatch(/Schedule #1 removed/);
    fake.addChannel({ id: EXTRA_CHANNEL, name: 'briefings', type: 0 });
    const before = fake.messages(fake.channels.text).length;
    expect(await ephemeralLine(schedule('add', { channel: EXTRA_CHANNEL, when: EVERY_SECOND }))).toMatch(/Schedule #3/);
    await fake.waitForMessages(EXTRA_CHANNEL, 1, 10_000);
    content.drop('en-after-remove', 'en', 14);
    await fake.waitForMessages(EXTRA_CHANNEL, 2, 10_000);
    await moreRuns(bot, 3, 2);
    expect(fake.messages(fake.channels.text)).toHaveLength(before);
    expect(titles(EXTRA_CHANNEL)).toEqual(['fr-new headline 13', 'en-after-remove headline 14']);
  });

  it('after SIGTERM and a restart on the same database: nothing posted twice, schedules still listed, the missed article posted once', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const counts = [fake.channels.text, fake.channels.announcement, EXTRA_CHANNEL].map((c) => fake.messages(c).length);
    content.drop('ar-while-down', 'ar', 15);
    await startBot();
    const text = await listText();
    expect(text).toMatch(/\*\*#2\*\*.*paused/);
    expect(text).toMatch(/\*\*#3\*\*/);
    await fake.waitForMessages(EXTRA_CHANNEL, counts[2]! + 1, 10_000);
    await moreRuns(bot, 3, 3);
    expect([fake.channels.text, fake.channels.announcement, EXTRA_CHANNEL].map((c) => fake.messages(c).length)).toEqual([counts[0], counts[1], counts[2]! + 1]);
    expect(titles(EXTRA_CHANNEL).at(-1)).toBe('ar-while-down headline 15');
  });

  it('a crash after Discord created the message but before it was recorded: the restart re-sends the same nonce, one message', async () => {
    const before = fake.messages(EXTRA_CHANNEL).length;
    const since = Date.now();
    fake.setLatency(3000);
    content.drop('fr-crash', 'fr', 16);
    const request = await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${EXTRA_CHANNEL}/messages` && r.time >= since, 10_000);
    bot.child.kill('SIGKILL');
    await bot.exited;
    fake.setLatency(0);
    expect(fake.messages(EXTRA_CHANNEL)).toHaveLength(before + 1); // created, answer never received
    await startBot();
    await bot.waitForLog((l) => l.msg === 'retrying deliveries left pending by the last run', 10_000);
    await moreRuns(bot, 3, 2);
    const nonce = (request.body as Json).nonce;
    expect(posts(EXTRA_CHANNEL).filter((r) => (r.body as Json).nonce === nonce).length).toBeGreaterThanOrEqual(2);
    expect(fake.messages(EXTRA_CHANNEL)).toHaveLength(before + 1);
    expect(titles(EXTRA_CHANNEL).at(-1)).toBe('fr-crash headline 16');
  });

  it('every payload the bot sent is valid against Discord’s OpenAPI spec', () => {
    assertAllValid(fake);
  });
});
