/** One HTTP request the fake received (the token itself is never stored). */
export interface RecordedRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path after `/api/v10`, without the query string, e.g. `/channels/123/messages`. */
  path: string;
  /** The query string parameters. */
  query: Record<string, string>;
  /** The OpenAPI path template it matched (e.g. `/channels/{channel_id}/messages`), or null for an unknown route. */
  route: string | null;
  /** The parsed JSON body (`payload_json` for multipart), or undefined when there was none. */
  body: unknown;
  /** Names of uploaded files (multipart requests only). */
  files?: string[];
  /** Request headers, lower-case names, with `authorization` removed. */
  headers: Record<string, string>;
  /** `ok`: `Bot <fake token>`; `missing`: no Authorization header; `bad`: anything else. */
  auth: 'ok' | 'missing' | 'bad';
  /** Status the fake answered with (0 while in flight, or when an injected `reset` cut the connection). */
  status: number;
  /** The JSON body the fake answered with (undefined for 204). */
  response?: unknown;
  /** True when the answer came from {@link FaultSpec} injection. */
  injected: boolean;
  /** `Date.now()` when the request arrived. */
  time: number;
}

/** Which requests a fault applies to. Every given field must match. */
export interface RequestMatcher {
  /** HTTP method, any case. */
  method?: string;
  /** A regex tested against the path (after `/api/v10`), or an exact path string. */
  path?: RegExp | string;
  /** An OpenAPI route template, e.g. `/channels/{channel_id}/messages`. */
  route?: string;
}

/** A canned failure answer. */
export interface FaultSpec {
  /** HTTP status: 429, 500, 502, 403, 404, … */
  status: number;
  /** Discord JSON error code (defaults: 403 → 50013, 404 → 10003, 0 otherwise). */
  code?: number;
  /** Error message (defaults to Discord's text for the code). */
  message?: string;
  /** For 429: seconds to wait (float, default 0.1). */
  retryAfter?: number;
  /**
   * Reset the TCP connection instead of answering (the client sees ECONNRESET; discord.js retries that
   * up to 3 times, so inject 4 to make the call fail). `status` is then ignored (recorded as 0).
   */
  reset?: boolean;
  /**
   * Handle the request first (the callback, post or edit takes effect), then, instead of its answer, reset
   * the connection (with `reset`) or answer with this fault's status (e.g. a proxy's 502), as when a
   * response is lost on the way back. discord.js retries and gets, for an interaction callback, 400 40060
   * (already acknowledged).
   */
  afterHandling?: boolean;
  /**
   * For 429: where the wait is given: `both` (default, as Discord: `Retry-After` and rate-limit headers plus
   * `retry_after` in the body), `body` only (no rate-limit headers at all, as some proxies answer), or
   * `header` only (`Retry-After` and rate-limit headers, a body without `retry_after`).
   */
  retryAfterIn?: 'both' | 'body' | 'header';
  /** For 429: `X-RateLimit-Scope` (default `user`); `global` also sets `X-RateLimit-Global`. */
  scope?: 'user' | 'global' | 'shared';
  /** Handle the request (it takes effect), then answer `status` (200, 204) with no body at all, as a proxy may. */
  emptyBody?: boolean;
  /** Handle the request (it takes effect) and answer as usual, but only after this many ms: one slow answer. `status` is ignored. */
  delayMs?: number;
}

/** A frame the fake received on the gateway (IDENTIFY/RESUME tokens replaced by `[token ok]`/`[token bad]`). */
export interface GatewayFrame {
  op: number;
  d: unknown;
  /** Session id of the connection it arrived on, when known. */
  sessionId: string | null;
  /** Connection number (1 for the first connection). */
  connection: number;
  time: number;
}

/** A gateway connection close seen by the fake. */
export interface GatewayClose {
  code: number;
  reason: string;
  /** `client` when the bot closed (e.g. 1000 on `client.destroy()`), `server` when the fake did. */
  by: 'client' | 'server';
  connection: number;
  sessionId: string | null;
  time: number;
}
