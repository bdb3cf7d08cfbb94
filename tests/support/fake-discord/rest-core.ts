import { isObj } from './json';
import { fail, guildById, guildOfChannel, ok, type Handler } from './world';

/** GET /gateway/bot: the local WebSocket URL, one shard. */
export const getGatewayBot: Handler = (_req, w) => ok({
  url: w.gatewayUrl(), shards: w.recommendedShards,
  session_start_limit: { total: 1000, remaining: w.sessionStartRemaining(), reset_after: w.sessionResetAfterMs, max_concurrency: w.maxConcurrency },
});

/** GET /gateway. */
export const getGateway: Handler = (_req, w) => ok({ url: w.gatewayUrl() });

/** GET /users/@me. */
export const getMe: Handler = (_req, w) => ok({ ...w.state.botUser, verified: true, mfa_enabled: false, flags: 0 });

/** GET /users/{user_id}. */
export const getUser: Handler = (req, w) => {
  const m = w.state.members.get(req.params.user_id ?? '');
  return m ? ok(m.user) : fail(404, 10013, 'Unknown User');
};

/** GET /applications/@me. */
export const getApplication: Handler = (_req, w) => ok({
  id: w.applicationId, name: 'Briefing', icon: null, description: 'News briefings', summary: '',
  bot_public: true, bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: 0,
  bot: w.state.botUser, owner: w.state.users.owner, team: null, tags: [], install_params: null,
  approximate_guild_count: 1, integration_types_config: { '0': {} },
});

const wrongApp = (id: string | undefined, app: string) => id !== app;

/** GET global or guild commands. */
export const getCommands: Handler = (req, w) => {
  if (wrongApp(req.params.application_id, w.applicationId)) return fail(403, 50001, 'Missing Access');
  return ok(w.commands.list(req.params.guild_id));
};

/** PUT global or guild commands (bulk overwrite). */
export const putCommands: Handler = (req, w) => {
  if (wrongApp(req.params.application_id, w.applicationId)) return fail(403, 50001, 'Missing Access');
  if (req.params.guild_id && req.params.guild_id !== w.state.guildId) return fail(403, 50001, 'Missing Access');
  if (!Array.isArray(req.body)) return fail(400, 50035, 'Invalid Form Body', { errors: { _errors: ['Expected an array'] } });
  const bad = req.body.findIndex((c) => !isObj(c) || typeof c.name !== 'string');
  if (bad >= 0) return fail(400, 50035, 'Invalid Form Body', { errors: { [bad]: 'name is required' } });
  return ok(w.commands.overwrite(req.body as Record<string, unknown>[], req.params.guild_id));
};

/** POST one global or guild command. */
export const postCommand: Handler = (req, w) => {
  if (wrongApp(req.params.application_id, w.applicationId)) return fail(403, 50001, 'Missing Access');
  if (!isObj(req.body) || typeof req.body.name !== 'string') return fail(400, 50035, 'Invalid Form Body');
  return { status: 201, body: w.commands.upsert(req.body, req.params.guild_id) };
};

/** GET /guilds/{guild_id}. */
export const getGuild: Handler = (req, w) => {
  const guild = guildById(w, req.params.guild_id);
  return guild ? ok(guild.guildObject()) : fail(404, 10004, 'Unknown Guild');
};

/** GET /guilds/{guild_id}/channels. */
export const getGuildChannels: Handler = (req, w) => {
  const guild = guildById(w, req.params.guild_id);
  return guild ? ok([...guild.channels.values()]) : fail(404, 10004, 'Unknown Guild');
};

/** GET /guilds/{guild_id}/roles. */
export const getGuildRoles: Handler = (req, w) => {
  const guild = guildById(w, req.params.guild_id);
  return guild ? ok([...guild.roles.values()]) : fail(404, 10004, 'Unknown Guild');
};

/** GET /guilds/{guild_id}/members/{user_id}. */
export const getGuildMember: Handler = (req, w) => {
  const guild = guildById(w, req.params.guild_id);
  if (!guild) return fail(404, 10004, 'Unknown Guild');
  const m = guild.members.get(req.params.user_id ?? '');
  return m ? ok(m) : fail(404, 10007, 'Unknown Member');
};

/** GET /channels/{channel_id} (in any of the bot's guilds): 404 10003 unknown, 403 50001 when the bot cannot view it. */
export const getChannel: Handler = (req, w) => {
  const id = req.params.channel_id ?? '';
  const guild = guildOfChannel(w, id);
  const c = guild?.channels.get(id);
  if (!guild || !c) return fail(404, 10003, 'Unknown Channel');
  if (guild.botPermissionsIn(id) === 0n) return fail(403, 50001, 'Missing Access');
  return ok(c);
};
