import { performance } from 'node:perf_hooks';
import { interactionToken, nextSnowflake } from './ids';
import type { Signal } from './signal';
import type { GuildState } from './state';
import type { Json } from './json';

/** The first callback the bot sent for an interaction. */
export interface InteractionCallback {
  /** Callback type: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  /** The callback's `data` (undefined for 5/6 without data). */
  data: Json | undefined;
  /** Milliseconds from the INTERACTION_CREATE being written to the socket to the callback arriving. */
  latencyMs: number;
  /** Callback status sent back (204/200, or 400/404 when refused). */
  status: number;
}

/** What the fake tracks about one dispatched interaction. */
export interface InteractionRecord {
  id: string;
  token: string;
  /** Interaction type: 2 command, 3 component, 4 autocomplete. */
  type: number;
  channelId: string;
  payload: Json;
  dispatchedAt: number;
  callback: InteractionCallback | null;
  /** Extra callbacks after the first (Discord refuses them with 40060). */
  rejectedCallbacks: Json[];
  originalMessageId: string | null;
  edits: Json[];
  followUps: Json[];
  deletedOriginal: boolean;
}

/** Caller-side context of an invocation. */
export interface InvokeContext {
  /** Channel where the command is used (default: the text channel). */
  channelId?: string;
  /** The user's client locale (default `en-US`); e.g. `ar`, `fr`. */
  locale?: string;
  /** Who invokes: a user id of the fake's guild (default: the admin, who has Manage Server). */
  userId?: string;
  /** Alias of `userId` that also takes a name: `'admin'`, `'member'` (no Manage Server) or `'owner'`. */
  member?: 'admin' | 'member' | 'owner' | (string & {});
  /**
   * Where the command is used, as Discord's `context` tells it: `guild` (default, the fake's guild),
   * `dm` (the bot's DM with the user: no `guild_id`, a `user` instead of a `member`), or `foreign-guild`
   * (a user-installed command in a server the bot is not in: a `guild_id` the bot has never seen).
   */
  context?: 'guild' | 'dm' | 'foreign-guild';
  /**
   * Top-level fields of the INTERACTION_CREATE to leave out, as Discord may for optional ones:
   * `locale`, `app_permissions`, `guild_locale`, `guild`, `channel`, `entitlements`, `context`, …
   */
  omit?: string[];
}

/** Guild id of the `foreign-guild` context (a server the bot is not in). */
export const FOREIGN_GUILD_ID = '1100000000000000999';

/** A handle on a dispatched interaction, for awaiting and inspecting the bot's answers. */
export class InteractionHandle {
  constructor(readonly record: InteractionRecord, private readonly signal: Signal) {}

  /** The interaction id. */
  get id(): string { return this.record.id; }

  /** The interaction token. */
  get token(): string { return this.record.token; }

  /** The INTERACTION_CREATE `d` payload that was dispatched. */
  get payload(): Json { return this.record.payload; }

  /** Resolves with the first callback (reply, defer, autocomplete…) the bot sent. */
  response(timeoutMs = 5000): Promise<InteractionCallback> {
    return this.signal.waitFor(() => this.record.callback ?? undefined, timeoutMs,
      `the callback of interaction ${this.record.id}`);
  }

  /** Bodies of PATCH …/messages/@original so far, in order. */
  edits(): Json[] { return [...this.record.edits]; }

  /** Bodies of follow-up messages (POST /webhooks/:app/:token) so far. */
  followUps(): Json[] { return [...this.record.followUps]; }

  /** Resolves with the `n`-th (1-based) edit of the original response. */
  waitForEdit(n = 1, timeoutMs = 5000): Promise<Json> {
    return this.signal.waitFor(() => this.record.edits[n - 1], timeoutMs, `edit #${n} of interaction ${this.record.id}`);
  }

  /** Resolves with the `n`-th (1-based) follow-up. */
  waitForFollowUp(n = 1, timeoutMs = 5000): Promise<Json> {
    return this.signal.waitFor(() => this.record.followUps[n - 1], timeoutMs, `follow-up #${n} of interaction ${this.record.id}`);
  }

  /**
   * Resolves with the first message the user actually sees: the data of a type
   * 4/7 callback, or the first edit after a deferral (type 5/6).
   */
  visible(timeoutMs = 5000): Promise<Json> {
    return this.signal.waitFor(() => {
      const cb = this.record.callback;
      if (!cb) return undefined;
      if ((cb.type === 4 || cb.type === 7) && cb.data) return cb.data;
      return this.record.edits[0] ?? this.record.followUps[0];
    }, timeoutMs, `a visible answer to interaction ${this.record.id}`);
  }
}

/** The user id an invocation context names (default: the admin). */
export function invokerId(state: GuildState, ctx: InvokeContext): string {
  const m = ctx.member;
  const named = m === 'admin' || m === 'member' || m === 'owner' ? state.users[m as 'admin' | 'member' | 'owner'].id : m;
  return ctx.userId ?? named ?? state.users.admin.id;
}

/** Build the common part of an INTERACTION_CREATE payload. */
export function baseInteraction(
  state: GuildState, applicationId: string, type: number, data: Json, ctx: InvokeContext,
): { id: string; token: string; payload: Json } {
  const channelId = ctx.channelId ?? state.channelIds.text;
  const userId = invokerId(state, ctx);
  const channel = state.channels.get(channelId);
  if (!channel) throw new Error(`fake-discord: no channel ${channelId} in the fake guild`);
  const member = state.members.get(userId);
  if (!member) throw new Error(`fake-discord: no member ${userId} in the fake guild`);
  const id = nextSnowflake();
  const token = interactionToken();
  if (ctx.context === 'dm' || ctx.context === 'foreign-guild') return { id, token, payload: privatePayload(state, applicationId, type, data, ctx, id, token, { ...member.user }) };
  const payload: Json = {
    id, application_id: applicationId, type, data, token, version: 1,
    guild_id: state.guildId,
    guild: { id: state.guildId, locale: state.preferredLocale, features: [] },
    channel_id: channelId,
    channel: { ...channel, permissions: state.permissionsIn(userId, channelId).toString() },
    member: { ...member, permissions: state.permissionsIn(userId, channelId).toString() },
    app_permissions: state.botPermissionsIn(channelId).toString(),
    locale: ctx.locale ?? 'en-US',
    guild_locale: state.preferredLocale,
    entitlements: [],
    authorizing_integration_owners: { '0': state.guildId },
    context: 0,
    attachment_size_limit: 10485760,
  };
  return { id, token, payload };
}

/** A fresh record for a dispatched interaction. */
export function newRecord(id: string, token: string, type: number, channelId: string, payload: Json): InteractionRecord {
  return {
    id, token, type, channelId, payload, dispatchedAt: performance.now(), callback: null,
    rejectedCallbacks: [], originalMessageId: null, edits: [], followUps: [], deletedOriginal: false,
  };
}

/** An interaction used outside the fake's guild: in the bot's DM, or user-installed in a server the bot is not in. */
function privatePayload(state: GuildState, applicationId: string, type: number, data: Json, ctx: InvokeContext, id: string, token: string, user: Json): Json {
  const dm = ctx.context === 'dm';
  const channelId = dm ? `${state.botUser.id.slice(0, -3)}777` : '1100000000000000998';
  // What a user-installed app may do there: send messages and embeds through the interaction, nothing else.
  const appPermissions = ((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n)).toString();
  return {
    id, application_id: applicationId, type, data, token, version: 1,
    ...(dm ? {} : { guild_id: FOREIGN_GUILD_ID, guild: { id: FOREIGN_GUILD_ID, locale: 'en-US', features: [] } }),
    channel_id: channelId,
    channel: dm
      ? { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] }
      : { id: channelId, type: 0, guild_id: FOREIGN_GUILD_ID, name: 'elsewhere', position: 0, parent_id: null, flags: 0, permissions: '0' },
    ...(dm ? { user } : { member: { user, roles: [], joined_at: '2024-01-01T00:00:00.000000+00:00', deaf: false, mute: false, flags: 0, pending: false, nick: null, avatar: null, premium_since: null, communication_disabled_until: null, permissions: '2147601408' } }),
    app_permissions: appPermissions,
    locale: ctx.locale ?? 'en-US',
    ...(dm ? {} : { guild_locale: 'en-US' }),
    entitlements: [],
    authorizing_integration_owners: { '1': String(user.id) },
    context: dm ? 1 : 0,
    attachment_size_limit: 10485760,
  };
}
