import { type Client, DiscordAPIError, Events, REST, Routes, type TextChannel } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectProblems, validateRequest } from './discord-spec';
import { login, newClient, useFakeWithClient } from './fake-client';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';
import { WebSocket } from 'ws';

const t = useFakeWithClient();
let fake: FakeDiscord;
let client: Client;
beforeAll(() => {
  fake = t.fake;
  client = t.client;
});

async function textChannel(id: string): Promise<TextChannel> {
  return (await client.channels.fetch(id)) as TextChannel;
}

describe('fake Discord: channel posts and faults', () => {
  it('makes discord.js wait and retry on a 429, and the message is posted once', async () => {
    const before = fake.messages(fake.channels.text).length;
    fake.failNext({ method: 'POST', route: '/channels/{channel_id}/messages' }, { status: 429, retryAfter: 0.05 });
    const channel = await textChannel(fake.channels.text);
    await channel.send({ content: 'after rate limit' });
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.route === '/channels/{channel_id}/messages' && (r.body as { content?: string }).content === 'after rate limit');
    expect(posts.map((r) => [r.status, r.injected])).toEqual([[429, true], [200, false]]);
    expect(fake.messages(fake.channels.text)).toHaveLength(before + 1);
  });

  it('lets discord.js retry a 500 and posts once', async () => {
    fake.failNext({ method: 'POST', path: /\/messages$/ }, { status: 500 });
    const channel = await textChannel(fake.channels.text);
    const m = await channel.send({ content: 'after 500' });
    expect(fake.messages(fake.channels.text).filter((x) => x.content === 'after 500')).toEqual([expect.objectContaining({ id: m.id })]);
    expect(fake.pendingFaults).toBe(0);
  });

  it.each([
    ['204', 204],
    ['200', 200],
  ])('answers an emptyBody fault with %s and no body, the request handled', async (_name, status) => {
    const before = fake.messages(fake.channels.text).length;
    fake.failNext({ method: 'POST', route: '/channels/{channel_id}/messages' }, { status, emptyBody: true });
    const res = await fetch(`${fake.apiUrl}/v10/channels/${fake.channels.text}/messages`, {
      method: 'POST', headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ content: `empty ${status}` }),
    });
    expect([res.status, await res.text()]).toEqual([status, '']);
    expect(fake.messages(fake.channels.text)).toHaveLength(before + 1);
  });

  it('holds the answer of a delayMs fault past a client’s timeout, the request handled (the message created)', async () => {
    const rest = new REST({ api: fake.apiUrl, timeout: 200, retries: 0 }).setToken(fake.token);
    const before = fake.messages(fake.channels.text).length;
    fake.failNext({ method: 'POST', route: '/channels/{channel_id}/messages' }, { status: 200, delayMs: 1500 });
    await expect(rest.post(Routes.channelMessages(fake.channels.text), { body: { content: 'slow answer' } })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.messages(fake.channels.text)).toHaveLength(before + 1);
    expect(fake.pendingFaults).toBe(0);
  });

  it('deduplicates posts with the same nonce and enforce_nonce', async () => {
    const channel = await textChannel(fake.channels.announcement);
    const a = await channel.send({ content: 'موجز', nonce: 'brief-42-ch', enforceNonce: true });
    const b = await channel.send({ content: 'موجز', nonce: 'brief-42-ch', enforceNonce: true });
    expect(b.id).toBe(a.id);
    expect(fake.messages(fake.channels.announcement).filter((m) => m.nonce === 'brief-42-ch')).toHaveLength(1);
  });

  it.each([
    ['noSend', 403, 50013],
    ['noView', 403, 50001],
  ] as const)('refuses a post to the %s channel with %d %d', async (name, status, code) => {
    const err = await client.rest.post(`/channels/${fake.channels[name]}/messages`, { body: { content: 'x', allowed_mentions: { parse: [] } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect(err).toMatchObject({ status, code });
  });

  it('answers 404 10003 for an unknown or deleted channel', async () => {
    fake.addChannel({ id: '1100000000000000099', name: 'doomed' });
    fake.deleteChannel('1100000000000000099');
    const err = await client.rest.post('/channels/1100000000000000099/messages', { body: { content: 'x' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, code: 10003 });
  });

  it('injects a 403 with the given code and reports whether a mention would ping', async () => {
    fake.failNext({ route: '/channels/{channel_id}/messages' }, { status: 403, code: 50001 });
    const err = await client.rest.post(`/channels/${fake.channels.text}/messages`, { body: { content: 'x' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, code: 50001, message: 'Missing Access' });
    await client.rest.post(`/channels/${fake.channels.text}/messages`, { body: { content: 'hey @everyone' } });
    await client.rest.post(`/channels/${fake.channels.text}/messages`, { body: { content: 'hey @everyone', allowed_mentions: { parse: [] } } });
    const last = fake.allMessages(fake.channels.text).slice(-2).map((m) => m.wouldPing);
    expect(last).toEqual([true, false]);
    expect(collectProblems({ requests: fake.requests.slice(-2) })).toEqual([
      expect.stringContaining('message without allowed_mentions'),
    ]);
  });

  it('lets discord.js retry after a connection reset, and the message is posted once', async () => {
    fake.failNext({ method: 'POST', route: '/channels/{channel_id}/messages' }, { status: 0, reset: true });
    const channel = await textChannel(fake.channels.text);
    const m = await channel.send({ content: 'after reset' });
    const tries = fake.requests.filter((r) => (r.body as { content?: string } | undefined)?.content === 'after reset');
    expect(tries.map((r) => [r.status, r.injected])).toEqual([[0, true], [200, false]]);
    expect(fake.messages(fake.channels.text).filter((x) => x.id === m.id)).toHaveLength(1);
  });

  it('reads payload_json from multipart bodies and records the file names', async () => {
    const channel = await textChannel(fake.channels.text);
    await channel.send({ content: 'ملف', files: [{ attachment: Buffer.from('hello'), name: 'briefing.txt' }] });
    const r = await fake.waitFor((x) => Array.isArray(x.files));
    expect(r.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(r.body).toMatchObject({ content: 'ملف', attachments: [{ id: '0' }] });
    expect(r.files).toEqual(['briefing.txt']);
    expect(validateRequest(r.method, r.path, r.body)).toEqual([]);
  });

  it('deduplicates a nonce per channel only', async () => {
    const a = await (await textChannel(fake.channels.text)).send({ content: 'x', nonce: 'same-nonce', enforceNonce: true });
    const b = await (await textChannel(fake.channels.announcement)).send({ content: 'x', nonce: 'same-nonce', enforceNonce: true });
    expect(a.id).not.toBe(b.id);
  });

  it('refuses a message over Discord limits with 400 50035', async () => {
    const err = await client.rest.post(`/channels/${fake.channels.text}/messages`, {
      body: { embeds: [{ title: 't'.repeat(257) }], allowed_mentions: { parse: [] } },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, code: 50035 });
    fake.requests.pop();
  });
});

describe('fake Discord: gateway', () => {
  it('resumes after a dropped connection, replays a missed interaction, and keeps handling', async () => {
    t.onInteraction(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: `pong ${i.commandName}` });
    });
    const resumes = fake.gatewayStats.resumes;
    fake.dropGateway({ code: 4000 });
    const missed = fake.dispatchCommand('during-drop');
    await fake.waitForResumed(resumes + 1);
    expect((await missed.response()).data).toMatchObject({ content: 'pong during-drop' });
    const after = fake.dispatchCommand('after-resume');
    expect((await after.response()).data).toMatchObject({ content: 'pong after-resume' });
    expect(fake.gatewayFrames.filter((f) => f.op === 6).at(-1)?.d).toMatchObject({ token: '[token ok]' });
  });

  it('sends an invalid session when the session cannot be resumed, and the bot re-identifies', async () => {
    t.onInteraction(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'still here' });
    });
    const identifies = fake.gatewayStats.identifies;
    fake.dropGateway({ abrupt: true, resumable: false });
    await fake.waitForIdentify(identifies + 1);
    expect(fake.gatewayStats.invalidSessions).toBeGreaterThan(0);
    expect((await fake.dispatchCommand('brief').response()).data).toMatchObject({ content: 'still here' });
  });

  it('resumes when it asks the bot to reconnect (op 7)', async () => {
    const resumes = fake.gatewayStats.resumes;
    fake.requestReconnect();
    await fake.waitForResumed(resumes + 1);
    expect(fake.gatewayStats.connected).toBe(true);
  });

  it('answers heartbeats and records a clean 1000 close on client.destroy()', async () => {
    const f = await startFakeDiscord({ heartbeatIntervalMs: 200 });
    try {
      const c = newClient(f);
      await login(c, f);
      await expect.poll(() => f.gatewayFrames.some((fr) => fr.op === 1), { timeout: 5000 }).toBe(true);
      await c.destroy();
      const close = await f.waitForClose((x) => x.by === 'client');
      expect(close.code).toBe(1000);
      // The ended session cannot be resumed: a later event waits for the next IDENTIFY.
      f.dispatchCommand('after-shutdown');
      const again = newClient(f);
      const seen = new Promise<string>((resolve) => again.on(Events.InteractionCreate, (i) => {
        if (i.isChatInputCommand()) resolve(i.commandName);
      }));
      await login(again, f);
      expect(await seen).toBe('after-shutdown');
      await again.destroy();
    } finally {
      await f.close();
    }
  });
});

describe('gateway encoding and compression', () => {
  it('records what each connection asked for: the bot asks for JSON without compression', () => {
    expect(fake.gatewayConnectUrls.length).toBeGreaterThan(0);
    for (const url of fake.gatewayConnectUrls) expect(url).toMatch(/[?&]encoding=json(&|$)/);
    expect(fake.gatewayConnectUrls.join(' ')).not.toContain('compress');
  });

  it.each([['?v=10&encoding=etf'], ['?v=10&encoding=json&compress=zlib-stream']])('closes a connection asking for %s with 1003 (the fake speaks plain JSON only)', async (query) => {
    const ws = new WebSocket(`${fake.gatewayUrl}/${query}`);
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(1003);
  });
});
