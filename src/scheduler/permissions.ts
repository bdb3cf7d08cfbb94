import { PermissionFlagsBits, type Client } from 'discord.js';

/** What the bot needs in a channel to post briefings there. */
export const REQUIRED_CHANNEL_PERMISSIONS = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

/** The required permissions as the French Discord client names them, by English name. */
export const PERMISSION_NAMES_FR: Readonly<Record<string, string>> = {
  'View Channel': 'Voir les salons',
  'Send Messages': 'Envoyer des messages',
  'Embed Links': 'Intégrer des liens',
  'Read Message History': 'Voir les anciens messages',
};

/** The names of the required permissions missing from `granted` (bit field), in a fixed order. */
export function missingChannelPermissions(granted: bigint | null | undefined): string[] {
  const bits = granted ?? 0n;
  if ((bits & PermissionFlagsBits.Administrator) !== 0n) return [];
  return REQUIRED_CHANNEL_PERMISSIONS.filter(([, bit]) => (bits & bit) === 0n).map(([name]) => name);
}

/**
 * Whether the bot may read a channel's history (Read Message History), from
 * the gateway cache (the channel's overwrites, the bot's roles); undefined
 * when the channel or the bot's member is not cached.
 */
export function historyReadable(client: Client): (channelId: string) => boolean | undefined {
  return (channelId) => {
    const channel = client.channels.cache.get(channelId);
    if (!channel || channel.isDMBased() || !('permissionsFor' in channel)) return undefined;
    const me = channel.guild.members.me;
    return me ? channel.permissionsFor(me).has(PermissionFlagsBits.ReadMessageHistory) : undefined;
  };
}
