/** Discord's epoch (2015-01-01T00:00:00Z) in milliseconds. */
export const DISCORD_EPOCH = 1420070400000n;

let increment = 0n;

/**
 * A fresh snowflake for "now": the real timestamp bits (so discord.js computes
 * sensible `createdTimestamp`s) and a process-wide increment in the low bits,
 * so two ids made in the same millisecond never collide.
 */
export function nextSnowflake(now: number = Date.now()): string {
  increment = (increment + 1n) & 0x3fffffn;
  return (((BigInt(now) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** The creation time (ms since the Unix epoch) encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Fixed ids of the fake's world, so tests and fixtures can name them. */
export const FIXED_IDS = {
  applicationId: '1100000000000000003',
  botUserId: '1100000000000000003',
  guildId: '1100000000000000010',
  botRoleId: '1100000000000000011',
  adminRoleId: '1100000000000000012',
  adminUserId: '1100000000000000020',
  memberUserId: '1100000000000000021',
  ownerUserId: '1100000000000000022',
  categoryChannelId: '1100000000000000030',
  textChannelId: '1100000000000000031',
  announcementChannelId: '1100000000000000032',
  noSendChannelId: '1100000000000000033',
  noViewChannelId: '1100000000000000034',
  voiceChannelId: '1100000000000000035',
} as const;

/** Ids of one fake guild's own objects (users, the bot included, are the same in every guild). */
export interface GuildIds {
  guildId: string;
  botRoleId: string;
  adminRoleId: string;
  categoryChannelId: string;
  textChannelId: string;
  announcementChannelId: string;
  noSendChannelId: string;
  noViewChannelId: string;
  voiceChannelId: string;
}

/** The second guild of a two-guild fake (`startFakeDiscord({ secondGuild: true })`): the bot and the same users are members of both. */
export const SECOND_GUILD_IDS: GuildIds = {
  guildId: '1100000000000000110',
  botRoleId: '1100000000000000111',
  adminRoleId: '1100000000000000112',
  categoryChannelId: '1100000000000000130',
  textChannelId: '1100000000000000131',
  announcementChannelId: '1100000000000000132',
  noSendChannelId: '1100000000000000133',
  noViewChannelId: '1100000000000000134',
  voiceChannelId: '1100000000000000135',
};

/**
 * The fake bot token: the same shape as a real one (base64url of the bot's
 * user id, a timestamp part, an HMAC part) but obviously fake.
 */
export const FAKE_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMw.GfAkEd.ZmFrZS1kaXNjb3JkLXRva2VuLWZvci10ZXN0cy1vbmx5';

/** A random interaction token (Discord's are long opaque strings). */
export function interactionToken(): string {
  const bytes = new Uint8Array(48);
  crypto.getRandomValues(bytes);
  return `aW50ZXJhY3Rpb246${Buffer.from(bytes).toString('base64url')}`;
}
