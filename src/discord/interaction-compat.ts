import type { Interaction } from 'discord.js';

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ => typeof value === 'object' && value !== null;

/** How many interactions without `app_permissions` are remembered (only the ones being handled matter). */
const REMEMBERED = 1000;
/** Ids of recent interactions that came without `app_permissions`. */
const withoutAppPermissions = new Set<string>();

/**
 * Complete a raw interaction (an INTERACTION_CREATE's `d`, or an HTTP
 * interaction's body) in place with what discord.js's interaction classes
 * read without checking: `entitlements` (an array) and `channel` (`{id,
 * type}` from the older `channel_id`; without it discord.js sees no channel).
 * Notes an interaction without `app_permissions` (discord.js would read it as
 * "no permission at all") for {@link appPermissionsOf}. Returns the fields
 * that were missing.
 */
export function normalizeInteraction(d: Record_): string[] {
  const missing: string[] = [];
  if (!Array.isArray(d.entitlements)) {
    d.entitlements = [];
    missing.push('entitlements');
  }
  if (!isRecord(d.channel) && typeof d.channel_id === 'string') {
    d.channel = { id: d.channel_id, type: typeof d.guild_id === 'string' ? 0 : 1 };
    missing.push('channel');
  }
  if (d.app_permissions === undefined && typeof d.id === 'string') {
    if (withoutAppPermissions.size >= REMEMBERED) withoutAppPermissions.delete(withoutAppPermissions.values().next().value!);
    withoutAppPermissions.add(d.id);
    missing.push('app_permissions');
  }
  return missing;
}

/**
 * The bot's permissions in the interaction's channel as Discord sent them, or
 * null when the interaction did not say (then they are worked out from the
 * cached guild instead of being taken as none).
 */
export function appPermissionsOf(interaction: Interaction): bigint | null {
  if (withoutAppPermissions.has(interaction.id)) return null;
  return interaction.appPermissions?.bitfield ?? null;
}
