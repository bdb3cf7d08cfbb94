import { ChannelType, type Guild } from 'discord.js';
import { InvalidOptionError } from '../errors';
import { missingChannelPermissions } from './permissions';

/** Channel types a schedule may post to: text (0) and announcement (5). */
export const SCHEDULABLE_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/**
 * Check, from the gateway cache (fetching the bot's own member if missing),
 * that `channelId` is a text or announcement channel of `guild` where the bot
 * can View Channel, Send Messages and Embed Links.
 *
 * @throws InvalidOptionError naming the channel and what is missing.
 */
export async function assertBotCanPost(guild: Guild, channelId: string): Promise<void> {
  const channel = guild.channels.cache.get(channelId);
  if (!channel) throw new InvalidOptionError('channel', `I cannot see <#${channelId}>: give me View Channel there, or pick another channel.`);
  if (!(SCHEDULABLE_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type)) {
    throw new InvalidOptionError('channel', `<#${channelId}> is not a text or announcement channel.`);
  }
  const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
  if (!me) throw new InvalidOptionError('channel', 'I cannot check my permissions in this server right now; try again in a minute.');
  const missing = missingChannelPermissions(channel.permissionsFor(me)?.bitfield);
  if (missing.length) throw new InvalidOptionError('channel', `I cannot post briefings in <#${channelId}>: I am missing ${missing.join(', ')} there.`);
}
