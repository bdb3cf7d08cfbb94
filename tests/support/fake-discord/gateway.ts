import { randomBytes } from 'node:crypto';
import { WebSocket, type WebSocketServer } from 'ws';
import type { Signal } from './signal';
import type { GuildState } from './state';
import type { GatewayClose, GatewayFrame } from './types';
import type { Json } from './json';

interface DispatchEvent {
  /** The shard the event belongs to (its guild's shard; 0 without a guild). */
  shard?: number;
  s: number;
  t: string;
  d: unknown;
  delivered: boolean;
  onSent?: () => void;
}

interface Session {
  id: string;
  /** `[shard_id, num_shards]` of its IDENTIFY. */
  shard: [number, number];
  seq: number;
  events: DispatchEvent[];
  socket: WebSocket | null;
  resumable: boolean;
}

interface Connection {
  number: number;
  ws: WebSocket;
  session: Session | null;
  closedByServer: { code: number; reason: string } | null;
}

/** What the gateway needs from the rest of the fake. */
export interface GatewayDeps {
  token: string;
  state: GuildState;
  /** Guilds besides `state` the bot is in (each gets its GUILD_CREATE). */
  otherGuilds?: GuildState[];
  applicationId: string;
  heartbeatIntervalMs: number;
  signal: Signal;
  url: () => string;
  /** Omit `application` from READY. */
  readyWithoutApplication?: boolean;
  /** Include `members` in GUILD_CREATE (default true). */
  guildCreateMembers?: boolean;
  /** Send GUILD_CREATE this long after READY (default 0: at once). */
  guildCreateDelayMs?: number;
  /** Fewest shards an IDENTIFY may claim (Discord closes with 4011 "sharding required" below it; default 1). */
  requiredShards?: number;
  /** READY with only `v`, `user`, `guilds` and `session_id` (no `resume_gateway_url`, `shard`, `application`, …). */
  readyMinimal?: boolean;
  /** GUILD_CREATE with only the guild object, `channels` (without `guild_id`, as Discord sends them there) and members. */
  guildCreateSparse?: boolean;
  /** Add unknown fields to every object of every dispatch (what a newer API version may send). */
  decorate?: (value: unknown) => unknown;
}

/** The shard a guild's events go to: `(guild_id >> 22) % num_shards`, as Discord routes them. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}

/** The shard of a dispatch: its guild's (`guild_id`, or `id` for guild events), 0 for DMs and the rest. */
function shardOfEvent(t: string, d: unknown, shardCount: number): number {
  if (typeof d !== 'object' || d === null) return 0;
  const record = d as Record<string, unknown>;
  const guildId = typeof record.guild_id === 'string' ? record.guild_id : t.startsWith('GUILD_') && typeof record.id === 'string' ? record.id : undefined;
  return guildId ? shardOfGuild(guildId, shardCount) : 0;
}

/** Discord's close reasons for the codes a test may make IDENTIFY fail with. */
const CLOSE_REASONS: Record<number, string> = {
  4004: 'Authentication failed.', 4010: 'Invalid shard.', 4011: 'Sharding required.', 4012: 'Invalid API version.',
  4013: 'Invalid intent(s).', 4014: 'Disallowed intent(s).',
};

/** A GUILD_CREATE cut to the guild object, its channels (without `guild_id`) and members: no threads, presences, voice states, counts… */
function sparseGuildCreate(full: Record<string, unknown>): Record<string, unknown> {
  const { threads: _t, presences: _p, stage_instances: _s, guild_scheduled_events: _e, soundboard_sounds: _b, voice_states: _v,
    joined_at: _j, large: _l, member_count: _m, emojis: _em, stickers: _st, ...rest } = full;
  const channels = (full.channels as Array<Record<string, unknown>>).map(({ guild_id: _g, ...channel }) => channel);
  return { ...rest, channels };
}

/** Options of {@link FakeGateway.drop}. */
export interface DropOptions {
  /** Close code sent to the bot (default 4000, which discord.js resumes after). Ignored when `abrupt`. */
  code?: number;
  /** When false, the session is forgotten: RESUME gets op 9 (invalid session) and the bot re-identifies. */
  resumable?: boolean;
  /** Terminate the TCP connection without a close frame (the bot sees 1006). */
  abrupt?: boolean;
}

/**
 * The Gateway side of the fake: HELLO, IDENTIFY → READY + GUILD_CREATE,
 * heartbeats, RESUME with replay, invalid sessions, sequence numbers, and a
 * record of every frame received and every close.
 */
export class FakeGateway {
  readonly frames: GatewayFrame[] = [];
  readonly closes: GatewayClose[] = [];
  /** How many IDENTIFYs were answered with READY. */
  identifies = 0;
  /** How many RESUMEs were answered with RESUMED. */
  resumes = 0;
  /** How many RESUMEs were refused with op 9. */
  invalidSessions = 0;
  private readonly sessions = new Map<string, Session>();
  /** The live session of each shard. */
  private readonly currentByShard = new Map<number, Session>();
  /** `num_shards` of the latest IDENTIFY (events are routed by it). */
  private shardCount = 1;
  private readonly connections = new Set<Connection>();
  private readonly pending: DispatchEvent[] = [];
  private connectionCount = 0;
  private held = false;
  private readonly heldConnections: WebSocket[] = [];
  /** Heartbeats left unacknowledged from now on (a zombie connection, as far as the bot can tell). */
  ackSkips = 0;
  /** While set, every IDENTIFY is answered by closing the connection with this code (4004 bad token, 4014 disallowed intents…). */
  identifyCloseCode: number | null = null;
  /** The request URL (path and query) of every gateway connection, in order: what encoding and compression the bot asked for. */
  readonly connectUrls: string[] = [];

  constructor(readonly wss: WebSocketServer, private readonly deps: GatewayDeps) {
    wss.on('connection', (ws, req) => {
      this.connectUrls.push(req.url ?? '');
      // The fake speaks JSON without transport compression: a client asking for etf or zlib-stream would misread every frame.
      const query = new URL(req.url ?? '/', 'ws://fake').searchParams;
      if ((query.get('encoding') ?? 'json') !== 'json' || query.has('compress')) ws.close(1003, 'fake-discord: JSON, uncompressed, only');
      else this.onConnection(ws);
    });
  }

  /** Shard 0's session (the only one of an unsharded bot). */
  private get current(): Session | null {
    return this.currentByShard.get(0) ?? null;
  }

  /** `[shard_id, num_shards]` of every IDENTIFY answered, in order. */
  readonly identifiedShards: Array<[number, number]> = [];

  /** True while a bot connection is identified or resumed and open. */
  get connected(): boolean {
    return this.current?.socket?.readyState === WebSocket.OPEN;
  }

  /** The current session id (null before the first IDENTIFY). */
  get sessionId(): string | null {
    return this.current?.id ?? null;
  }

  private onConnection(ws: WebSocket): void {
    const conn: Connection = { number: ++this.connectionCount, ws, session: null, closedByServer: null };
    this.connections.add(conn);
    ws.on('message', (data) => this.onFrame(conn, data.toString()));
    ws.on('close', (code, reason) => {
      this.connections.delete(conn);
      this.closes.push({
        code, reason: reason.toString(), by: conn.closedByServer ? 'server' : 'client',
        connection: conn.number, sessionId: conn.session?.id ?? null, time: Date.now(),
      });
      if (conn.session && conn.session.socket === ws) {
        conn.session.socket = null;
        // A clean close by the client (1000/1001) ends the session, as on Discord: it cannot be resumed.
        if (!conn.closedByServer && (code === 1000 || code === 1001)) conn.session.resumable = false;
      }
      this.deps.signal.notify();
    });
    ws.on('error', () => undefined);
    if (this.held) this.heldConnections.push(ws);
    else this.hello(ws);
  }

  private hello(ws: WebSocket): void {
    this.send(ws, { op: 10, d: { heartbeat_interval: this.deps.heartbeatIntervalMs }, s: null, t: null });
  }

  /** Hold new connections without HELLO (the bot is stuck reconnecting) until released. */
  hold(on: boolean): void {
    this.held = on;
    if (!on) for (const ws of this.heldConnections.splice(0)) this.hello(ws);
  }

  /** Connections opened while held, still waiting for HELLO. */
  get waitingForHello(): number {
    return this.heldConnections.filter((ws) => ws.readyState === WebSocket.OPEN).length;
  }

  private send(ws: WebSocket, payload: Json): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(this.frame(payload));
  }

  /** A frame as text; its `d` decorated with unknown fields when asked. */
  private frame(payload: Json): string {
    const decorate = this.deps.decorate;
    return JSON.stringify(decorate && payload.op === 0 ? { ...payload, d: decorate(payload.d) } : payload);
  }

  private onFrame(conn: Connection, text: string): void {
    let frame: Json;
    try {
      frame = JSON.parse(text) as Json;
    } catch {
      this.closeFromServer(conn, 4002, 'Error while decoding payload.');
      return;
    }
    const op = Number(frame.op);
    const d = frame.d;
    let recorded = d;
    if ((op === 2 || op === 6) && typeof d === 'object' && d !== null) {
      const token = (d as Json).token;
      recorded = { ...(d as Json), token: token === this.deps.token ? '[token ok]' : '[token bad]' };
    }
    this.frames.push({ op, d: recorded, sessionId: conn.session?.id ?? null, connection: conn.number, time: Date.now() });
    switch (op) {
      case 1:
        if (this.ackSkips > 0) this.ackSkips -= 1;
        else this.send(conn.ws, { op: 11, d: null, s: null, t: null });
        break;
      case 2: this.identify(conn, d as Json); break;
      case 6: this.resume(conn, d as Json); break;
      case 8: this.membersChunk(conn, d as Json); break;
      case 3: case 4: case 31: break;
      default: this.closeFromServer(conn, 4001, 'Unknown opcode.');
    }
    this.deps.signal.notify();
  }

  private identify(conn: Connection, d: Json): void {
    if (conn.session) return this.closeFromServer(conn, 4005, 'Already authenticated.');
    if (d?.token !== this.deps.token) return this.closeFromServer(conn, 4004, 'Authentication failed.');
    if (this.identifyCloseCode !== null) return this.closeFromServer(conn, this.identifyCloseCode, CLOSE_REASONS[this.identifyCloseCode] ?? 'Refused.');
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) return this.closeFromServer(conn, 4010, 'Invalid shard.');
    if (shard[1] < (this.deps.requiredShards ?? 1)) return this.closeFromServer(conn, 4011, 'Sharding required.');
    const session: Session = { id: randomBytes(16).toString('hex'), shard, seq: 0, events: [], socket: conn.ws, resumable: true };
    const previous = this.currentByShard.get(shard[0]) ?? null;
    this.sessions.set(session.id, session);
    this.currentByShard.set(shard[0], session);
    this.shardCount = shard[1];
    this.identifiedShards.push(shard);
    conn.session = session;
    const { state } = this.deps;
    // Each guild goes to its own shard (guild_id >> 22 % count), as Discord does.
    const shardGuilds = [state, ...(this.deps.otherGuilds ?? [])].filter((g) => shardOfGuild(g.guildId, shard[1]) === shard[0]);
    const hasGuild = shardGuilds.length > 0;
    const readyGuilds = shardGuilds.map((g) => ({ id: g.guildId, unavailable: true }));
    if (this.deps.readyMinimal) this.emit(session, 'READY', { v: 10, user: { ...state.botUser }, guilds: readyGuilds, session_id: session.id });
    else this.emit(session, 'READY', {
      v: 10, user: { ...state.botUser, verified: true, mfa_enabled: false, flags: 0 },
      guilds: readyGuilds, session_id: session.id, session_type: 'normal',
      resume_gateway_url: this.deps.url(), shard,
      ...(this.deps.readyWithoutApplication ? {} : { application: { id: this.deps.applicationId, flags: 0 } }),
      private_channels: [], presences: [], relationships: [], guild_join_requests: [], geo_ordered_rtc_regions: [],
      auth: {}, user_settings: {},
    });
    const guilds = shardGuilds.map((g) => (this.deps.guildCreateSparse ? sparseGuildCreate(g.guildCreate()) : g.guildCreate()));
    const guildCreate = (): void => {
      for (const guild of guilds) this.emit(session, 'GUILD_CREATE', this.deps.guildCreateMembers === false ? { ...guild, members: [] } : guild);
    };
    const delay = this.deps.guildCreateDelayMs ?? 0;
    // Only the guild's own shard gets its GUILD_CREATE.
    if (hasGuild && delay > 0) setTimeout(guildCreate, delay).unref();
    else if (hasGuild) guildCreate();
    this.identifies += 1;
    // Events a dead session never delivered, and events queued for this shard before any session, go to the new one.
    const queued = this.pending.filter((e) => shardOfEvent(e.t, e.d, shard[1]) === shard[0]);
    this.pending.splice(0, this.pending.length, ...this.pending.filter((e) => !queued.includes(e)));
    const carried = [...(previous?.events.filter((e) => !e.delivered) ?? []), ...queued];
    if (previous) previous.events = previous.events.filter((e) => e.delivered);
    for (const e of carried) this.emit(session, e.t, e.d, e.onSent);
  }

  private resume(conn: Connection, d: Json): void {
    const session = this.sessions.get(String(d?.session_id));
    if (!session || !session.resumable || d?.token !== this.deps.token) {
      this.invalidSessions += 1;
      this.send(conn.ws, { op: 9, d: false, s: null, t: null });
      return;
    }
    const seq = Number(d.seq ?? 0);
    session.socket = conn.ws;
    conn.session = session;
    this.currentByShard.set(session.shard[0], session);
    for (const e of session.events) {
      if (e.s <= seq) continue;
      this.send(conn.ws, { op: 0, s: e.s, t: e.t, d: e.d });
      if (!e.delivered) {
        e.delivered = true;
        e.onSent?.();
      }
    }
    this.emit(session, 'RESUMED', {});
    this.resumes += 1;
  }

  /** Op 8 (request guild members): one GUILD_MEMBERS_CHUNK with the matching members. */
  private membersChunk(conn: Connection, d: Json): void {
    if (!conn.session) return this.closeFromServer(conn, 4003, 'Not authenticated.');
    const ids = Array.isArray(d?.user_ids) ? d.user_ids.map(String) : typeof d?.user_ids === 'string' ? [d.user_ids] : null;
    const query = typeof d?.query === 'string' ? d.query.toLowerCase() : '';
    const limit = Number(d?.limit ?? 0) || Infinity;
    const members = [...this.deps.state.members.values()]
      .filter((m) => (ids ? ids.includes(m.user.id) : m.user.username.toLowerCase().startsWith(query)))
      .slice(0, limit);
    const found = new Set(members.map((m) => m.user.id));
    this.emit(conn.session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: this.deps.state.guildId, members, chunk_index: 0, chunk_count: 1,
      ...(ids ? { not_found: ids.filter((id: string) => !found.has(id)) } : {}),
      ...(d?.nonce !== undefined ? { nonce: d.nonce } : {}),
    });
  }

  private emit(session: Session, t: string, d: unknown, onSent?: () => void): void {
    const e: DispatchEvent = { s: ++session.seq, t, d, delivered: false, onSent };
    session.events.push(e);
    if (session.events.length > 1000) session.events.shift();
    if (session.socket?.readyState === WebSocket.OPEN) {
      session.socket.send(this.frame({ op: 0, s: e.s, t, d }));
      e.delivered = true;
      onSent?.();
    }
  }

  /**
   * Send a dispatch (op 0) to the bot. Without an open connection the event
   * waits: it is replayed on RESUME, or sent after the next IDENTIFY.
   * `onSent` runs when it is actually written to the socket.
   */
  dispatch(t: string, d: unknown, onSent?: () => void): void {
    const session = this.currentByShard.get(shardOfEvent(t, d, this.shardCount));
    if (session && session.resumable) this.emit(session, t, d, onSent);
    else this.pending.push({ s: 0, t, d, delivered: false, onSent });
  }

  private closeFromServer(conn: Connection, code: number, reason: string): void {
    conn.closedByServer = { code, reason };
    conn.ws.close(code, reason);
  }

  /** Drop the bot's current connection (see {@link DropOptions}). */
  drop(options: DropOptions = {}): void {
    const session = this.current;
    if (session && options.resumable === false) session.resumable = false;
    for (const conn of this.connections) {
      if (conn.session !== session && session) continue;
      if (options.abrupt) {
        conn.closedByServer = { code: 1006, reason: 'terminated' };
        conn.ws.terminate();
      } else {
        this.closeFromServer(conn, options.code ?? 4000, 'Dropped by fake-discord');
      }
    }
  }

  /** Send op 9 (invalid session) on the current connection: `resumable` true → the bot resumes, false → it re-identifies. */
  invalidateSession(resumable: boolean): void {
    const session = this.current;
    const ws = session?.socket;
    if (!session || !ws) return;
    if (!resumable) session.resumable = false;
    this.invalidSessions += 1;
    this.send(ws, { op: 9, d: resumable, s: null, t: null });
  }

  /** Ask the bot to reconnect and resume (op 7), as Discord does before maintenance. */
  requestReconnect(): void {
    const ws = this.current?.socket;
    if (ws) this.send(ws, { op: 7, d: null, s: null, t: null });
  }

  /** Close every connection (used by `close()`). */
  closeAll(): void {
    for (const conn of this.connections) {
      conn.closedByServer = { code: 1001, reason: 'fake-discord closing' };
      conn.ws.terminate();
    }
  }
}
