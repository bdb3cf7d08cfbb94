import { Client, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botClientOptions } from '../../src/discord/client-options';
import { createLogger } from '../../src/logger';
import { HttpReplies, loginWithoutGateway, runInteraction, webClientOptions } from '../../src/web/endpoint';
import type { RawInteraction } from '../../src/web/server';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord';
import { baseInteraction } from '../support/fake-discord/interactions';

let fake: FakeDiscord;
let client: Client;
const logger = createLogger({ level: 'silent' });

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = new Client(botClientOptions(fake.apiUrl, webClientOptions(new HttpReplies())));
  await loginWithoutGateway(client, fake.token);
});
afterAll(async () => {
  await client.destroy();
  await fake.close();
});

const command = (name: string, context: 'guild' | 'dm' | 'foreign-guild', locale: string): RawInteraction =>
  baseInteraction(fake.state, fake.applicationId, 2, { id: '1100000000000000700', name, type: 1 }, { context, locale }).payload as unknown as RawInteraction;

describe('an HTTP replica without the gateway', () => {
  it('knows the bot user from GET /users/@me, as READY would tell it', () => {
    expect(client.user?.id).toBe(fake.botUserId);
  });

  it.each([
    ['in a server, fetching the guild and its channels (as /schedule add does)', 'guild', 'fr'],
    ['in a DM', 'dm', 'ar'],
    ['user-installed in a server the bot is not in', 'foreign-guild', 'en-US'],
  ] as const)('runs a command %s as discord.js\'s own interaction, then keeps nothing cached', async (_where, context, locale) => {
    const seen: Interaction[] = [];
    await runInteraction(client, command('brief', context, locale), async (interaction) => {
      seen.push(interaction);
      if (context === 'guild' && interaction.guildId) await (await interaction.client.guilds.fetch(interaction.guildId)).channels.fetch();
    }, logger);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.isChatInputCommand() && seen[0]!.commandName).toBe('brief');
    expect(seen[0]!.locale).toBe(locale);
    expect(client.guilds.cache.size).toBe(0);
    expect(client.channels.cache.size).toBe(0);
    expect(client.users.cache.size).toBe(0);
  });

  it('skips an interaction type discord.js does not know, without calling the router', async () => {
    const routed: Interaction[] = [];
    await runInteraction(client, { ...command('brief', 'guild', 'en-US'), type: 99 }, async (i) => void routed.push(i), logger);
    expect(routed).toEqual([]);
    expect(client.channels.cache.size).toBe(0);
  });
});
