import { GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import { honourBodyRetryAfter } from './rest-compat';

/**
 * How long discord.js waits for the GUILD_CREATE of guilds READY listed as
 * unavailable before it declares the client ready (its default is 15 s).
 * Interactions are held until ready, so a guild that comes late (an outage, a
 * slow gateway) must not hold them past Discord's 3 s window; a guild arriving
 * after ready is added as usual.
 */
export const WAIT_GUILD_TIMEOUT_MS = 1500;

/** The bot's discord.js client options (REST base `apiUrl` when set; `extra` wins, `extra.rest` merged). */
export function botClientOptions(apiUrl: string | undefined, extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    waitGuildTimeout: WAIT_GUILD_TIMEOUT_MS,
    // Every interaction carries its user, member and (for buttons) message: caching them all would grow without bound.
    // Kept: guilds and channels (the scheduler checks permissions), and the bot's own user and member.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: 1000, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 1000, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    ...extra,
    // A 429 whose wait is only in its JSON body is still waited for (discord.js reads only the Retry-After header).
    rest: { ...(apiUrl ? { api: apiUrl } : {}), makeRequest: honourBodyRetryAfter(), ...extra.rest },
  };
}

/**
 * discord.js internal sharding (several gateway connections in this process):
 * `auto` asks Discord for its recommended count (`GET /gateway/bot`), a number
 * opens that many shards; undefined keeps one unsharded connection.
 */
export function shardingOptions(shards: 'auto' | number | undefined): Partial<ClientOptions> {
  if (shards === undefined) return {};
  if (shards === 'auto') return { shards: 'auto' };
  return { shards: Array.from({ length: shards }, (_, id) => id), shardCount: shards };
}
