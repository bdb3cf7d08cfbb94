import { ChannelType, DiscordjsErrorCodes, type Client, type Guild, type GuildBasedChannel, type GuildMember } from 'discord.js';
import { apiErrorCode, apiErrorStatus } from '../discord/api-errors';
import { InvalidOptionError } from '../errors';
import { channelMessages as say } from './messages';
import { missingChannelPermissions } from './permissions';

/** Channel types a schedule may post to: text (0) and announcement (5). */
export const SCHEDULABLE_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** Where a schedule would post, as the interaction tells it. */
export interface PostTarget {
  client: Client;
  guildId: string;
  /** The guild from the gateway cache, or null when it is not cached (unavailable, late GUILD_CREATE…). */
  guild: Guild | null;
  channelId: string;
  /** The channel's type when the interaction says it (the channel option); checked before anything else. */
  channelType?: number;
  /**
   * The bot's permissions in the channel the interaction was used in
   * (`app_permissions`), authoritative for that channel only.
   */
  here?: { channelId: string; permissions: bigint | null };
  /** The server the channel belongs to, as the interaction's channel option says (when it says). */
  channelGuildId?: string;
  /** Called once before the first call to Discord's REST (which may take seconds): the place to defer the interaction. */
  beforeDiscord?: () => void;
}

/** How the check ended when it did not refuse: verified, or not determinable (Discord's answer will tell; a refusal pauses). */
export type PostCheck = 'ok' | 'unchecked';

const isSchedulable = (type: number): boolean => (SCHEDULABLE_CHANNEL_TYPES as readonly number[]).includes(type);

function refuseMissing(channelId: string, missing: string[]): void {
  if (missing.length) throw new InvalidOptionError('channel', say.missing(channelId, missing));
}

/**
 * Check that the channel is in the target's server and that the bot can View
 * Channel, Send Messages and Embed Links in it (a text or announcement
 * channel), without trusting the gateway cache to be complete:
 * `app_permissions` when the target is the interaction's own channel; else the
 * guild (cached or fetched), the channel fetched from REST (fresh overwrites
 * and its true server; a channel built from an interaction's `resolved` data
 * has no overwrites) and the bot's member (cached or fetched). When Discord
 * cannot be asked (network, 5xx), the answer is `unchecked` rather than a
 * wrong refusal.
 *
 * @throws InvalidOptionError naming the channel and what is missing, or why it cannot be used (another server's channel included).
 */
export async function checkBotCanPost(target: PostTarget): Promise<PostCheck> {
  const { channelId } = target;
  if (target.channelType !== undefined && !isSchedulable(target.channelType)) {
    throw new InvalidOptionError('channel', say.notText(channelId));
  }
  if (target.channelGuildId !== undefined && target.channelGuildId !== target.guildId) {
    throw new InvalidOptionError('channel', say.otherServer(channelId));
  }
  if (target.here && target.here.channelId === channelId && target.here.permissions !== null) {
    refuseMissing(channelId, missingChannelPermissions(target.here.permissions));
    return 'ok';
  }
  // Every path below asks Discord (the channel at least): each call may take seconds.
  target.beforeDiscord?.();
  const guild = target.guild ?? (await fetchGuild(target));
  if (!guild) return 'unchecked';
  const channel = await fetchChannel(guild, channelId);
  if (!channel) return 'unchecked';
  if (!isSchedulable(channel.type)) throw new InvalidOptionError('channel', say.notText(channelId));
  const me: GuildMember | null = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
  if (!me) return 'unchecked';
  refuseMissing(channelId, missingChannelPermissions(channel.permissionsFor(me)?.bitfield));
  return 'ok';
}

/** The guild from REST; null when Discord cannot be asked; refuses when the bot is not in it. */
async function fetchGuild(target: PostTarget): Promise<Guild | null> {
  try {
    return await target.client.guilds.fetch(target.guildId);
  } catch (error) {
    const status = apiErrorStatus(error);
    if (status === 403 || status === 404) throw new InvalidOptionError('channel', say.notMember());
    return null;
  }
}

/**
 * The channel, fresh from REST (its overwrites may have changed); the cached
 * copy when REST fails transiently. Refuses a channel of another server
 * (discord.js's guild manager finds it by its `guild_id`).
 */
async function fetchChannel(guild: Guild, channelId: string): Promise<GuildBasedChannel | null> {
  try {
    const channel = await guild.channels.fetch(channelId, { force: true });
    if (channel) return channel;
  } catch (error) {
    if (isOtherGuildsChannel(error)) throw new InvalidOptionError('channel', say.otherServer(channelId));
    const code = apiErrorCode(error);
    const status = apiErrorStatus(error);
    if (code === 50001 || status === 403) throw new InvalidOptionError('channel', say.cannotSee(channelId));
    if (code === 10003 || status === 404) throw new InvalidOptionError('channel', say.gone(channelId));
  }
  const cached = guild.channels.cache.get(channelId);
  if (cached && cached.guildId !== guild.id) throw new InvalidOptionError('channel', say.otherServer(channelId));
  return cached ?? null;
}

/** discord.js's refusal of a channel whose `guild_id` is not the guild it was fetched through. */
function isOtherGuildsChannel(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === DiscordjsErrorCodes.GuildChannelUnowned;
}

