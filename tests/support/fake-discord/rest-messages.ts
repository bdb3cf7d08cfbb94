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

/** GET /channels/{channel_id}/messages: newest first, as Discord does. */
export const getChannelMessages: Handler = (req, w) => {
  const channelId = req.params.channel_id ?? '';
  const denied = channelAccess(w, channelId, Perm.ReadMessageHistory);
  if (denied) return denied;
  const limit = Math.min(100, Number(req.query.limit ?? 50) || 50);
  return ok(w.messages.inChannel(channelId).map((m) => m.message).reverse().slice(0, limit));
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
