import type { Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../src/discord/command';
import { ephemeralText, buildMessage, type MessageBody } from '../../src/discord/message';
import { createRouter, type RouterOptions } from '../../src/discord/router';
import { captureLogger } from '../library/helpers';
import { collectProblems } from '../support/discord-spec';
import { useFakeWithClient } from '../support/fake-client';
import type { FaultSpec } from '../support/fake-discord';

/**
 * The router against the real discord.js client and the fake Discord, with
 * the faults a real Discord produces: answers lost on the way back (the
 * retried callback gets 40060), refused bodies (400), expired interactions.
 */
const t = useFakeWithClient();
const CALLBACK = { method: 'POST', route: '/interactions/{interaction_id}/{interaction_token}/callback' };
const EPHEMERAL = 64;

let lines: Array<Record<string, unknown>>;
let finished: Array<Promise<void>>;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Route every interaction of the test through a router with `command` registered as `test`. */
function useRouter(command: Partial<Command>, options: Partial<RouterOptions> = {}): void {
  const captured = captureLogger();
  lines = captured.lines;
  finished = [];
  const full: Command = { data: { name: 'test', description: 'x' }, execute: async () => undefined, ...command };
  const route = createRouter({ commands: new Map([['test', full]]), ctx: {} as CommandContext, logger: captured.logger, ...options });
  t.onInteraction(async (i: Interaction) => {
    const done = route(i);
    finished.push(done);
    await done;
  });
}

/** Wait until the router has received `count` interactions and finished with them. */
async function settled(count = 1): Promise<void> {
  const until = Date.now() + 5000;
  while (finished.length < count && Date.now() < until) await sleep(5);
  expect(finished.length).toBeGreaterThanOrEqual(count);
  await Promise.all(finished);
}

const errors = (): Array<Record<string, unknown>> => lines.filter((l) => Number(l.level) >= 50);
const warnings = (msg: string): Array<Record<string, unknown>> => lines.filter((l) => l.level === 40 && l.msg === msg);

afterEach(() => {
  expect(t.fake.pendingFaults).toBe(0);
});

const LOST: FaultSpec = { status: 0, reset: true, afterHandling: true };

describe('interaction callbacks: answers lost on the way back', () => {
  it.each([
    ['Arabic', 'موجز اليوم'],
    ['English', 'Today’s briefing'],
    ['French', 'Le point du jour'],
  ])('a ready %s reply whose answer is lost is shown once; the retry’s 40060 is a warning, not an error', async (_lang, content) => {
    useRouter({ execute: async () => buildMessage({ content }) });
    t.fake.failNext(CALLBACK, LOST);
    const h = t.fake.dispatchCommand('test');
    expect((await h.visible()).content).toBe(content);
    await settled();
    expect(h.record.callback).toMatchObject({ type: 4, status: 200 });
    expect(h.record.rejectedCallbacks).toHaveLength(1);
    expect(h.followUps()).toEqual([]);
    expect(warnings('could not answer the interaction')).toHaveLength(1);
    expect(errors()).toEqual([]);
  });

  it('a deferral whose answer is lost still gets its edit (the interaction is deferred)', async () => {
    useRouter({ execute: async () => { await sleep(150); return buildMessage({ content: 'slow but there' }); } }, { deferAfterMs: 20 });
    t.fake.failNext(CALLBACK, LOST);
    const h = t.fake.dispatchCommand('test');
    expect((await h.waitForEdit(1)).content).toBe('slow but there');
    await settled();
    expect(h.record.callback).toMatchObject({ type: 5, status: 200 });
    expect(h.record.rejectedCallbacks).toHaveLength(1);
    expect(errors()).toEqual([]);
  });
});

describe('interaction callbacks: refused or expired', () => {
  it('a raw reply refused with 400 is sent again through discord.js', async () => {
    useRouter({ execute: async () => buildMessage({ content: 'second try' }) });
    t.fake.failNext(CALLBACK, { status: 400, code: 50035, message: 'Invalid Form Body' });
    const h = t.fake.dispatchCommand('test');
    expect((await h.visible()).content).toBe('second try');
    await settled();
    expect(h.record.rejectedCallbacks).toEqual([]);
    expect(errors()).toEqual([]);
  });

  it.each([
    ['ar', 'حدث خطأ ما'],
    ['en-US', 'Something went wrong'],
    ['fr', 'Une erreur est survenue'],
  ])('a reply refused twice with 400 becomes the one-line generic message (%s)', async (locale, text) => {
    useRouter({ execute: async () => buildMessage({ content: 'refused' }) });
    t.fake.failNext(CALLBACK, { status: 400, code: 50035, message: 'Invalid Form Body' }, 2);
    const h = t.fake.dispatchCommand('test', {}, { locale });
    const shown = await h.visible();
    expect(String(shown.content)).toContain(text);
    expect(String(shown.content)).not.toContain('\n');
    expect(Number(shown.flags) & EPHEMERAL).toBe(EPHEMERAL);
    await settled();
    expect(errors().map((l) => l.msg)).toEqual(['could not answer the interaction']);
  });

  it('an expired interaction (10062) is logged at warn, with no second attempt', async () => {
    useRouter({ execute: async () => buildMessage({ content: 'too late' }) });
    t.fake.failNext(CALLBACK, { status: 404, code: 10062, message: 'Unknown interaction' });
    const before = t.fake.requests.length;
    t.fake.dispatchCommand('test');
    await settled();
    expect(t.fake.requests.slice(before).filter((r) => r.route === CALLBACK.route)).toHaveLength(1);
    expect(warnings('could not answer the interaction')).toHaveLength(1);
    expect(errors()).toEqual([]);
  });

  it('an ephemeral error after a 500-then-ok deferral is a follow-up, never a double reply', async () => {
    useRouter({ execute: async () => { await sleep(120); return ephemeralText('nothing found'); } }, { deferAfterMs: 20 });
    t.fake.failNext(CALLBACK, { status: 500 });
    const h = t.fake.dispatchCommand('test');
    expect((await h.waitForFollowUp(1)).content).toBe('nothing found');
    await settled();
    expect(h.record.rejectedCallbacks).toEqual([]);
    expect(errors()).toEqual([]);
  });
});

describe('interactions before the library has loaded', () => {
  it('a command waits for it (deferred meanwhile), then answers with the loaded data', async () => {
    let loaded!: () => void;
    const ready = new Promise<void>((resolve) => (loaded = resolve));
    let ran = false;
    useRouter({ execute: async (): Promise<MessageBody> => { ran = true; return buildMessage({ content: 'from the full library' }); } }, { ready, deferAfterMs: 20 });
    const h = t.fake.dispatchCommand('test');
    expect((await h.response()).type).toBe(5);
    expect(ran).toBe(false);
    loaded();
    expect((await h.waitForEdit(1)).content).toBe('from the full library');
    await settled();
    expect(errors()).toEqual([]);
  });

  it('an autocomplete offers nothing rather than miss its 3 s window', async () => {
    let called = false;
    useRouter({ autocomplete: async () => { called = true; return [{ name: 'x', value: 'x' }]; } }, { ready: new Promise(() => undefined), autocompleteWaitMs: 20 });
    const cb = await t.fake.dispatchAutocomplete('test', 'article', 'typed').response();
    expect(cb).toMatchObject({ type: 8, status: 200, data: { choices: [] } });
    expect(called).toBe(false);
  });
});

describe('callback answers: 204 No Content or the with_response JSON', () => {
  afterEach(() => t.fake.setCallbackAlwaysWithResponse(false));

  it.each([
    ['204 No Content', false],
    ['200 with the with_response body', true],
  ])('a ready reply, a deferral with its edit and an autocomplete all work when Discord answers %s', async (_name, always) => {
    t.fake.setCallbackAlwaysWithResponse(always);
    let slow = false;
    useRouter({
      execute: async () => {
        if (slow) await sleep(80);
        return buildMessage({ content: slow ? 'Résumé différé' : 'ملخص فوري' });
      },
      autocomplete: async () => [{ name: 'Bridge', value: 'en-bridge' }],
    }, { deferAfterMs: 20 });
    const ready = t.fake.dispatchCommand('test');
    expect((await ready.visible()).content).toBe('ملخص فوري');
    slow = true;
    const deferred = t.fake.dispatchCommand('test');
    expect((await deferred.waitForEdit(1)).content).toBe('Résumé différé');
    const typed = await t.fake.dispatchAutocomplete('test', 'article', 'bri').response();
    expect(typed.data).toEqual({ choices: [{ name: 'Bridge', value: 'en-bridge' }] });
    await settled(3);
    const statuses = [ready, deferred].map((h) => t.fake.requests.find((r) => r.path.startsWith(`/interactions/${h.id}/`))!.response === undefined);
    expect(statuses).toEqual([!always, !always]);
    expect(errors()).toEqual([]);
  });
});

describe('payloads on every path above', () => {
  it('are valid against Discord’s spec and carry allowed_mentions (the only 400s: the injected ones and the retries’ 40060)', () => {
    const problems = collectProblems(t.fake).filter((p) => !/refused with 400 \((50035 Invalid Form Body|40060 Interaction has already been acknowledged\.)\)/.test(p));
    expect(problems).toEqual([]);
    expect(t.fake.requests.filter((r) => r.status === 400).length).toBeGreaterThan(0);
  });
});
