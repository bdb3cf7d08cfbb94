import { FIXED_IDS, type GuildIds } from './ids';
import { channelPermissions, Perm, type PermissionContext, type PermissionOverwrite } from './permissions';

/** A Discord user object (API v10 shape). */
export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
  locale?: string;
}

/** A guild role (API v10 shape, permissions as a decimal string). */
export interface FakeRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  flags: number;
  tags?: Record<string, unknown>;
}

/** A guild member (API v10 shape). */
export interface FakeMember {
  user: FakeUser;
  nick: string | null;
  roles: string[];
  joined_at: string;
  deaf: boolean;
  mute: boolean;
  flags: number;
  pending: boolean;
  avatar: string | null;
  premium_since: string | null;
  communication_disabled_until: string | null;
}

/** A guild channel (API v10 shape). */
export interface FakeChannel {
  id: string;
  type: number;
  guild_id: string;
  name: string;
  position: number;
  parent_id: string | null;
  topic: string | null;
  nsfw: boolean;
  last_message_id: string | null;
  rate_limit_per_user: number;
  permission_overwrites: PermissionOverwrite[];
  flags: number;
}

/** The ids of the fake's channels, by role in tests. */
export interface FakeChannels {
  /** Plain text channel (type 0): the bot can view, send and embed. */
  text: string;
  /** Announcement channel (type 5): the bot can view, send and embed. */
  announcement: string;
  /** Text channel where an overwrite denies SEND_MESSAGES to @everyone and the bot. */
  noSend: string;
  /** Text channel where an overwrite denies VIEW_CHANNEL to @everyone and the bot. */
  noView: string;
  /** A voice channel (type 2), for channel-type filtering. */
  voice: string;
  /** The category (type 4) the text channels sit in. */
  category: string;
}

const JOINED = '2024-01-01T00:00:00.000000+00:00';
const bits = (...flags: bigint[]): string => flags.reduce((a, b) => a | b, 0n).toString();

function user(id: string, username: string, extra: Partial<FakeUser> = {}): FakeUser {
  return { id, username, discriminator: '0', global_name: null, avatar: null, ...extra };
}

function member(u: FakeUser, roles: string[]): FakeMember {
  return {
    user: u, nick: null, roles, joined_at: JOINED, deaf: false, mute: false, flags: 0, pending: false,
    avatar: null, premium_since: null, communication_disabled_until: null,
  };
}

/** The fake's guild world: users, roles, members, channels; mutable by tests. */
export class GuildState {
  readonly guildId: string;
  readonly ownerId = FIXED_IDS.ownerUserId;
  /** Ids of this guild's roles and channels. */
  readonly ids: GuildIds;
  readonly guildName: string;
  readonly preferredLocale: string;
  readonly botUser: FakeUser;
  readonly users: { admin: FakeUser; member: FakeUser; owner: FakeUser };
  readonly roles = new Map<string, FakeRole>();
  readonly members = new Map<string, FakeMember>();
  readonly channels = new Map<string, FakeChannel>();
  readonly channelIds: FakeChannels;

  /** `ids` default to the fake's main guild ({@link FIXED_IDS}); another set makes a second guild with the same users and layout. */
  constructor(options: { guildName?: string; guildLocale?: string; ids?: GuildIds } = {}) {
    const ids = options.ids ?? FIXED_IDS;
    this.ids = ids;
    this.guildId = ids.guildId;
    this.channelIds = {
      text: ids.textChannelId,
      announcement: ids.announcementChannelId,
      noSend: ids.noSendChannelId,
      noView: ids.noViewChannelId,
      voice: ids.voiceChannelId,
      category: ids.categoryChannelId,
    };
    this.guildName = options.guildName ?? 'Briefing Newsroom';
    this.preferredLocale = options.guildLocale ?? 'en-US';
    this.botUser = user(FIXED_IDS.botUserId, 'Briefing', { bot: true, global_name: null });
    this.users = {
      admin: user(FIXED_IDS.adminUserId, 'editor', { global_name: 'Editor' }),
      member: user(FIXED_IDS.memberUserId, 'reader', { global_name: 'Reader' }),
      owner: user(FIXED_IDS.ownerUserId, 'owner', { global_name: 'Owner' }),
    };
    this.addRole({ id: this.guildId, name: '@everyone', position: 0,
      permissions: bits(Perm.ViewChannel, Perm.SendMessages, Perm.ReadMessageHistory, Perm.AddReactions,
        Perm.UseApplicationCommands, Perm.Connect, Perm.Speak) });
    this.addRole({ id: this.ids.botRoleId, name: 'Briefing', position: 2, managed: true,
      tags: { bot_id: FIXED_IDS.botUserId },
      permissions: bits(Perm.ViewChannel, Perm.SendMessages, Perm.EmbedLinks, Perm.ReadMessageHistory) });
    this.addRole({ id: this.ids.adminRoleId, name: 'Editors', position: 1,
      permissions: bits(Perm.ManageGuild, Perm.ManageChannels, Perm.ManageMessages, Perm.EmbedLinks) });
    this.members.set(this.botUser.id, member(this.botUser, [this.ids.botRoleId]));
    this.members.set(this.users.admin.id, member(this.users.admin, [this.ids.adminRoleId]));
    this.members.set(this.users.member.id, member(this.users.member, []));
    this.members.set(this.users.owner.id, member(this.users.owner, []));
    const denyTo = (perm: bigint): PermissionOverwrite[] => [
      { id: this.guildId, type: 0, allow: '0', deny: perm.toString() },
      { id: this.botUser.id, type: 1, allow: '0', deny: perm.toString() },
    ];
    this.addChannel({ id: this.ids.categoryChannelId, type: 4, name: 'News', parent_id: null });
    this.addChannel({ id: this.ids.textChannelId, type: 0, name: 'briefings', topic: 'Daily briefings' });
    this.addChannel({ id: this.ids.announcementChannelId, type: 5, name: 'announcements' });
    this.addChannel({ id: this.ids.noSendChannelId, type: 0, name: 'read-only',
      permission_overwrites: denyTo(Perm.SendMessages) });
    this.addChannel({ id: this.ids.noViewChannelId, type: 0, name: 'staff-only',
      permission_overwrites: denyTo(Perm.ViewChannel) });
    this.addChannel({ id: this.ids.voiceChannelId, type: 2, name: 'Studio', parent_id: null });
  }

  /** Add (or replace) a role. */
  addRole(role: Partial<FakeRole> & Pick<FakeRole, 'id' | 'name' | 'permissions'>): FakeRole {
    const full: FakeRole = { position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0, ...role };
    this.roles.set(full.id, full);
    return full;
  }

  /** Add (or replace) a channel; defaults: text channel in the News category. */
  addChannel(channel: Partial<FakeChannel> & Pick<FakeChannel, 'id' | 'name'>): FakeChannel {
    const full: FakeChannel = {
      type: 0, guild_id: this.guildId, position: this.channels.size, parent_id: this.ids.categoryChannelId,
      topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, permission_overwrites: [], flags: 0,
      ...channel,
    };
    this.channels.set(full.id, full);
    return full;
  }

  /** The context the permission algorithm needs. */
  permissionContext(): PermissionContext {
    const rolePermissions = new Map<string, bigint>();
    for (const r of this.roles.values()) rolePermissions.set(r.id, BigInt(r.permissions));
    return { guildId: this.guildId, ownerId: this.ownerId, rolePermissions };
  }

  /** A user's computed permissions in a channel (0 when not a member or no channel). */
  permissionsIn(userId: string, channelId: string): bigint {
    const m = this.members.get(userId);
    const c = this.channels.get(channelId);
    if (!m || !c) return 0n;
    return channelPermissions(this.permissionContext(), userId, m.roles, c.permission_overwrites);
  }

  /** The bot's computed permissions in a channel. */
  botPermissionsIn(channelId: string): bigint {
    return this.permissionsIn(this.botUser.id, channelId);
  }

  /** The guild object as `GET /guilds/:id` returns it. */
  guildObject(): Record<string, unknown> {
    return {
      id: this.guildId, name: this.guildName, icon: null, splash: null, discovery_splash: null,
      owner_id: this.ownerId, afk_channel_id: null, afk_timeout: 300, verification_level: 0,
      default_message_notifications: 1, explicit_content_filter: 0, features: [], mfa_level: 0,
      application_id: null, system_channel_id: this.channelIds.text, system_channel_flags: 0,
      rules_channel_id: null, vanity_url_code: null, description: null, banner: null, premium_tier: 0,
      premium_subscription_count: 0, preferred_locale: this.preferredLocale, public_updates_channel_id: null,
      nsfw_level: 0, premium_progress_bar_enabled: false, safety_alerts_channel_id: null,
      max_members: 500000, max_video_channel_users: 25,
      roles: [...this.roles.values()], emojis: [], stickers: [],
    };
  }

  /** The full guild object of a GUILD_CREATE dispatch (channels, members, …). */
  guildCreate(): Record<string, unknown> {
    return {
      ...this.guildObject(),
      joined_at: JOINED, large: false, unavailable: false, member_count: this.members.size,
      voice_states: [], members: [...this.members.values()], channels: [...this.channels.values()],
      threads: [], presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
    };
  }
}
