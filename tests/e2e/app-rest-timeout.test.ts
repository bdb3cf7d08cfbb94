import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import type { InteractionHandle } from '../support/fake-discord';
import { startApp, type AppUnderTest } from './app-harness';
import { articleFile } from './schedule-harness';

/**
 * Discord's REST slower than the bot's REST timeout (DISCORD_REST_TIMEOUT_MS,
 * here 1 s instead of discord.js's 15 s), with the real discord.js client
 * composed in-process against the fake Discord: a request handled by Discord
 * whose answer comes too late is abandoned by discord.js. The user still sees
 * one answer; a scheduled post is neither lost nor doubled (same nonce,
 * `enforce_nonce`).
 */
type Json = Record<string, unknown>;
const REST_TIMEOUT_MS = 1000;
/** An answer this late is past the REST timeout (the request itself reaches Discord at once). */
const LATE_MS = 2500;
const EPHEMERAL = 64;
const MESSAGES = '/channels/{channel_id}/messages';
const CALLBACK = '/interactions/{interaction_id}/{interaction_token}/callback';
/** The edit of the original answer (`PATCH /webhooks/{application_id}/{token}/messages/@original`). */
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/(@|%40)original$/;

let t: AppUnderTest;

beforeAll(async () => {
  t = await startApp({
    files: { 'ar-plan.md': articleFile('ar', 1, 'خطة النقل'), 'en-plan.md': articleFile('en', 2, 'Transport plan'), 'fr-plan.md': articleFile('fr', 3, 'Plan de transport') },
    env: { DISCORD_REST_TIMEOUT_MS: String(REST_TIMEOUT_MS), SCHEDULE_SPREAD_SECONDS: '0' },
  });
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

afterEach(() => {
  expect(t.fake.pendingFaults).toBe(0);
  expect(t.fake.handlerErrors).toEqual([]);
});

const errorsLogged = (): Json[] => t.lines.filter((l) => Number(l.level) >= 50);
const requestsTo = (where: string | RegExp, method: string): number => t.fake.requests.filter((r) => r.method === method && (typeof where === 'string' ? r.route === where : where.test(r.path))).length;

/** The one thing the user sees, once: no second message, no follow-up. */
async function shownOnce(handle: InteractionHandle): Promise<Json> {
  const shown = await handle.visible(15_000);
  await new Promise((resolve) => setTimeout(resolve, LATE_MS));
  expect(handle.followUps()).toEqual([]);
  return shown;
}

describe('interaction answers slower than the REST timeout', () => {
  it.each([
    ['Arabic', 'ar-plan', 'ar', 'الملخص'],
    ['English', 'en-plan', 'en-US', 'Summary'],
    ['French', 'fr-plan', 'fr', 'Résumé'],
  ])('/brief (%s): the reply landed, its answer came late; the retry is “already acknowledged”: shown once, no error logged', async (_name, article, locale, heading) => {
    const calls = requestsTo(CALLBACK, 'POST');
    t.fake.failNext({ route: CALLBACK }, { status: 200, delayMs: LATE_MS });
    const handle = t.fake.dispatchCommand('brief', { article }, { locale });
    const shown = await shownOnce(handle);
    expect(JSON.stringify(shown.embeds)).toContain(heading);
    expect(requestsTo(CALLBACK, 'POST') - calls).toBeGreaterThanOrEqual(2);
    expect(handle.record.callback).toMatchObject({ type: 4, status: 200 });
    expect(errorsLogged()).toEqual([]);
  }, 30_000);

  it.each([
    ['English', 'en-US', '09:00', /^Schedule #\d+: new briefings go to/],
    ['French', 'fr', '09:30', /^Programmation #\d+ : les nouveaux briefings seront publiés dans/],
  ])('/schedule add (%s), deferred at once: the edit that answers comes back late; retried, shown once', async (_name, locale, when, added) => {
    const edits = requestsTo(ORIGINAL, 'PATCH');
    t.fake.failNext({ path: ORIGINAL, method: 'PATCH' }, { status: 200, delayMs: LATE_MS });
    const handle = t.fake.dispatchSubcommand('schedule', 'add', { channel: t.fake.channels.announcement, when }, { member: 'admin', locale });
    const shown = await shownOnce(handle);
    expect(handle.record.callback).toMatchObject({ type: 5, status: 200 });
    expect(Number(handle.record.callback!.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(shown.content)).toMatch(added);
    expect(requestsTo(ORIGINAL, 'PATCH') - edits).toBeGreaterThanOrEqual(2);
    expect(errorsLogged()).toEqual([]);
  }, 30_000);

  it.each([
    ['English', 'en-US', '10:00', /^Schedule #\d+: new briefings go to/],
    ['French', 'fr', '10:30', /^Programmation #\d+ : les nouveaux briefings seront publiés dans/],
    ['Arabic', 'ar', '11:00', /^جدول النشر رقم \d+: تُنشر الموجزات الجديدة في/],
  ])('/schedule add (%s) whose channel check gets no answer in time, however often retried: answered from the gateway’s copy, one private line', async (_name, locale, when, added) => {
    const checks = requestsTo('/channels/{channel_id}', 'GET');
    t.fake.failNext({ route: '/channels/{channel_id}', method: 'GET' }, { status: 200, delayMs: LATE_MS }, 4);
    const handle = t.fake.dispatchSubcommand('schedule', 'add', { channel: t.fake.channels.announcement, when }, { member: 'admin', locale });
    const shown = await shownOnce(handle);
    expect(Number(handle.record.callback!.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(shown.content)).toMatch(added);
    expect(String(shown.content)).not.toContain('\n');
    // discord.js's own retries: four attempts, each abandoned after the REST timeout.
    expect(requestsTo('/channels/{channel_id}', 'GET') - checks).toBe(4);
    expect(errorsLogged()).toEqual([]);
  }, 40_000);
});

describe('a scheduled post whose answer comes later than the REST timeout', () => {
  it.each([
    ['one attempt', 1, '1100000000000000091'],
    ['every attempt of a run (settled by the next run)', 3, '1100000000000000092'],
  ])('%s: posted once, with the same nonce each time', async (_name, times, channel) => {
    t.fake.addChannel({ id: channel, name: `briefs-${times}` });
    const before = t.fake.messages(channel).length;
    const posts = (): Json[] => t.fake.requests.filter((r) => r.route === MESSAGES && r.method === 'POST' && r.path === `/channels/${channel}/messages`).map((r) => r.body as Json);
    const sent = posts().length;
    t.fake.failNext({ route: MESSAGES, method: 'POST' }, { status: 200, delayMs: LATE_MS }, times);
    const added = await t.fake.dispatchSubcommand('schedule', 'add', { channel, when: '* * * * * *' }, { member: 'admin' }).visible(15_000);
    const id = /#(\d+)/.exec(String(added.content))![1]!;
    await t.fake.waitForMessages(channel, before + 1, 20_000);
    // Every attempt after the first carries the first one's nonce: Discord keeps one message.
    // The run that settles it comes after the failed run's backoff: up to a minute on a loaded machine.
    await expect.poll(() => posts().length - sent, { timeout: 60_000, interval: 200 }).toBeGreaterThan(times);
    const nonces = new Set(posts().slice(sent).map((body) => body.nonce));
    expect(nonces.size).toBe(1);
    expect(posts().slice(sent).every((body) => body.enforce_nonce === true)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(t.fake.messages(channel)).toHaveLength(before + 1);
    const removed = await t.fake.dispatchSubcommand('schedule', 'remove', { id }, { member: 'admin' }).visible(15_000);
    expect(String(removed.content)).toMatch(/removed/i);
  }, 120_000);

  it('every payload sent was valid against Discord’s OpenAPI spec (the retried callbacks refused as “already acknowledged” aside)', () => {
    const alreadyAcknowledged = (r: { status: number; response?: unknown }): boolean => r.status === 400 && (r.response as Json | undefined)?.code === 40060;
    expect(t.fake.requests.filter(alreadyAcknowledged)).toHaveLength(3);
    assertAllValid({ requests: t.fake.requests.filter((r) => !alreadyAcknowledged(r)) });
  });
});
