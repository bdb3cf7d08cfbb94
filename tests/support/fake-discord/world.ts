import type { CommandStore } from './commands';
import type { HttpDelivery } from './http-delivery';
import type { RecordedRequest } from './types';
import type { InteractionRecord } from './interactions';
import type { MessageStore } from './messages';
import type { Signal } from './signal';
import type { GuildState } from './state';

import type { Json } from './json';

/** Everything a REST handler may read or change. */
export interface World {
  /** The main guild (every test's world). */
  state: GuildState;
  /** Every guild the bot is in: the main one first, then a second one when asked for (`secondGuild`). */
  guilds: GuildState[];
  messages: MessageStore;
  commands: CommandStore;
  /** Dispatched interactions by token. */
  interactions: Map<string, InteractionRecord>;
  applicationId: string;
  signal: Signal;
  /** ws:// URL of the gateway. */
  gatewayUrl: () => string;
  /** Interactions answered later than this are refused with 10062 (0 = never). */
  interactionAckTimeoutMs: number;
  /** Answer every accepted callback with the `with_response` body (200), asked for or not (as some stand-ins do). */
  callbackAlwaysWithResponse?: boolean;
  /** Set: interactions go to the bot's HTTP endpoint, not the gateway (answers recorded in `requests`, failures in `errors`). */
  httpDelivery?: HttpDelivery & { requests: RecordedRequest[]; errors: Error[] };
  /** `GET /gateway/bot`: the recommended shard count and how many shards may identify at once. */
  recommendedShards: number;
  maxConcurrency: number;
  /** How many IDENTIFYs are still allowed (session_start_limit.remaining). */
  sessionStartRemaining: () => number;
  /** Interactions delivered over HTTP carry an unknown field in every object too. */
  unknownFields?: boolean;
  /** `session_start_limit.reset_after`, ms. */
  sessionResetAfterMs: number;
}

/** A parsed REST request as handlers see it. */
export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

/** A handler's answer (`body` undefined = no content). */
export interface RestResult {
  status: number;
  /** Destroy the socket instead of answering (injected network error). */
  reset?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A REST route handler. */
export type Handler = (req: RestRequest, w: World) => RestResult;

/** JSON 200 answer. */
export const ok = (body: unknown): RestResult => ({ status: 200, body });

/** A Discord JSON error answer. */
export const fail = (status: number, code: number, message: string, extra: Json = {}): RestResult =>
  ({ status, body: { message, code, ...extra } });

/** The guild with this id, when the bot is in it. */
export const guildById = (w: World, guildId: string | undefined): GuildState | undefined => w.guilds.find((g) => g.guildId === guildId);

/** The guild a channel belongs to, when the channel exists. */
export const guildOfChannel = (w: World, channelId: string): GuildState | undefined => w.guilds.find((g) => g.channels.has(channelId));
