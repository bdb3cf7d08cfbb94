import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ClientUser, Events, Options, Routes, type APIUser, type Client, type ClientOptions, type Interaction } from 'discord.js';
import { normalizeInteraction } from '../discord/interaction-compat';
import type { Logger } from '../logger';
import { HttpReplies } from './http-replies';
import { createInteractionServer, type RawInteraction } from './server';
import { publicKeyFromHex } from './signature';

/** discord.js's internal action that turns a raw INTERACTION_CREATE into its interaction class (not in its typings). */
interface WithInteractionAction {
  actions: { InteractionCreate: { handle(data: unknown): void } };
}

/**
 * The discord.js interaction object a raw interaction becomes over the gateway
 * (same class, same methods), or undefined for a type discord.js does not
 * know. Uses discord.js's own INTERACTION_CREATE handler, so nothing of its
 * parsing is copied here.
 */
export function toInteraction(client: Client, raw: RawInteraction): Interaction | undefined {
  let made: Interaction | undefined;
  const grab = (interaction: Interaction): void => {
    made = interaction;
  };
  client.on(Events.InteractionCreate, grab);
  // What the gateway path fills in (no `entitlements`, no `channel` object) is filled in here too.
  normalizeInteraction(raw);
  try {
    (client as unknown as WithInteractionAction).actions.InteractionCreate.handle(raw);
  } finally {
    client.off(Events.InteractionCreate, grab);
  }
  return made;
}

/**
 * Log a replica's client in without the gateway: set the REST token and
 * `client.user` from `GET /users/@me` (what READY would give), which
 * discord.js needs for the bot's own member (`guild.members.me`).
 */
export async function loginWithoutGateway(client: Client, token: string): Promise<void> {
  client.rest.setToken(token);
  const me = (await client.rest.get(Routes.user())) as APIUser;
  const user = new (ClientUser as unknown as new (client: Client, data: APIUser) => ClientUser)(client, me);
  (client as { user: ClientUser | null }).user = user;
  client.users.cache.set(user.id, user);
}

/**
 * Client options of an HTTP replica: callbacks captured by `replies`, and no
 * cache of users, members or messages (a replica keeps nothing between
 * requests; there is no gateway to keep a cache fresh anyway).
 */
export function webClientOptions(replies: HttpReplies, extra: Partial<ClientOptions> = {}): Partial<ClientOptions> {
  return {
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0, UserManager: 0, GuildMemberManager: 0 }),
    ...extra,
    rest: { ...extra.rest, makeRequest: replies.makeRequest(extra.rest?.makeRequest) },
  };
}

/** Options of {@link createInteractionEndpoint}. */
export interface InteractionEndpointOptions {
  client: Client;
  replies: HttpReplies;
  /** The router the gateway bot uses (`createRouter`). */
  route(interaction: Interaction): Promise<void>;
  publicKeyHex: string;
  port: number;
  host: string;
  logger: Logger;
}

/**
 * Run one raw interaction through `route` as discord.js's interaction object,
 * then forget what discord.js cached for it (its channel; a guild, with its
 * channels, fetched while handling it): a replica keeps nothing between
 * requests, so its memory does not grow with the number of servers.
 */
export async function runInteraction(client: Client, raw: RawInteraction, route: (interaction: Interaction) => Promise<void>, logger: Logger): Promise<void> {
  const channelId = typeof raw.channel_id === 'string' ? raw.channel_id : undefined;
  const guildId = typeof raw.guild_id === 'string' ? raw.guild_id : undefined;
  const knewChannel = channelId !== undefined && client.channels.cache.has(channelId);
  const knewGuild = guildId !== undefined && client.guilds.cache.has(guildId);
  const interaction = toInteraction(client, raw);
  try {
    if (interaction) await route(interaction);
    else logger.warn({ interactionId: raw.id, type: raw.type }, 'interaction type not handled');
  } finally {
    if (guildId && !knewGuild) forgetGuild(client, guildId);
    if (channelId && !knewChannel) client.channels.cache.delete(channelId);
  }
}

function forgetGuild(client: Client, guildId: string): void {
  const guild = client.guilds.cache.get(guildId);
  if (!guild) return;
  for (const channelId of guild.channels.cache.keys()) client.channels.cache.delete(channelId);
  client.guilds.cache.delete(guildId);
}

/** The HTTP interactions endpoint as an app service: listens on start, closes on stop. */
export function createInteractionEndpoint(options: InteractionEndpointOptions): { name: string; start(): Promise<void>; stop(): Promise<void>; port(): number } {
  const { client, logger } = options;
  let ready = false;
  let server: Server | undefined;
  const handle = (raw: RawInteraction): Promise<void> => runInteraction(client, raw, options.route, logger);
  return {
    name: 'interactions-http',
    async start() {
      server = createInteractionServer({ publicKey: publicKeyFromHex(options.publicKeyHex), replies: options.replies, handle, isReady: () => ready, logger });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(options.port, options.host, () => resolve());
      });
      ready = true;
      logger.info({ port: (server.address() as AddressInfo).port, host: options.host }, 'interactions endpoint listening');
    },
    async stop() {
      ready = false;
      if (!server?.listening) return;
      const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
      server.closeIdleConnections();
      await closing;
    },
    port: () => (server?.address() as AddressInfo | null)?.port ?? 0,
  };
}

export { HttpReplies };
