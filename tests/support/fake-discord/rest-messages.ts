import { isObj } from './json';
import { invalidFormBody, messageLimitErrors } from './limits';
import { Perm } from './permissions';
import { fail, guildOfChannel, ok, type Handler, type RestResult, type World } from './world';

/** 404/403 answer when the bot may not use the channel (in any of its guilds), or null when it may. */
function channelAccess(w: World, channelId: string, needed: bigint): RestResult | null {
  const guild = guildOfChannel(w, channelId);
  if (!guild) return fail(404, 10003, 'Unknown Channel');
  const perms = guild.botPermissionsIn(channelId);
  if ((perms & Perm.ViewChannel) === 0n) return fail(403, 50001, 'Missing Access');
  if ((perms & needed) !== needed) return fail(403, 50013, 'Missing Permissions');
  return null;
}

/**
 * POST /channels/{channel_id}/messages. Honours `nonce` + `enforce_nonce`:
 * the same nonce in the same channel inside the window returns the first
 * message again and creates nothing.
 */
export const postChannelMessage: Handler = (req, w) => {
  const channelId = req.params.channel_id ?? '';
  const denied = channelAccess(w, channelId, Perm.SendMessages);
  if (denied) return denied;
  if (!isObj(req.body)) return fail(400, 50109, 'The request body contains invalid JSON.');
  const body = req.body;
  const errors = messageLimitErrors(body, true);
  if (errors.length > 0) return { status: 400, body: invalidFormBody(errors) };
  const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
  if (nonce !== undefined && body.enforce_nonce === true) {
    const earlier = w.messages.findByNonce(channelId, nonce);
    if (earlier) return ok(earlier.message);
  }
  const stored = w.messages.create(channelId, body, 'channel');
  if (nonce !== undefined) w.messages.rememberNonce(channelId, nonce, String(stored.message.id));
  const channel = guildOfChannel(w, channelId)?.channels.get(channelId);
  if (channel) channel.last_message_id = String(stored.message.id);
  w.signal.notify();
  return ok(stored.message);
};

const SNOWFLAKE = /^\d{1,20}$/;

/** The `limit`/`before`/`after` query of a history request, or the 400 Discord gives for a bad one. */
function historyQuery(query: Record<string, string>): { limit: number; before?: bigint; after?: bigint } | RestResult {
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  const errors: Record<string, string> = {};
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) errors.limit = 'int must be between 1 and 100.';
  for (const key of ['before', 'after', 'around'] as const) if (query[key] !== undefined && !SNOWFLAKE.test(query[key]!)) errors[key] = 'Value is not snowflake.';
  if (Object.keys(errors).length) return { status: 400, body: invalidFormBody(Object.entries(errors).map(([field, message]) => `${field}: ${message}`)) };
  return { limit, ...(query.before ? { before: BigInt(query.before) } : {}), ...(query.after ? { after: BigInt(query.after) } : {}) };
}

/**
 * GET /channels/{channel_id}/messages (needs View Channel): newest first, as
 * Discord does, `limit` 1-100 (default 50), `before`/`after` a message id.
 * As Discord documents it, without Read Message History no messages are
 * returned (an empty list, not an error). Like Discord, history does not
 * return the `nonce` a message was created with (only the create answer and
 * the gateway do).
 */
export const getChannelMessages: Handler = (req, w) => {
  const channelId = req.params.channel_id ?? '';
  const denied = channelAccess(w, channelId, 0n);
  if (denied) return denied;
  const query = historyQuery(req.query);
  if ('status' in query) return query;
  if ((w.state.botPermissionsIn(channelId) & Perm.ReadMessageHistory) === 0n) return ok([]);
  const inRange = (id: bigint): boolean => (query.before === undefined || id < query.before) && (query.after === undefined || id > query.after);
  const newestFirst = w.messages.inChannel(channelId).map((m) => m.message).filter((m) => inRange(BigInt(String(m.id)))).reverse();
  return ok(newestFirst.slice(0, query.limit).map(({ nonce: _nonce, ...message }) => message));
};

function findMessage(w: World, channelId: string, messageId: string) {
  const m = w.messages.byId.get(messageId);
  return m && m.channelId === channelId ? m : undefined;
}

/** GET /channels/{channel_id}/messages/{message_id}. */
export const getChannelMessage: Handler = (req, w) => {
  const channelId = req.params.channel_id ?? '';
  const denied = channelAccess(w, channelId, Perm.ReadMessageHistory);
  if (denied) return denied;
  const m = findMessage(w, channelId, req.params.message_id ?? '');
  return m ? ok(m.message) : fail(404, 10008, 'Unknown Message');
};

/** PATCH /channels/{channel_id}/messages/{message_id}. */
export const patchChannelMessage: Handler = (req, w) => {
  const channelId = req.params.channel_id ?? '';
  const denied = channelAccess(w, channelId, 0n);
  if (denied) return denied;
  const m = findMessage(w, channelId, req.params.message_id ?? '');
  if (!m) return fail(404, 10008, 'Unknown Message');
  if (!isObj(req.body)) return fail(400, 50109, 'The request body contains invalid JSON.');
  const errors = messageLimitErrors(req.body, false);
  if (errors.length > 0) return { status: 400, body: invalidFormBody(errors) };
  w.messages.edit(m, req.body);
  w.signal.notify();
  return ok(m.message);
};

/** DELETE /channels/{channel_id}/messages/{message_id}. */
export const deleteChannelMessage: Handler = (req, w) => {
  const channelId = req.params.channel_id ?? '';
  const denied = channelAccess(w, channelId, 0n);
  if (denied) return denied;
  const id = req.params.message_id ?? '';
  if (!findMessage(w, channelId, id)) return fail(404, 10008, 'Unknown Message');
  w.messages.byId.delete(id);
  w.signal.notify();
  return { status: 204 };
};
