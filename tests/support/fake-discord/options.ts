import type { StoredCommand } from './commands';
import type { GuildState } from './state';
import type { Json } from './json';

/** An option value: inferred type (string 3, integer 4, number 10, boolean 5) or explicit `{type, value}`. */
export type OptionValue = string | number | boolean | { type: number; value: string | number | boolean };

/** Options of a command invocation, by name. */
export type OptionInput = Record<string, OptionValue>;

/** Discord's `resolved` map of an interaction. */
export interface Resolved {
  channels?: Record<string, Json>;
  users?: Record<string, Json>;
  members?: Record<string, Json>;
  roles?: Record<string, Json>;
}

function inferType(v: string | number | boolean): number {
  if (typeof v === 'boolean') return 5;
  if (typeof v === 'number') return Number.isInteger(v) ? 4 : 10;
  return 3;
}

/** The option definitions of a registered command at a subcommand path. */
export function definitionsAt(cmd: StoredCommand | undefined, path: string[]): Json[] {
  let defs = (cmd?.options ?? []) as Json[];
  for (const name of path) {
    const next = defs.find((d) => d.name === name);
    defs = (next?.options ?? []) as Json[];
  }
  return defs;
}

/**
 * Build `data.options` entries from plain values, typed by the registered
 * command's definitions when present, filling `resolved` for channel, user,
 * role and mentionable options. A channel of one of `others` (the bot's other
 * guilds) resolves with that guild's id, as a crafted or stale id would.
 */
export function buildOptions(
  input: OptionInput, defs: Json[], state: GuildState, invokerId: string, resolved: Resolved,
  focused?: string, others: readonly GuildState[] = [],
): Json[] {
  return Object.entries(input).map(([name, raw]) => {
    const def = defs.find((d) => d.name === name);
    const value = typeof raw === 'object' ? raw.value : raw;
    const type = typeof raw === 'object' ? raw.type : typeof def?.type === 'number' ? def.type : inferType(value);
    if (name === focused) return { name, type, value: String(value), focused: true };
    const owner = type === 7 ? [state, ...others].find((g) => g.channels.has(String(value))) ?? state : state;
    resolve(type, String(value), owner, invokerId, resolved);
    return { name, type, value: type === 7 || type === 6 || type === 8 || type === 9 ? String(value) : value };
  });
}

function resolve(type: number, id: string, state: GuildState, invokerId: string, r: Resolved): void {
  const channel = state.channels.get(id);
  if ((type === 7) && channel) {
    (r.channels ??= {})[id] = {
      id, name: channel.name, type: channel.type, parent_id: channel.parent_id, flags: channel.flags,
      permissions: state.permissionsIn(invokerId, id).toString(), guild_id: state.guildId,
      last_message_id: channel.last_message_id, topic: channel.topic, nsfw: channel.nsfw,
      rate_limit_per_user: channel.rate_limit_per_user,
    };
  }
  const member = state.members.get(id);
  if ((type === 6 || type === 9) && member) {
    (r.users ??= {})[id] = { ...member.user };
    const { user: _user, ...rest } = member;
    (r.members ??= {})[id] = { ...rest, permissions: state.permissionsIn(id, state.channelIds.text).toString() };
  }
  const role = state.roles.get(id);
  if ((type === 8 || type === 9) && role) (r.roles ??= {})[id] = { ...role };
}
