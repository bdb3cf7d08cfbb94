import type { StoredCommand } from './commands';
import { Dispatcher, type AutocompleteContext } from './dispatcher';
import type { DropOptions, FakeGateway } from './gateway';
import type { RestControls } from './http';
import type { HttpDelivery } from './http-delivery';
import { FAKE_TOKEN, FIXED_IDS } from './ids';
import type { InteractionHandle, InteractionRecord, InvokeContext } from './interactions';
import type { StoredMessage } from './messages';
import type { OptionInput } from './options';
import { sentPayloads, type SentPayload } from './payloads';
import type { PermissionOverwrite } from './permissions';
import type { Signal } from './signal';
import type { FakeChannel, FakeChannels, FakeUser, GuildState } from './state';
import type { FaultSpec, GatewayClose, GatewayFrame, RecordedRequest, RequestMatcher } from './types';
import type { World } from './world';
import type { Json } from './json';

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
  private readonly dispatcher: Dispatcher;

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
    this.dispatcher = new Dispatcher(world, gateway, signal);
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

  /** `[shard_id, num_shards]` of every IDENTIFY answered with READY, in order. */
  get identifiedShards(): ReadonlyArray<[number, number]> { return this.gateway.identifiedShards; }

  /** Make the next `times` requests matching `matcher` fail with `response`. */
  failNext(matcher: RequestMatcher, response: FaultSpec, times = 1): void {
    this.controls.faults.add(matcher, response, times);
  }

  /** Pending injected faults. */
  get pendingFaults(): number { return this.controls.faults.size; }

  /** Delay every REST answer by `ms`. */
  setLatency(ms: number): void { this.controls.latencyMs = Math.max(0, ms); }

  /**
   * Delay every REST request by `ms` before the fake handles it: a slow path to Discord, where an
   * interaction callback sent at t counts as received at t + ms (against the 3 s window).
   */
  setRequestLatency(ms: number): void { this.controls.requestLatencyMs = Math.max(0, ms); }

  /** The bot's second guild, when started with `secondGuild: true`: its id and channels (same layout as the main guild's). */
  get secondGuild(): { guildId: string; channels: FakeChannels } | undefined {
    const guild = this.world.guilds[1];
    return guild ? { guildId: guild.guildId, channels: guild.channelIds } : undefined;
  }

  /** Close the bot's gateway connection (default code 4000: discord.js resumes). */
  dropGateway(options: DropOptions = {}): void { this.gateway.drop(options); }

  /** Answer accepted interaction callbacks with the `with_response` JSON (200) even when not asked (default: 204 unless asked). */
  setCallbackAlwaysWithResponse(on: boolean): void { this.world.callbackAlwaysWithResponse = on; }

  /** While on, new gateway connections get no HELLO: a bot that reconnects stays stuck reconnecting. */
  holdGateway(on: boolean): void { this.gateway.hold(on); }

  /** Gateway connections opened while held and still waiting for HELLO. */
  get gatewayWaitingForHello(): number { return this.gateway.waitingForHello; }

  /** Leave the next `n` heartbeats without ACK (op 11): the bot should see a zombie connection and reconnect. */
  skipHeartbeatAcks(n = 1): void { this.gateway.ackSkips = n; }

  /** While set (not null), every IDENTIFY is closed with this code: 4004 (bad token), 4014 (disallowed intents), … */
  rejectIdentify(code: number | null): void { this.gateway.identifyCloseCode = code; }

  /** Send op 9 (invalid session) now: `resumable` true → the bot resumes; false → the session is gone and it re-identifies. */
  invalidateSession(resumable: boolean): void { this.gateway.invalidateSession(resumable); }

  /** Path and query of every gateway connection, in order (`/?v=10&encoding=json`: what encoding and compression were asked for). */
  get gatewayConnectUrls(): readonly string[] { return this.gateway.connectUrls; }

  /** Send op 7 (reconnect): the bot closes and resumes. */
  requestReconnect(): void { this.gateway.requestReconnect(); }

  /**
   * Send interactions to the bot's HTTP endpoint, signed with `delivery.privateKey`, instead of the gateway
   * (null: back to the gateway). The endpoint's answer is recorded as the interaction's callback.
   */
  deliverInteractionsOverHttp(delivery: HttpDelivery | null): void {
    this.world.httpDelivery = delivery ? { ...delivery, requests: this.requests, errors: this.handlerErrors } : undefined;
  }

  /** Dispatch any gateway event to the bot. */
  dispatchEvent(t: string, d: unknown): void { this.gateway.dispatch(t, d); }

  /** Dispatch a slash command (`/name option:value …`). */
  dispatchCommand(name: string, options: OptionInput = {}, ctx: InvokeContext = {}): InteractionHandle {
    return this.dispatcher.command(name, options, ctx);
  }

  /** Dispatch a subcommand: `sub` is `'add'` or `'group add'`. */
  dispatchSubcommand(name: string, sub: string, options: OptionInput = {}, ctx: InvokeContext = {}): InteractionHandle {
    return this.dispatcher.subcommand(name, sub, options, ctx);
  }

  /** Dispatch an autocomplete request: the user is typing `value` in option `focused`. */
  dispatchAutocomplete(name: string, focused: string, value: string, otherOptions: OptionInput = {},
    ctx: AutocompleteContext = {}): InteractionHandle {
    return this.dispatcher.autocomplete(name, focused, value, otherOptions, ctx);
  }

  /** Dispatch a context-menu command (2: on a user, 3: on a message) on `targetId`; the bot offers none, so it is unregistered unless a test registered it. */
  dispatchContextMenu(name: string, kind: 2 | 3, targetId: string, ctx: InvokeContext = {}): InteractionHandle {
    return this.dispatcher.contextMenu(name, kind, targetId, ctx);
  }

  /** Dispatch a button click on a message the bot sent. */
  dispatchButton(customId: string, ctx: InvokeContext & { messageId: string }): InteractionHandle {
    return this.dispatcher.component(customId, 2, undefined, ctx);
  }

  /** Dispatch a string-select choice on a message the bot sent. */
  dispatchSelect(customId: string, values: string[], ctx: InvokeContext & { messageId: string }): InteractionHandle {
    return this.dispatcher.component(customId, 3, values, ctx);
  }

  /** All dispatched interactions, oldest first. */
  interactions(): readonly InteractionRecord[] { return this.dispatcher.list; }

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
    this.dispatcher.list.length = 0;
  }

  /** Stop the servers and drop every connection. */
  close(): Promise<void> { return this.closer(); }
}
