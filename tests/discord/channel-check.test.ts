import type { Client, Guild } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkBotCanPost, type PostTarget } from '../../src/scheduler/channel-check';
import { login, newClient } from '../support/fake-client';
import { Perm, startFakeDiscord, type FakeDiscord } from '../support/fake-discord';

/**
 * The `/schedule` channel check against the real discord.js client and a fake
 * Discord whose GUILD_CREATE carries no members (as for bots without the
 * members intent, or gateways that leave them out), with channels the cache
 * does not know and overwrites changed behind its back, and a second server
 * the bot is also in.
 */
let fake: FakeDiscord;
let client: Client;
let guild: Guild;
const UNCACHED = '1100000000000000500';
const UNREACHABLE = '1100000000000000502';

beforeAll(async () => {
  fake = await startFakeDiscord({ guildCreateMembers: false, secondGuild: true });
  client = newClient(fake);
  await login(client, fake);
  guild = client.guilds.cache.get(fake.guildId)!;
});

afterAll(async () => {
  await client.destroy();
  await fake.close();
});

afterEach(() => {
  expect(fake.pendingFaults).toBe(0);
  expect(fake.handlerErrors).toEqual([]);
});

const target = (channelId: string, extra: Partial<PostTarget> = {}): PostTarget => ({ client, guildId: fake.guildId, guild, channelId, ...extra });

describe('checkBotCanPost without the bot’s member in the cache', () => {
  it('starts with no cached member for the bot (the case under test)', () => {
    expect(guild.members.cache.has(fake.botUserId)).toBe(false);
  });

  it.each([
    ['a text channel', () => fake.channels.text],
    ['an announcement channel', () => fake.channels.announcement],
  ])('allows %s after fetching its own member', async (_name, channel) => {
    await expect(checkBotCanPost(target(channel()))).resolves.toBe('ok');
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/guilds/${fake.guildId}/members/${fake.botUserId}`)).toBe(true);
  });

  it.each([
    ['Send Messages is denied', () => fake.channels.noSend, /missing Send Messages/],
    ['the channel is hidden from the bot', () => fake.channels.noView, /cannot see .*View Channel/],
    ['it is a voice channel', () => fake.channels.voice, /not a text or announcement channel/],
  ])('refuses when %s', async (_name, channel, message) => {
    await expect(checkBotCanPost(target(channel()))).rejects.toThrow(message);
  });
});

describe('checkBotCanPost when the cache is incomplete or stale', () => {
  it('checks a channel the cache has never seen (fetched from REST)', async () => {
    fake.state.addChannel({ id: UNCACHED, name: 'أخبار', type: 0 });
    expect(guild.channels.cache.has(UNCACHED)).toBe(false);
    await expect(checkBotCanPost(target(UNCACHED, { channelType: 0 }))).resolves.toBe('ok');
  });

  it('sees overwrites changed behind the cache’s back (no CHANNEL_UPDATE received)', async () => {
    const channel = fake.state.channels.get(fake.channels.announcement)!;
    const saved = channel.permission_overwrites;
    channel.permission_overwrites = [{ id: fake.botUserId, type: 1, allow: '0', deny: String(Perm.EmbedLinks) }];
    try {
      await expect(checkBotCanPost(target(fake.channels.announcement, { channelType: 5 }))).rejects.toThrow(/missing Embed Links/);
    } finally {
      channel.permission_overwrites = saved;
    }
  });

  it('works for a guild that is not in the cache (unavailable, or GUILD_CREATE not yet received)', async () => {
    await expect(checkBotCanPost(target(fake.channels.text, { guild: null }))).resolves.toBe('ok');
    await expect(checkBotCanPost(target(fake.channels.noSend, { guild: null }))).rejects.toThrow(/missing Send Messages/);
  });

  it('says the bot is not in a server it does not belong to', async () => {
    await expect(checkBotCanPost(target(fake.channels.text, { guild: null, guildId: '1100000000000000999' }))).rejects.toThrow(/not a member of this server/);
  });

  it('a deleted channel is named as such', async () => {
    await expect(checkBotCanPost(target('1100000000000000501', { channelType: 0 }))).rejects.toThrow(/does not exist/);
  });
});

describe('checkBotCanPost from the interaction’s own data', () => {
  it.each([
    ['View, Send and Embed', Perm.ViewChannel | Perm.SendMessages | Perm.EmbedLinks, 'ok'],
    ['no Embed Links', Perm.ViewChannel | Perm.SendMessages, /missing Embed Links/],
    ['nothing', 0n, /missing View Channel, Send Messages, Embed Links/],
  ] as const)('uses app_permissions for the channel the command was used in (%s), without REST', async (_name, bits, expected) => {
    const before = fake.requests.length;
    const check = checkBotCanPost(target(fake.channels.text, { channelType: 0, here: { channelId: fake.channels.text, permissions: bits } }));
    if (expected === 'ok') await expect(check).resolves.toBe('ok');
    else await expect(check).rejects.toThrow(expected);
    expect(fake.requests.length).toBe(before);
  });

  it('does not apply app_permissions to another channel', async () => {
    const all = Perm.ViewChannel | Perm.SendMessages | Perm.EmbedLinks;
    await expect(checkBotCanPost(target(fake.channels.noSend, { channelType: 0, here: { channelId: fake.channels.text, permissions: all } }))).rejects.toThrow(/Send Messages/);
  });

  it('says "unchecked" rather than refuse when Discord cannot be reached', async () => {
    fake.state.addChannel({ id: UNREACHABLE, name: 'canal', type: 0 });
    fake.failNext({ method: 'GET', route: '/channels/{channel_id}' }, { status: 0, reset: true }, 4);
    await expect(checkBotCanPost(target(UNREACHABLE, { channelType: 0 }))).resolves.toBe('unchecked');
  });
});

describe('checkBotCanPost and a channel of another server the bot is in', () => {
  const foreign = (): string => fake.secondGuild!.channels.text;
  const channelLookups = (id: string): number => fake.requests.filter((r) => r.method === 'GET' && r.path === `/channels/${id}`).length;

  it('refuses it from the interaction’s channel option alone, before asking Discord', async () => {
    const before = channelLookups(foreign());
    let asked = 0;
    const check = checkBotCanPost(target(foreign(), { channelGuildId: fake.secondGuild!.guildId, beforeDiscord: () => asked++ }));
    await expect(check).rejects.toThrow(/belongs to another server/);
    expect(channelLookups(foreign())).toBe(before);
    expect(asked).toBe(0);
  });

  it('refuses it when only Discord’s channel tells its server (a partial channel option without guild_id)', async () => {
    let asked = 0;
    await expect(checkBotCanPost(target(foreign(), { beforeDiscord: () => asked++ }))).rejects.toThrow(/belongs to another server/);
    expect(asked).toBe(1);
  });

  it('refuses the cached copy of another server’s channel when Discord cannot be asked', async () => {
    const copy = client.channels.cache.get(foreign())!;
    // discord.js files a channel from an interaction's `resolved` data under the interaction's guild.
    guild.channels.cache.set(copy.id, copy as never);
    fake.failNext({ method: 'GET', path: `/channels/${foreign()}` }, { status: 0, reset: true }, 4);
    try {
      await expect(checkBotCanPost(target(foreign()))).rejects.toThrow(/belongs to another server/);
    } finally {
      guild.channels.cache.delete(copy.id);
    }
  });

  it('asks Discord (after beforeDiscord, once) for a channel of this server, and not at all from app_permissions', async () => {
    let asked = 0;
    await expect(checkBotCanPost(target(fake.channels.announcement, { channelGuildId: fake.guildId, beforeDiscord: () => asked++ }))).resolves.toBe('ok');
    expect(asked).toBe(1);
    const here = { channelId: fake.channels.text, permissions: Perm.ViewChannel | Perm.SendMessages | Perm.EmbedLinks };
    await expect(checkBotCanPost(target(fake.channels.text, { here, beforeDiscord: () => asked++ }))).resolves.toBe('ok');
    expect(asked).toBe(1);
  });
});
