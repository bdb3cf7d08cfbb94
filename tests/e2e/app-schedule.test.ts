import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schedulingFrom } from '../../src/scheduler/scheduling';
import { assertAllValid } from '../support/discord-spec';
import type { InteractionHandle, OptionInput } from '../support/fake-discord';
import { startApp, type AppUnderTest } from './app-harness';
import { articleFile } from './schedule-harness';

/**
 * `/schedule` through the bot composed in-process (real discord.js client,
 * real SQLite) against a fake Discord where the bot is in two servers, and
 * where Discord's REST can be slow.
 */
const EPHEMERAL = 64;
/** Discord's REST taking this long per call (each request reaches Discord this late). */
const SLOW_REST_MS = 2000;

let t: AppUnderTest;

beforeAll(async () => {
  t = await startApp({
    files: { 'ar-plan.md': articleFile('ar', 1, 'خطة النقل'), 'en-plan.md': articleFile('en', 2, 'Transport plan'), 'fr-plan.md': articleFile('fr', 3, 'Plan de transport') },
    fake: { secondGuild: true },
  });
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

afterEach(() => {
  t.fake.setRequestLatency(0);
  expect(t.fake.handlerErrors).toEqual([]);
});

const schedule = (sub: string, options: OptionInput, locale = 'en-US'): InteractionHandle =>
  t.fake.dispatchSubcommand('schedule', sub, options, { member: 'admin', locale });

/** The one line the user alone sees: a private reply, or the edit of a private deferral (never a public "thinking…" replaced). */
async function privateLine(handle: InteractionHandle, timeoutMs = 15_000): Promise<string> {
  const shown = await handle.visible(timeoutMs);
  const callback = handle.record.callback!;
  expect(callback.status).toBeLessThan(300);
  const flags = callback.type === 5 ? Number(callback.data?.flags ?? 0) : Number(shown.flags ?? 0);
  expect(flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(handle.record.deletedOriginal).toBe(false);
  const text = String(shown.content);
  expect(text).not.toContain('\n');
  return text;
}

const schedulesIn = async (guildId: string): Promise<readonly unknown[]> => await schedulingFrom(t.app.ctx.services).store.schedules.listByGuild(guildId);
const postsTo = (channelId: string): number => t.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`).length;

describe('/schedule add refuses a channel of another server', () => {
  it('starts with the bot in two servers, each with a channel it may post in', () => {
    const second = t.fake.secondGuild!;
    expect(t.app.client.guilds.cache.map((g) => g.id).sort()).toEqual([t.fake.guildId, second.guildId].sort());
    expect(t.app.client.channels.cache.get(second.channels.text)?.isTextBased()).toBe(true);
  });

  it.each([
    ['English', 'en-US', '08:00', /belongs to another server/],
    ['French', 'fr', '08:00', /appartient à un autre serveur/],
    ['Arabic', 'en-US', 'كل يوم 08:00', /تابعة لخادم آخر/],
  ])('answers in %s with one private line, stores nothing and never posts there', async (_language, locale, when, message) => {
    const foreign = t.fake.secondGuild!.channels.text;
    const line = await privateLine(schedule('add', { channel: foreign, when }, locale));
    expect(line).toMatch(message);
    expect(line).toContain(`<#${foreign}>`);
    expect(await schedulesIn(t.fake.guildId)).toEqual([]);
    expect(await schedulesIn(t.fake.secondGuild!.guildId)).toEqual([]);
    expect(postsTo(foreign)).toBe(0);
  });

  it('still adds a schedule for a channel of this server', async () => {
    const line = await privateLine(schedule('add', { channel: t.fake.channels.announcement, when: '07:00' }));
    expect(line).toMatch(/^Schedule #\d+: new briefings go to/);
    expect(await schedulesIn(t.fake.guildId)).toHaveLength(1);
  });
});

describe('a handler that must call Discord first defers at once (REST taking 2 s a call)', () => {
  it('/schedule add for another channel: deferred privately, then the answer as an edit', async () => {
    t.fake.setRequestLatency(SLOW_REST_MS);
    const handle = schedule('add', { channel: t.fake.channels.announcement, when: '18:30' });
    const line = await privateLine(handle, 30_000);
    expect(handle.record.callback).toMatchObject({ type: 5, status: 200 });
    expect(line).toMatch(/^Schedule #\d+: new briefings go to/);
    expect(t.fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${t.fake.channels.announcement}`)).toBe(true);
  }, 40_000);

  it('/schedule resume (it checks the channel again): deferred privately, then the answer', async () => {
    const paused = await privateLine(schedule('pause', { id: '1' }));
    expect(paused).toMatch(/paused/);
    t.fake.setRequestLatency(SLOW_REST_MS);
    const handle = schedule('resume', { id: '1' });
    expect(await privateLine(handle, 30_000)).toMatch(/^Schedule #1 resumed/);
    expect(handle.record.callback).toMatchObject({ type: 5, status: 200 });
  }, 40_000);

  it.each([
    ['/schedule list', () => schedule('list', {})],
    ['/schedule add in the channel it is used in (its app_permissions suffice)', () => schedule('add', { channel: t.fake.channels.text, when: '06:15' })],
    ['/brief', () => t.fake.dispatchCommand('brief', { article: 'en-plan' })],
    ['/quote', () => t.fake.dispatchCommand('quote', {})],
  ])('%s calls no REST first: answered directly, in time', async (_name, dispatch) => {
    t.fake.setRequestLatency(SLOW_REST_MS);
    const handle = dispatch();
    await handle.visible(30_000);
    expect(handle.record.callback).toMatchObject({ type: 4, status: expect.any(Number) });
    expect(handle.record.callback!.status).toBeLessThan(300);
  }, 40_000);

  it('sent only payloads valid against Discord’s OpenAPI spec', () => {
    assertAllValid(t.fake);
  });
});
