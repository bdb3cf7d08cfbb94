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
 * {status: 0, reset: true} (connection reset, a network error), times)`;
 * `setLatency(ms)`; `dropGateway({code = 4000, resumable = true, abrupt = false})` (the bot resumes;
 * with `resumable: false` it gets op 9 and re-identifies); `requestReconnect()` (op 7).
 *
 * Interactions: `dispatchCommand(name, options, ctx)`, `dispatchSubcommand(name, 'sub' | 'group sub',
 * options, ctx)`, `dispatchAutocomplete(name, focused, value, otherOptions, {subcommand, ...ctx})`,
 * `dispatchButton(customId, {messageId})`, `dispatchSelect(customId, values, {messageId})`. Option types
 * come from the registered command when the bot has deployed it (so channel options get
 * `resolved.channels`), else from the JS value, or pass `{type, value}`. `ctx`: `{channelId, locale,
 * userId | member: 'admin' | 'member' | 'owner'}` (admin has Manage Server; member does not). Each returns an {@link InteractionHandle}: `response()`, `visible()`, `edits()`,
 * `followUps()`, `waitForEdit(n)`, `waitForFollowUp(n)`.
 *
 * Records: `requests` (every HTTP request, no token), `messages(channelId)` (channel posts),
 * `allMessages(channelId)` (with interaction replies; `wouldPing` tells if a mention would notify),
 * `sentPayloads()`, `gatewayFrames`, `gatewayCloses` (e.g. `{code: 1000, by: 'client'}` after
 * `client.destroy()`), `interactions()`, `commands(guildId?)`. Waiting: `waitFor(pred)`,
 * `waitForIdentify(n)`, `waitForResumed(n)`, `waitForClose(pred)`, `waitForMessages(channelId, n)`.
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import { CommandStore, type StoredCommand } from './commands';
import { FaultQueue } from './faults';
import { FakeGateway, type DropOptions } from './gateway';
import { createRestServer, type RestControls } from './http';
import { FAKE_TOKEN, FIXED_IDS, nextSnowflake } from './ids';
import { baseInteraction, InteractionHandle, invokerId, newRecord, type InteractionRecord, type InvokeContext } from './interactions';
import { MessageStore, type StoredMessage } from './messages';
import { buildOptions, definitionsAt, type OptionInput, type Resolved } from './options';
import { sentPayloads, type SentPayload } from './payloads';
import type { PermissionOverwrite } from './permissions';
import { Signal } from './signal';
import { GuildState, type FakeChannel, type FakeChannels, type FakeUser } from './state';
import type { FaultSpec, GatewayClose, GatewayFrame, RecordedRequest, RequestMatcher } from './types';
import type { World } from './world';

export type { InteractionCallback, InteractionRecord, InvokeContext } from './interactions';
export { InteractionHandle } from './interactions';
export type { OptionInput, OptionValue } from './options';
export type { SentPayload } from './payloads';
export type { FaultSpec, GatewayClose, GatewayFrame, RecordedRequest, RequestMatcher } from './types';
export type { DropOptions } from './gateway';
export type { StoredMessage } from './messages';
export type { StoredCommand } from './commands';
export type { FakeChannel, FakeChannels, FakeUser } from './state';
export { Perm } from './permissions';

type Json = Record<string, unknown>;

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
}

/** Extra context for autocomplete: the subcommand (`'add'` or `'group sub'`) the focused option belongs to. */
export interface AutocompleteContext extends InvokeContext {
  subcommand?: string;
}

/** A running fake Discord. Create with {@link startFakeDiscord}. */
export class FakeDiscord {
  /** REST base for discord.js: `new Client({ rest: { api: fake.apiUrl } })`. */
  readonly apiUrl: string;
  /** The gateway URL `GET /gateway/bot` returns. */
  readonly gatewayUrl: string;
  /** The only bot token the fake accepts. */
  readonly token = FAKE_TOKEN;
  readonly applicationId = FIXED_IDS.applicationId;
  readonly botUserId = FIXED_IDS.botUserId;
  readonly guildId = FIXED_IDS.guildId;
  readonly channels: FakeChannels;
  readonly users: { admin: FakeUser; member: FakeUser; owner: FakeUser };
  /** Every HTTP request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Errors thrown inside REST handlers (should stay empty). */
  readonly handlerErrors: Error[];
  private readonly interactionList: InteractionRecord[] = [];
  private readonly unregisteredIds = new Map<string, string>();

  /** @internal Use {@link startFakeDiscord}. */
  constructor(
    readonly state: GuildState,
    private readonly world: World,
    private readonly controls: RestControls,
    private readonly gateway: FakeGateway,
    private readonly signal: Signal,
    private readonly closer: () => Promise<void>,
    port: number,
  ) {
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.channels = state.channelIds;
    this.users = state.users;
    this.requests = controls.requests;
    this.handlerErrors = controls.handlerErrors;
  }

  /** Every frame the bot sent on the gateway (tokens redacted). */
  get gatewayFrames(): readonly GatewayFrame[] { return this.gateway.frames; }

  /** Every gateway close, with its code and who closed. */
  get gatewayCloses(): readonly GatewayClose[] { return this.gateway.closes; }

  /** Gateway counters: IDENTIFYs answered, RESUMEs answered, RESUMEs refused. */
  get gatewayStats(): { identifies: number; resumes: number; invalidSessions: number; connected: boolean } {
    const g = this.gateway;
    return { identifies: g.identifies, resumes: g.resumes, invalidSessions: g.invalidSessions, connected: g.connected };
  }

  /** Make the next `times` requests matching `matcher` fail with `response`. */
  failNext(matcher: RequestMatcher, response: FaultSpec, times = 1): void {
    this.controls.faults.add(matcher, response, times);
  }

  /** Pending injected faults. */
  get pendingFaults(): number { return this.controls.faults.size; }

  /** Delay every REST answer by `ms`. */
  setLatency(ms: number): void { this.controls.latencyMs = Math.max(0, ms); }

  /** Close the bot's gateway connection (default code 4000: discord.js resumes). */
  dropGateway(options: DropOptions = {}): void { this.gateway.drop(options); }

  /** Send op 7 (reconnect): the bot closes and resumes. */
  requestReconnect(): void { this.gateway.requestReconnect(); }

  /** Dispatch any gateway event to the bot. */
  dispatchEvent(t: string, d: unknown): void { this.gateway.dispatch(t, d); }

  private commandData(name: string): { cmd: StoredCommand | undefined; data: Json } {
    const cmd = this.world.commands.find(name, this.guildId);
    let id = cmd?.id ?? this.unregisteredIds.get(name);
    if (!id) this.unregisteredIds.set(name, (id = nextSnowflake()));
    return { cmd, data: { id, name, type: 1, ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}) } };
  }

  private dispatchInteraction(type: number, data: Json, ctx: InvokeContext, extra: Json = {}): InteractionHandle {
    const { id, token, payload } = baseInteraction(this.state, this.applicationId, type, data, ctx);
    Object.assign(payload, extra);
    const rec = newRecord(id, token, type, String(payload.channel_id), payload);
    this.world.interactions.set(token, rec);
    this.interactionList.push(rec);
    this.gateway.dispatch('INTERACTION_CREATE', payload, () => { rec.dispatchedAt = performance.now(); });
    return new InteractionHandle(rec, this.signal);
  }

  private wrap(path: string[], inner: Json[]): Json[] {
    if (path.length === 0) return inner;
    if (path.length === 1) return [{ type: 1, name: path[0], options: inner }];
    return [{ type: 2, name: path[0], options: [{ type: 1, name: path[1], options: inner }] }];
  }

  private invoke(name: string, path: string[], options: OptionInput, ctx: InvokeContext, focused?: string): InteractionHandle {
    const { cmd, data } = this.commandData(name);
    const resolved: Resolved = {};
    const userId = invokerId(this.state, ctx);
    const inner = buildOptions(options, definitionsAt(cmd, path), this.state, userId, resolved, focused);
    const opts = this.wrap(path, inner);
    if (opts.length > 0) data.options = opts;
    if (Object.keys(resolved).length > 0) data.resolved = resolved;
    return this.dispatchInteraction(focused === undefined ? 2 : 4, data, ctx);
  }

  /** Dispatch a slash command (`/name option:value …`). */
  dispatchCommand(name: string, options: OptionInput = {}, ctx: InvokeContext = {}): InteractionHandle {
    return this.invoke(name, [], options, ctx);
  }

  /** Dispatch a subcommand: `sub` is `'add'` or `'group add'`. */
  dispatchSubcommand(name: string, sub: string, options: OptionInput = {}, ctx: InvokeContext = {}): InteractionHandle {
    return this.invoke(name, sub.split(' ').filter(Boolean), options, ctx);
  }

  /** Dispatch an autocomplete request: the user is typing `value` in option `focused`. */
  dispatchAutocomplete(name: string, focused: string, value: string, otherOptions: OptionInput = {},
    ctx: AutocompleteContext = {}): InteractionHandle {
    const path = (ctx.subcommand ?? '').split(' ').filter(Boolean);
    return this.invoke(name, path, { ...otherOptions, [focused]: value }, ctx, focused);
  }

  private componentSource(messageId: string): StoredMessage {
    const m = this.world.messages.byId.get(messageId);
    if (!m) throw new Error(`fake-discord: no message ${messageId} to click on`);
    return m;
  }

  /** Dispatch a button click on a message the bot sent. */
  dispatchButton(customId: string, ctx: InvokeContext & { messageId: string }): InteractionHandle {
    const m = this.componentSource(ctx.messageId);
    return this.dispatchInteraction(3, { custom_id: customId, component_type: 2 },
      { ...ctx, channelId: m.channelId }, { message: m.message });
  }

  /** Dispatch a string-select choice on a message the bot sent. */
  dispatchSelect(customId: string, values: string[], ctx: InvokeContext & { messageId: string }): InteractionHandle {
    const m = this.componentSource(ctx.messageId);
    return this.dispatchInteraction(3, { custom_id: customId, component_type: 3, values },
      { ...ctx, channelId: m.channelId }, { message: m.message });
  }

  /** All dispatched interactions, oldest first. */
  interactions(): readonly InteractionRecord[] { return this.interactionList; }

  /** Message objects the bot posted with POST /channels/:id/messages, oldest first. */
  messages(channelId: string): Json[] {
    return this.world.messages.inChannel(channelId, 'channel').map((m) => m.message);
  }

  /** Every stored bot message in a channel (posts, interaction replies, follow-ups). */
  allMessages(channelId: string): StoredMessage[] {
    return this.world.messages.inChannel(channelId);
  }

  /** Registered commands (global when `guildId` is omitted). */
  commands(guildId?: string): readonly StoredCommand[] { return this.world.commands.list(guildId); }

  /** How many bulk overwrites (PUT …/commands) happened. */
  get bulkOverwrites(): number { return this.world.commands.bulkOverwrites; }

  /** Bodies the bot sent that have a documented schema (see discord-spec.ts). */
  sentPayloads(): SentPayload[] { return sentPayloads(this.requests); }

  /** Resolve with the first recorded request (past or future) matching `predicate`. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.signal.waitFor(() => this.requests.find((r) => (r.status !== 0 || r.injected) && predicate(r)), timeoutMs,
      'a matching request');
  }

  /** Resolve once `n` IDENTIFYs have been answered (READY + GUILD_CREATE sent). */
  waitForIdentify(n = 1, timeoutMs = 10_000): Promise<true> {
    return this.signal.waitFor(() => (this.gateway.identifies >= n ? true : undefined), timeoutMs, `IDENTIFY #${n}`);
  }

  /** Resolve once `n` RESUMEs have been answered with RESUMED. */
  waitForResumed(n = 1, timeoutMs = 10_000): Promise<true> {
    return this.signal.waitFor(() => (this.gateway.resumes >= n ? true : undefined), timeoutMs, `RESUMED #${n}`);
  }

  /** Resolve with the first gateway close matching `predicate`. */
  waitForClose(predicate: (c: GatewayClose) => boolean = () => true, timeoutMs = 10_000): Promise<GatewayClose> {
    return this.signal.waitFor(() => this.gateway.closes.find(predicate), timeoutMs, 'a gateway close');
  }

  /** Resolve once the channel holds at least `n` posts. */
  waitForMessages(channelId: string, n = 1, timeoutMs = 5000): Promise<Json[]> {
    return this.signal.waitFor(() => {
      const list = this.messages(channelId);
      return list.length >= n ? list : undefined;
    }, timeoutMs, `${n} message(s) in channel ${channelId}`);
  }

  /** Add a channel to the guild (and tell the bot with CHANNEL_CREATE). */
  addChannel(channel: Partial<FakeChannel> & Pick<FakeChannel, 'id' | 'name'>): FakeChannel {
    const c = this.state.addChannel(channel);
    this.gateway.dispatch('CHANNEL_CREATE', c);
    return c;
  }

  /** Delete a channel (posting there then gives 404 10003) and tell the bot with CHANNEL_DELETE. */
  deleteChannel(channelId: string): void {
    const c = this.state.channels.get(channelId);
    if (!c) return;
    this.state.channels.delete(channelId);
    this.gateway.dispatch('CHANNEL_DELETE', c);
  }

  /** Replace a channel's permission overwrites (and tell the bot with CHANNEL_UPDATE). */
  setOverwrites(channelId: string, overwrites: PermissionOverwrite[]): void {
    const c = this.state.channels.get(channelId);
    if (!c) throw new Error(`fake-discord: no channel ${channelId}`);
    c.permission_overwrites = overwrites;
    this.gateway.dispatch('CHANNEL_UPDATE', c);
  }

  /** Forget recorded requests and interactions (e.g. between benchmark phases). Messages stay. */
  clearRecords(): void {
    this.requests.length = 0;
    this.interactionList.length = 0;
  }

  /** Stop the servers and drop every connection. */
  close(): Promise<void> { return this.closer(); }
}

/** Start a fake Discord on 127.0.0.1 (REST and gateway on one ephemeral port). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const signal = new Signal();
  const state = new GuildState({ guildLocale: options.guildLocale });
  let port = 0;
  const url = (): string => `ws://127.0.0.1:${port}`;
  const world: World = {
    state, signal, applicationId: FIXED_IDS.applicationId,
    messages: new MessageStore(state.botUser, state.guildId, options.nonceWindowMs ?? 5 * 60_000),
    commands: new CommandStore(FIXED_IDS.applicationId),
    interactions: new Map(),
    gatewayUrl: url,
    interactionAckTimeoutMs: options.interactionAckTimeoutMs ?? 3000,
    sessionStartRemaining: () => 1000,
  };
  const controls: RestControls = {
    token: FAKE_TOKEN, faults: new FaultQueue(), latencyMs: options.latencyMs ?? 0, requests: [], handlerErrors: [],
  };
  const server = createRestServer(world, controls);
  const wss = new WebSocketServer({ server });
  const gateway = new FakeGateway(wss, {
    token: FAKE_TOKEN, state, applicationId: FIXED_IDS.applicationId, signal, url,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
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
