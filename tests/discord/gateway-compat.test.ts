import { Client, Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { botClientOptions } from '../../src/discord/client-options';
import { normalizeReadyPacket, tolerateGatewayVariants } from '../../src/discord/gateway-compat';
import { login, newClient } from '../support/fake-client';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord';

const BOT = '1100000000000000003';
const user = { id: BOT, username: 'Briefing', discriminator: '0', bot: true };

describe('normalizeReadyPacket', () => {
  it.each([
    ['a complete READY is left alone', { application: { id: '42', flags: 1 }, guilds: [] }, undefined, [], { id: '42', flags: 1 }],
    ['no application: the bot user id (every current app’s id)', { guilds: [] }, undefined, ['application'], { id: BOT, flags: 0 }],
    ['no application: the configured client id wins', { guilds: [] }, '77', ['application'], { id: '77', flags: 0 }],
    ['an application without id keeps its flags', { application: { flags: 8 }, guilds: [] }, undefined, ['application'], { id: BOT, flags: 8 }],
    ['no guilds: an empty list', { application: { id: '42', flags: 0 } }, undefined, ['guilds'], { id: '42', flags: 0 }],
  ])('%s', (_name, d, clientId, filled, application) => {
    const packet = { t: 'READY', d: { user, ...d } as Record<string, unknown> };
    expect(normalizeReadyPacket(packet, clientId)).toEqual(filled);
    expect(packet.d.application).toEqual(application);
    expect(Array.isArray(packet.d.guilds)).toBe(true);
  });

  it.each([
    ['another event', { t: 'GUILD_CREATE', d: { id: '1' } }],
    ['a READY without data', { t: 'READY', d: null }],
    ['a heartbeat ACK', { t: null, d: null }],
  ])('ignores %s', (_name, packet) => {
    const copy = JSON.parse(JSON.stringify(packet)) as unknown;
    expect(normalizeReadyPacket(packet)).toEqual([]);
    expect(packet).toEqual(copy);
  });
});

describe('the client against gateway variants', () => {
  let fake: FakeDiscord | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    await fake?.close();
    client = undefined;
    fake = undefined;
  });

  it('becomes ready when READY has no application field, with the bot’s id as the application id', async () => {
    fake = await startFakeDiscord({ readyWithoutApplication: true });
    client = newClient(fake);
    const filled: string[][] = [];
    tolerateGatewayVariants(client, undefined, (fields) => filled.push(fields));
    await login(client, fake);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(filled).toEqual([['application']]);
  });

  it('answers an interaction within 3 s when GUILD_CREATE comes late, the guild unavailable at first', async () => {
    const [locale, text] = ['ar', 'هنا'];
    fake = await startFakeDiscord({ guildCreateDelayMs: 3500 });
    client = new Client(botClientOptions(fake.apiUrl));
    client.on(Events.InteractionCreate, (i) => {
      if (i.isChatInputCommand()) void i.reply({ content: text, allowedMentions: { parse: [] } });
    });
    await client.login(fake.token);
    await fake.waitForIdentify(1);
    const cb = await fake.dispatchCommand('brief', {}, { locale }).response(6000);
    // The fake, like Discord, refuses a callback later than 3 s with 404 10062.
    expect(cb).toMatchObject({ type: 4, status: 200, data: { content: text } });
    // GUILD_CREATE comes 3.5 s after READY: wait for it with room for a loaded machine (a limit, not a timing).
    await expect.poll(() => client!.guilds.cache.get(fake!.guildId)?.available, { timeout: 20_000 }).toBe(true);
  });

  it('reconnects and resumes when heartbeats go unacknowledged (a zombie connection)', async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 250 });
    client = newClient(fake);
    await login(client, fake);
    const resumed = new Promise<void>((resolve) => client!.once(Events.ShardResume, () => resolve()));
    fake.skipHeartbeatAcks(1);
    await fake.waitForResumed(1);
    await resumed;
    expect(fake.gatewayCloses.some((c) => c.by === 'client' && c.code !== 1000)).toBe(true);
    expect(fake.gatewayStats.connected).toBe(true);
  });
});
