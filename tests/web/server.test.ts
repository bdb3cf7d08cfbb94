import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { HttpReplies } from '../../src/web/http-replies';
import { createInteractionServer, type RawInteraction } from '../../src/web/server';
import { publicKeyFromHex } from '../../src/web/signature';
import { postSigned } from '../support/fake-discord';

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
  server = createInteractionServer({ publicKey: publicKeyFromHex(hex), replies, handle, isReady: () => true, logger: createLogger({ level: 'silent' }), answerWithinMs: 300 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const interaction = (id: string, content: string): string => JSON.stringify({ id, type: 2, token: `token-${id}`, data: { content } });

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
    ['a handler that never answers', '1100000000000000604', 'never answers'],
    ['a handler that throws', '1100000000000000605', 'throws'],
  ])('answers 500 for %s, and the request ends', async (_name, id, content) => {
    expect((await postSigned(`${url}/interactions`, interaction(id, content), keys.privateKey)).status).toBe(500);
  });

  it.each([
    ['a body that is not JSON', 'not json', 400],
    ['JSON that is not an interaction', '{"hello":"world"}', 400],
    ['a body over 1 MB', `{"id":"1","type":2,"pad":"${'x'.repeat(1_100_000)}"}`, 413],
  ])('refuses %s', async (_name, body, status) => {
    expect((await postSigned(`${url}/interactions`, body, keys.privateKey)).status).toBe(status);
  });

  it.each([
    ['GET', '/interactions', 405],
    ['POST', '/other', 404],
    ['GET', '/healthz', 200],
  ])('%s %s → %i', async (method, path, status) => {
    expect((await fetch(`${url}${path}`, { method })).status).toBe(status);
  });
});
