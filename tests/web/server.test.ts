import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpReplies } from '../../src/web/http-replies';
import { createInteractionServer, type RawInteraction } from '../../src/web/server';
import { publicKeyFromHex } from '../../src/web/signature';
import { captureLogger } from '../library/helpers';
import { postSigned, type SignOptions } from '../support/fake-discord';

const keys = generateKeyPairSync('ed25519');
const hex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const replies = new HttpReplies();
/** Stands in for Discord's REST: what a request would reach when it is not a captured callback. */
const passedThrough: string[] = [];
const makeRequest = replies.makeRequest(async (url) => {
  passedThrough.push(url);
  return new Response(null, { status: 204 }) as never;
});
let server: Server;
let url: string;
/** Every log line of the endpoint, parsed. */
const { logger, lines: logLines } = captureLogger('info');
/** The log lines written while `run` ran. */
async function linesDuring(run: () => Promise<unknown>): Promise<typeof logLines> {
  const from = logLines.length;
  await run();
  return logLines.slice(from);
}

/** How the router would answer each test interaction: through discord.js's REST, i.e. `makeRequest`. */
async function handle(interaction: RawInteraction): Promise<void> {
  const callback = `https://discord.com/api/v10/interactions/${interaction.id}/token-${interaction.id}/callback`;
  const content = (interaction.data as { content?: string } | undefined)?.content;
  if (content === 'never answers') return;
  if (content === 'throws') throw new Error('handler bug');
  const body = JSON.stringify({ type: 4, data: { content, allowed_mentions: { parse: [] } } });
  await makeRequest(callback, { method: 'POST', body });
  // After the first callback, everything goes to Discord as usual (a follow-up, say).
  await makeRequest(`https://discord.com/api/v10/webhooks/1/token-${interaction.id}`, { method: 'POST', body });
}

beforeAll(async () => {
  server = createInteractionServer({ publicKey: publicKeyFromHex(hex), replies, handle, isReady: () => true, logger, answerWithinMs: 300 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const interaction = (id: string, content: string, type = 2, locale = 'en-US'): string => JSON.stringify({ id, type, token: `token-${id}`, locale, data: { content } });
const EPHEMERAL = 64;

describe('the interactions endpoint', () => {
  it.each([
    ['Arabic', '1100000000000000601', 'الملخص'],
    ['English', '1100000000000000602', 'Summary'],
    ['French', '1100000000000000603', 'Résumé'],
  ])('answers an %s reply in the HTTP response and sends what follows to Discord', async (_lang, id, content) => {
    const answer = await postSigned(`${url}/interactions`, interaction(id, content), keys.privateKey);
    expect(answer).toMatchObject({ status: 200, json: { type: 4, data: { content } } });
    expect(passedThrough).toContain(`https://discord.com/api/v10/webhooks/1/token-${id}`);
    expect(passedThrough.some((u) => u.includes(`/interactions/${id}/`))).toBe(false);
  });

  it.each([
    ['a handler that never answers', 'never answers', 2, 'en-US', 'Something went wrong'],
    ['a handler that throws', 'throws', 2, 'fr', 'Une erreur est survenue'],
    ['a button whose handler never answers', 'never answers', 3, 'ar', 'حدث خطأ ما'],
    ['a form whose handler throws', 'throws', 5, 'en-GB', 'Something went wrong'],
  ])('answers %s with a one-line ephemeral "something went wrong" in the user’s language, one warning, never a 500', async (_name, content, type, locale, text) => {
    const id = String(1100000000000000604n + BigInt(type));
    let answer: Awaited<ReturnType<typeof postSigned>> | undefined;
    const lines = await linesDuring(async () => (answer = await postSigned(`${url}/interactions`, interaction(id, content, type, locale), keys.privateKey)));
    expect(answer).toMatchObject({ status: 200, json: { type: 4, data: { flags: EPHEMERAL, allowed_mentions: { parse: [] } } } });
    const shown = String((answer!.json as { data: { content: string } }).data.content);
    expect(shown).toContain(text);
    expect(shown).not.toContain('\n');
    expect(lines.filter((l) => l.level === 40 && l.interactionId === id)).toHaveLength(1);
  });

  it('answers an autocomplete nothing answered with no choices', async () => {
    const answer = await postSigned(`${url}/interactions`, interaction('1100000000000000610', 'never answers', 4), keys.privateKey);
    expect(answer).toMatchObject({ status: 200, json: { type: 8, data: { choices: [] } } });
  });

  it.each([
    ['a body that is not JSON', 'not json', {}, 400],
    ['JSON that is not an interaction', '{"hello":"world"}', {}, 400],
    ['JSON null', 'null', {}, 400],
    ['an interaction type it does not know (a newer Discord’s)', interaction('1100000000000000611', 'Summary', 99), {}, 400],
    ['an interaction type 0', interaction('1100000000000000612', 'Summary', 0), {}, 400],
    ['a form-encoded body', interaction('1100000000000000613', 'Summary'), { contentType: 'application/x-www-form-urlencoded' }, 415],
    ['a text body', interaction('1100000000000000614', 'Summary'), { contentType: 'text/plain' }, 415],
    ['no content type', interaction('1100000000000000615', 'Summary'), { contentType: null }, 415],
    ['a body over 1 MB', `{"id":"1","type":2,"pad":"${'x'.repeat(1_100_000)}"}`, {}, 413],
  ] as Array<[string, string, SignOptions, number]>)('refuses %s with a JSON error, one warning line and no secret', async (_name, body, sign, status) => {
    let answer: Awaited<ReturnType<typeof postSigned>> | undefined;
    const lines = await linesDuring(async () => (answer = await postSigned(`${url}/interactions`, body, keys.privateKey, sign)));
    expect(answer).toMatchObject({ status, json: { error: expect.any(String) } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: expect.stringContaining(`interaction refused (${status})`) });
    expect(JSON.stringify(lines)).not.toMatch(/token-|pad|Summary/);
  });

  it('refuses a body announced over 1 MB before reading it', async () => {
    const res = await fetch(`${url}/interactions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '50000000' }, body: 'x'.repeat(10) }).catch((error: unknown) => error);
    // Either the 413 arrives, or the client sees the connection closed before it finished sending: never a 2xx or a 500.
    if (res instanceof Response) expect(res.status).toBe(413);
  });

  it('still answers PING with PONG, whatever comes with it', async () => {
    const answer = await postSigned(`${url}/interactions`, JSON.stringify({ id: '1100000000000000616', type: 1, token: 't', extra: { x: 1 } }), keys.privateKey);
    expect(answer).toMatchObject({ status: 200, json: { type: 1 } });
  });

  it.each([
    ['GET', '/interactions', 405],
    ['POST', '/other', 404],
    ['GET', '/healthz', 200],
  ])('%s %s → %i', async (method, path, status) => {
    expect((await fetch(`${url}${path}`, { method })).status).toBe(status);
  });
});
