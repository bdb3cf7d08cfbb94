import { RateLimitError, REST } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { globalFromBody, honourBodyRetryAfter, retryAfterFromBody } from '../../src/discord/rest-compat';
import { startFakeDiscord, type FakeDiscord, type FaultSpec } from '../support/fake-discord';

describe('retryAfterFromBody', () => {
  it.each([
    ['a float', '{"message":"You are being rate limited.","retry_after":0.5,"global":false}', 0.5],
    ['a numeric string', '{"retry_after":"2"}', 2],
    ['zero', '{"retry_after":0}', 0],
    ['an absurd wait, capped', '{"retry_after":86400}', 60],
    ['no field', '{"message":"slow down"}', undefined],
    ['a negative wait', '{"retry_after":-1}', undefined],
    ['not JSON', '<html>429 Too Many Requests</html>', undefined],
    ['null', 'null', undefined],
  ])('reads %s', (_name, text, expected) => {
    expect(retryAfterFromBody(text)).toBe(expected);
  });
});

describe('globalFromBody', () => {
  it.each([
    ['a global limit', '{"retry_after":1,"global":true}', true],
    ['a route limit', '{"retry_after":1,"global":false}', false],
    ['no field', '{"retry_after":1}', false],
    ['a string', '{"global":"true"}', false],
    ['not JSON', 'Too Many Requests', false],
  ])('reads %s', (_name, text, expected) => {
    expect(globalFromBody(text)).toBe(expected);
  });
});

describe('a 429 through discord.js REST with the wrapper', () => {
  let fake: FakeDiscord;
  let rest: REST;
  const route = '/channels/{channel_id}/messages';

  beforeAll(async () => {
    fake = await startFakeDiscord();
    rest = new REST({ api: fake.apiUrl, makeRequest: honourBodyRetryAfter() }).setToken(fake.token);
  });

  afterAll(async () => {
    await fake.close();
  });

  afterEach(() => {
    expect(fake.pendingFaults).toBe(0);
    expect(fake.handlerErrors).toEqual([]);
  });

  const attempts = (content: string) => fake.requests.filter((r) => r.route === route && (r.body as { content?: string }).content === content);

  it.each([
    ['only in the body (no rate-limit headers)', { status: 429, retryAfter: 0.15, retryAfterIn: 'body' }, 'بعد الانتظار'],
    ['in the headers and the body, user scope', { status: 429, retryAfter: 0.15 }, 'after the wait'],
    ['in the headers and the body, shared scope', { status: 429, retryAfter: 0.15, scope: 'shared' }, 'après l’attente'],
    ['in the headers and the body, global', { status: 429, retryAfter: 0.15, scope: 'global' }, 'global wait'],
    ['only in the Retry-After header (seconds)', { status: 429, retryAfter: 0.15, retryAfterIn: 'header' }, 'header only'],
    ['only in the headers, global (X-RateLimit-Global)', { status: 429, retryAfter: 0.15, retryAfterIn: 'header', scope: 'global' }, 'attente globale'],
    ['only in the body, global (no headers)', { status: 429, retryAfter: 0.15, retryAfterIn: 'body', scope: 'global' }, 'انتظار عام'],
  ] as Array<[string, FaultSpec, string]>)('waits at least retry_after when it is %s, then posts once', async (_name, fault, content) => {
    fake.failNext({ method: 'POST', route }, fault, 2);
    const posted = (await rest.post(`/channels/${fake.channels.text}/messages`, { body: { content, allowed_mentions: { parse: [] } } })) as { id: string };
    const tries = attempts(content);
    expect(tries.map((r) => r.status)).toEqual([429, 429, 200]);
    // A lower bound only (a wait cannot be shorter than asked): the retries were not fired at once.
    for (let i = 1; i < tries.length; i++) expect(tries[i]!.time - tries[i - 1]!.time).toBeGreaterThanOrEqual(140);
    expect(fake.messages(fake.channels.text).filter((m) => m.id === posted.id)).toHaveLength(1);
  });

  it.each([
    ['in the headers (X-RateLimit-Global)', { status: 429, retryAfter: 0.2, scope: 'global' }, true],
    ['only in the body ("global": true, no headers)', { status: 429, retryAfter: 0.2, scope: 'global', retryAfterIn: 'body' }, true],
    ['a route limit in the body only', { status: 429, retryAfter: 0.2, retryAfterIn: 'body' }, false],
  ] as Array<[string, FaultSpec, boolean]>)('a REST that hands 429s on sees a global limit said %s as global, with its wait', async (_name, fault, global) => {
    const handing = new REST({ api: fake.apiUrl, makeRequest: honourBodyRetryAfter(), rejectOnRateLimit: () => true, retries: 0 }).setToken(fake.token);
    fake.failNext({ method: 'POST', route }, fault, 1);
    const error = await handing.post(`/channels/${fake.channels.text}/messages`, { body: { content: 'x', allowed_mentions: { parse: [] } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).global).toBe(global);
    expect((error as RateLimitError).retryAfter).toBeGreaterThanOrEqual(200);
  });

  it('waits a second when a 429 says nothing about how long', async () => {
    fake.failNext({ method: 'POST', route }, { status: 429, retryAfterIn: 'body', message: 'no wait given', retryAfter: Number.NaN }, 1);
    await rest.post(`/channels/${fake.channels.text}/messages`, { body: { content: 'no hint', allowed_mentions: { parse: [] } } });
    const tries = attempts('no hint');
    expect(tries.map((r) => r.status)).toEqual([429, 200]);
    expect(tries[1]!.time - tries[0]!.time).toBeGreaterThanOrEqual(990);
  });
});
