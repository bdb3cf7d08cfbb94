/** Discord permission bits used by the fake (see the Permissions docs). */
export const Perm = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every permission bit Discord currently defines (what ADMINISTRATOR grants). */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** A channel permission overwrite as Discord sends it (type 0 role, 1 member). */
export interface PermissionOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

/** What the permission computation needs to know about a member and a guild. */
export interface PermissionContext {
  guildId: string;
  ownerId: string;
  /** Role id → permission bits. Must contain the @everyone role (id = guild id). */
  rolePermissions: ReadonlyMap<string, bigint>;
}

/** The member's guild-level permissions: @everyone plus their roles. */
export function basePermissions(ctx: PermissionContext, userId: string, roleIds: readonly string[]): bigint {
  if (userId === ctx.ownerId) return ALL_PERMISSIONS;
  let perms = ctx.rolePermissions.get(ctx.guildId) ?? 0n;
  for (const role of roleIds) perms |= ctx.rolePermissions.get(role) ?? 0n;
  return (perms & Perm.Administrator) !== 0n ? ALL_PERMISSIONS : perms;
}

/**
 * Discord's channel permission algorithm: base permissions, then the
 * @everyone overwrite, then role overwrites together, then the member's own.
 */
export function channelPermissions(
  ctx: PermissionContext,
  userId: string,
  roleIds: readonly string[],
  overwrites: readonly PermissionOverwrite[],
): bigint {
  let perms = basePermissions(ctx, userId, roleIds);
  if (perms === ALL_PERMISSIONS) return perms;
  const everyone = overwrites.find((o) => o.type === 0 && o.id === ctx.guildId);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && o.id !== ctx.guildId && roleIds.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  const own = overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own) perms = (perms & ~BigInt(own.deny)) | BigInt(own.allow);
  // Without VIEW_CHANNEL nothing else in the channel applies.
  return (perms & Perm.ViewChannel) === 0n ? 0n : perms;
}
