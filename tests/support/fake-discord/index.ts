/**
 * A local fake of Discord (REST v10 + Gateway) for end-to-end tests and benchmarks.
 *
 * ```ts
 * const fake = await startFakeDiscord();               // 127.0.0.1, ephemeral port
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 * await client.login(fake.token);                      // GET /gateway/bot → ws://127.0.0.1:PORT
 * const h = fake.dispatchCommand('brief', { article: 'lavrov' }, { locale: 'ar' });
 * const cb = await h.response();                       // first callback {type, data, latencyMs, status}
 * const shown = await h.visible();                     // type 4 data, or the edit after a defer
 * assertAllValid(fake);                                // tests/support/discord-spec.ts
 * await client.destroy(); await fake.close();
 * ```
 *
 * World: `fake.guildId`, `fake.applicationId` (= `fake.botUserId`), `fake.users.{admin,member,owner}`
 * (admin has Manage Server), `fake.channels.{text, announcement, noSend, noView, voice, category}`.
 * With `secondGuild: true` the bot is also in `fake.secondGuild` ({guildId, channels}: same users and layout;
 * a channel option naming one of its channels resolves with that guild's `guild_id`).
 * The bot can view/send/embed in `text` and `announcement`; `noSend` denies SEND_MESSAGES (posting → 403
 * 50013), `noView` denies VIEW_CHANNEL (→ 403 50001); an unknown or deleted channel → 404 10003.
 *
 * REST (`/api/v10`): gateway/bot, users/@me, applications/@me, global and guild commands (GET, PUT bulk
 * overwrite, POST), interaction callbacks (types 4–9, `with_response`), webhook @original / message
 * GET/PATCH/DELETE, follow-ups, channel messages (POST with `nonce` + `enforce_nonce` dedup, GET, PATCH,
 * DELETE), channels, guilds, guild channels/roles/members. Discord's server-side limits are enforced
 * (400 50035). Callbacks later than `interactionAckTimeoutMs` (default 3000) get 404 10062, a second
 * callback 400 40060. Unknown routes: 404 `{code: 0}` and recorded with `route: null`.
 *
 * Faults: `failNext({method, path: /regex/ | route: '/channels/{channel_id}/messages'}, {status: 429,
 * retryAfter: 0.2} | {status: 500} | {status: 403, code: 50013} | {status: 404, code: 10003} |
 * {status: 0, reset: true} (connection reset, a network error) | {status: 0, reset: true, afterHandling: true}
 * (the request takes effect, its answer is lost), times)`;
 * `setLatency(ms)` (answers late); `setRequestLatency(ms)` (requests reach Discord late: a callback sent at once
 * misses a 3 s window when ms > 3000 − elapsed); `dropGateway({code = 4000, resumable = true, abrupt = false})` (the bot resumes;
 * with `resumable: false` it gets op 9 and re-identifies); `requestReconnect()` (op 7).
 *
 * Gateway: HELLO (`heartbeatIntervalMs`), IDENTIFY → READY + GUILD_CREATE (channels with overwrites, roles,
 * members unless `guildCreateMembers: false`; READY without `application` with `readyWithoutApplication`), heartbeat ACKs, RESUME with replay of missed events then RESUMED, op 9 when a session cannot be
 * resumed (after `dropGateway({resumable: false})` or a client's own 1000 close), op 8 → GUILD_MEMBERS_CHUNK.
 * Events dispatched while the bot is away wait for its RESUME (or its next IDENTIFY). Note that discord.js
 * itself waits ~5 s between two IDENTIFYs of one client (its identify throttle).
 *
 * Interactions: `dispatchCommand(name, options, ctx)`, `dispatchSubcommand(name, 'sub' | 'group sub',
 * options, ctx)`, `dispatchAutocomplete(name, focused, value, otherOptions, {subcommand, ...ctx})`,
 * `dispatchButton(customId, {messageId})`, `dispatchSelect(customId, values, {messageId})`. Option types
 * come from the registered command when the bot has deployed it (so channel options get
 * `resolved.channels`), else from the JS value, or pass `{type, value}`. `ctx`: `{channelId, locale,
 * userId | member: 'admin' | 'member' | 'owner'}` (admin has Manage Server; member does not). Each
 * returns an {@link InteractionHandle}: `response()`, `visible()`, `edits()`, `followUps()`,
 * `waitForEdit(n)`, `waitForFollowUp(n)`. Channel changes: `addChannel`, `deleteChannel`, `setOverwrites`
 * (each also dispatched to the bot); `dispatchEvent(t, d)` for anything else.
 *
 * Variants a stand-in may show (defaults off): `unknownFields` (an unknown field in every object of REST answers,
 * dispatches and HTTP interactions), `sparseMessages` (message answers without nonce, embeds, components…),
 * `rateLimitHeaders: 'bucket' | 'full'`, `readyMinimal` (READY with v/user/guilds/session_id only),
 * `sessionStartRemaining`/`sessionResetAfterMs`; `rejectIdentify(4004 | 4014 | … | null)`, `invalidateSession(resumable)`,
 * `gatewayConnectUrls` (what encoding/compression each connection asked for: an `etf` or `compress` one is closed 1003),
 * a 429 `retryAfterIn: 'header'`, and `ctx.omit: ['locale', 'app_permissions', …]` on any dispatch.
 *
 * Sharding: `startFakeDiscord({ shards: 2, maxConcurrency: 2 })` makes `GET /gateway/bot` recommend 2 shards; an
 * IDENTIFY must then carry `shard: [id, 2]` (fewer shards → 4011), READY/GUILD_CREATE and every guild event go to the
 * guild's shard (`shardOfGuild(guildId, 2)`: the fake's guild is on shard 1), DMs to shard 0; `identifiedShards` lists them.
 *
 * HTTP interactions: `deliverInteractionsOverHttp({ url, privateKey })` sends every later `dispatch*` to the
 * bot's endpoint instead of the gateway, signed with Ed25519 as Discord signs; the HTTP answer is recorded as
 * the interaction's callback (so `response()`, `visible()` and `assertAllValid` work the same).
 * `postSigned(url, body, key, {timestamp, signedBody, signingKey})` sends one request (or a forged one).
 *
 * Tests in this folder: `fake-client.ts` has `newClient`, `login` and `useFakeWithClient()` (one fake and
 * one logged-in discord.js client per test file).
 *
 * Records: `requests` (every HTTP request, no token), `messages(channelId)` (channel posts),
 * `allMessages(channelId)` (with interaction replies; `wouldPing` tells if a mention would notify),
 * `sentPayloads()`, `gatewayFrames`, `gatewayCloses` (e.g. `{code: 1000, by: 'client'}` after
 * `client.destroy()`), `gatewayStats`, `interactions()`, `commands(guildId?)`, `bulkOverwrites`,
 * `handlerErrors` (bugs in the fake; should stay empty), `clearRecords()`. Waiting: `waitFor(pred)`,
 * `waitForIdentify(n)`, `waitForResumed(n)`, `waitForClose(pred)`, `waitForMessages(channelId, n)`.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { CommandStore } from './commands';
import { FakeDiscord } from './fake';
import { FaultQueue } from './faults';
import { FakeGateway } from './gateway';
import { createRestServer, type RestControls } from './http';
import { FAKE_TOKEN, FIXED_IDS, SECOND_GUILD_IDS } from './ids';
import { MessageStore } from './messages';
import { Signal } from './signal';
import { GuildState } from './state';
import { withUnknownFields, type RateLimitHeaders } from './variants';
import type { World } from './world';

export { FakeDiscord } from './fake';
export type { AutocompleteContext } from './dispatcher';
export type { InteractionCallback, InteractionRecord, InvokeContext } from './interactions';
export { InteractionHandle } from './interactions';
export type { OptionInput, OptionValue } from './options';
export type { SentPayload } from './payloads';
export { UNKNOWN_FIELD, withUnknownFields, type RateLimitHeaders } from './variants';
export type { FaultSpec, GatewayClose, GatewayFrame, RecordedRequest, RequestMatcher } from './types';
export { shardOfGuild, type DropOptions } from './gateway';
export { postSigned, signatureHeaders, type HttpAnswer, type HttpDelivery, type SignOptions } from './http-delivery';
export type { StoredMessage } from './messages';
export type { StoredCommand } from './commands';
export type { FakeChannel, FakeChannels, FakeUser } from './state';
export { Perm } from './permissions';
export { SECOND_GUILD_IDS, type GuildIds } from './ids';

/** Options of {@link startFakeDiscord}. */
export interface FakeDiscordOptions {
  /** HELLO heartbeat_interval in ms (default 41250, Discord's). */
  heartbeatIntervalMs?: number;
  /** Callbacks later than this get 404 10062 like Discord's 3 s window (default 3000; 0 disables). */
  interactionAckTimeoutMs?: number;
  /** How long a `nonce` with `enforce_nonce` deduplicates (default 5 minutes). */
  nonceWindowMs?: number;
  /** Guild's preferred locale (default `en-US`). */
  guildLocale?: string;
  /** Initial REST latency in ms (default 0). */
  latencyMs?: number;
  /** Send READY without its `application` field (a variant some gateways and proxies send; default false). */
  readyWithoutApplication?: boolean;
  /**
   * Put the guild's `members` in GUILD_CREATE (default true). Real Discord sends only some members (the bot's
   * own among them, but not for every gateway or proxy); false makes the bot fetch its own member.
   */
  guildCreateMembers?: boolean;
  /** Send GUILD_CREATE this long after READY, as for a guild that is unavailable at first (default 0). */
  guildCreateDelayMs?: number;
  /**
   * Put the bot in a second guild too (ids {@link SECOND_GUILD_IDS}, same users and channel layout, `fake.secondGuild`):
   * for checks that one server never reaches another's channels. Interactions still come from the main guild.
   */
  secondGuild?: boolean;
  /**
   * Shards `GET /gateway/bot` recommends (default 1). Above 1, an IDENTIFY with fewer shards is closed with
   * 4011, and each guild's events go to its shard (`(guild_id >> 22) % num_shards`; DMs to shard 0).
   */
  shards?: number;
  /** `session_start_limit.max_concurrency` (default 1: discord.js then waits ~5 s between two shards' IDENTIFYs). */
  maxConcurrency?: number;
  /** `session_start_limit.remaining` of `GET /gateway/bot` (default 1000); `sessionResetAfterMs` its `reset_after` (default a day). */
  sessionStartRemaining?: number;
  sessionResetAfterMs?: number;
  /** Add an unknown field to every object of every REST answer and gateway dispatch (default false). */
  unknownFields?: boolean;
  /** Rate-limit headers on successful REST answers: `none` (default), `bucket` (`X-RateLimit-Bucket` alone) or `full`. */
  rateLimitHeaders?: RateLimitHeaders;
  /** GUILD_CREATE with only the guild object, its channels (without `guild_id`, as Discord sends them there) and members (default false). */
  guildCreateSparse?: boolean;
  /** Answer message objects without their optional fields: no nonce echo, embeds, components, mentions… (default false). */
  sparseMessages?: boolean;
  /** READY with only `v`, `user`, `guilds` and `session_id` (no `resume_gateway_url`, `shard`, `application`, …; default false). */
  readyMinimal?: boolean;
}

/** Start a fake Discord on 127.0.0.1 (REST and gateway on one ephemeral port). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const signal = new Signal();
  const state = new GuildState({ guildLocale: options.guildLocale });
  const otherGuilds = options.secondGuild ? [new GuildState({ guildLocale: options.guildLocale, guildName: 'Other Newsroom', ids: SECOND_GUILD_IDS })] : [];
  let port = 0;
  const url = (): string => `ws://127.0.0.1:${port}`;
  const world: World = {
    state, guilds: [state, ...otherGuilds], signal, applicationId: FIXED_IDS.applicationId,
    messages: new MessageStore(state.botUser, state.guildId, options.nonceWindowMs ?? 5 * 60_000),
    commands: new CommandStore(FIXED_IDS.applicationId),
    interactions: new Map(),
    gatewayUrl: url,
    interactionAckTimeoutMs: options.interactionAckTimeoutMs ?? 3000,
    sessionStartRemaining: () => options.sessionStartRemaining ?? 1000,
    sessionResetAfterMs: options.sessionResetAfterMs ?? 86_400_000,
    unknownFields: options.unknownFields ?? false,
    recommendedShards: options.shards ?? 1,
    maxConcurrency: options.maxConcurrency ?? 1,
  };
  const controls: RestControls = {
    token: FAKE_TOKEN, faults: new FaultQueue(), latencyMs: options.latencyMs ?? 0, requests: [], handlerErrors: [],
    unknownFields: options.unknownFields ?? false, rateLimitHeaders: options.rateLimitHeaders ?? 'none',
    sparseMessages: options.sparseMessages ?? false,
  };
  const server = createRestServer(world, controls);
  const wss = new WebSocketServer({ server });
  const gateway = new FakeGateway(wss, {
    token: FAKE_TOKEN, state, otherGuilds, applicationId: FIXED_IDS.applicationId, signal, url,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    readyWithoutApplication: options.readyWithoutApplication ?? false,
    guildCreateMembers: options.guildCreateMembers ?? true,
    guildCreateDelayMs: options.guildCreateDelayMs ?? 0,
    requiredShards: options.shards ?? 1,
    readyMinimal: options.readyMinimal ?? false,
    guildCreateSparse: options.guildCreateSparse ?? false,
    ...(options.unknownFields ? { decorate: withUnknownFields } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const closer = async (): Promise<void> => {
    gateway.closeAll();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return new FakeDiscord(state, world, controls, gateway, signal, closer, port);
}
