import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { classifyPostError, RestPoster, type RestLike } from '../../src/scheduler';

const CHANNEL = '200000000000000001';
const apiError = (status: number, code: number, message: string): DiscordAPIError =>
  new DiscordAPIError({ code, message }, code, status, 'POST', `/channels/${CHANNEL}/messages`, { body: {} });
const httpError = (status: number): HTTPError => new HTTPError(status, 'Server Error', 'POST', `/channels/${CHANNEL}/messages`, { body: {} });

/** A REST stand-in that answers from a list (an error to throw, or a body to return) and records calls. */
function fakeRest(...answers: unknown[]): RestLike & { calls: Array<{ route: string; body: unknown }> } {
  const calls: Array<{ route: string; body: unknown }> = [];
  return {
    calls,
    async post(route, options) {
      calls.push({ route, body: options.body });
      const answer = answers.shift() ?? { id: '900000000000000001' };
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

const noSleep = async (): Promise<void> => {};
const message = { embeds: [{ title: 'بيان وزارة الخارجية' }], allowed_mentions: { parse: [] as [] } };

describe('classifyPostError', () => {
  it.each([
    ['403 Missing Permissions', apiError(403, 50013, 'Missing Permissions'), 'pause', /50013/],
    ['403 Missing Access', apiError(403, 50001, 'Missing Access'), 'pause', /50001/],
    ['404 Unknown Channel', apiError(404, 10003, 'Unknown Channel'), 'pause', /10003/],
    ['another 403', apiError(403, 40002, 'verify your account'), 'pause', /Forbidden \(403, 40002\)/],
    ['500', httpError(500), 'retry', /HTTP 500/],
    ['503', httpError(503), 'retry', /HTTP 503/],
    ['502 as an API error', apiError(502, 0, 'Bad Gateway'), 'retry', /HTTP 502/],
    ['429 that discord.js gave up on', apiError(429, 0, 'You are being rate limited.'), 'retry', /429/],
    ['a network error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'retry', /network: read ECONNRESET/],
    ['a timeout (AbortError)', Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }), 'retry', /network/],
    ['400 Invalid Form Body', apiError(400, 50035, 'Invalid Form Body'), 'reject', /400 \(50035\)/],
    ['a thrown string', 'boom', 'retry', /boom/],
  ])('%s → %s', (_label, error, kind, reason) => {
    const outcome = classifyPostError(error);
    expect(outcome.kind).toBe(kind);
    expect(outcome.kind !== 'ok' && outcome.reason).toMatch(reason);
  });
});

describe('RestPoster', () => {
  it('posts to the channel route with the nonce, enforce_nonce and no mentions', async () => {
    const rest = fakeRest({ id: '900000000000000042' });
    const outcome = await new RestPoster(rest, { sleep: noSleep }).post(CHANNEL, { ...message, allowed_mentions: undefined }, 'abc123');
    expect(outcome).toEqual({ kind: 'ok', messageId: '900000000000000042' });
    expect(rest.calls).toEqual([
      { route: `/channels/${CHANNEL}/messages`, body: { embeds: message.embeds, allowed_mentions: { parse: [], replied_user: false }, nonce: 'abc123', enforce_nonce: true } },
    ]);
  });

  it('retries a 5xx with the same nonce, then succeeds', async () => {
    const rest = fakeRest(httpError(502), httpError(503), { id: '900000000000000007' });
    const delays: number[] = [];
    const poster = new RestPoster(rest, { retries: 2, backoffMs: 100, sleep: async (ms) => void delays.push(ms) });
    expect(await poster.post(CHANNEL, message, 'same')).toEqual({ kind: 'ok', messageId: '900000000000000007' });
    expect(rest.calls.map((c) => (c.body as { nonce: string }).nonce)).toEqual(['same', 'same', 'same']);
    expect(delays).toEqual([100, 200]);
  });

  it('gives up for this run after bounded retries', async () => {
    const rest = fakeRest(httpError(500), httpError(500), httpError(500), httpError(500));
    const outcome = await new RestPoster(rest, { retries: 2, sleep: noSleep }).post(CHANNEL, message, 'n');
    expect(outcome.kind).toBe('retry');
    expect(rest.calls).toHaveLength(3);
  });

  it.each([
    [apiError(403, 50013, 'Missing Permissions'), 'pause'],
    [apiError(404, 10003, 'Unknown Channel'), 'pause'],
    [apiError(400, 50035, 'Invalid Form Body'), 'reject'],
  ])('does not retry a refusal (%s)', async (error, kind) => {
    const rest = fakeRest(error);
    const outcome = await new RestPoster(rest, { retries: 3, sleep: noSleep }).post(CHANNEL, message, 'n');
    expect(outcome.kind).toBe(kind);
    expect(rest.calls).toHaveLength(1);
  });

  it('treats an answer without a message id as retry-later', async () => {
    const rest = fakeRest({}, {}, {});
    expect((await new RestPoster(rest, { retries: 0, sleep: noSleep }).post(CHANNEL, message, 'n')).kind).toBe('retry');
  });
});
