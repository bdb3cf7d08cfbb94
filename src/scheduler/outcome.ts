/** What happened to one post, as the tick needs to know it. */
export type PostOutcome =
  /** Discord created (or, for a repeated nonce, returned) the message. */
  | { kind: 'ok'; messageId: string }
  /** A transient failure (5xx, network, timeout) that outlasted the retries: try again next run. */
  | { kind: 'retry'; reason: string }
  /** Discord refuses this channel (no permission, no access, deleted): pause the schedule. */
  | { kind: 'pause'; reason: string }
  /** Discord refuses this payload (4xx other than the above): never retry this article. */
  | { kind: 'reject'; reason: string }
  /** The post may have landed, and the channel's history cannot be read to tell: never sent again blind. */
  | { kind: 'uncertain'; reason: string };

/** What a look for an earlier post in a channel's history found. */
export type FindOutcome =
  /** The post is there. */
  | { kind: 'found'; messageId: string }
  /** Not in the history back to the time of the first attempt: post it. */
  | { kind: 'absent' }
  /** The history cannot be read (403: no Read Message History, or no access). */
  | { kind: 'forbidden'; reason: string }
  /** The history was read back as far as allowed without reaching the first attempt's time: it can be neither found nor ruled out. */
  | { kind: 'unknown'; reason: string }
  /** Discord could not be asked (5xx, network): try again next run. */
  | { kind: 'retry'; reason: string };

/** Discord error codes that mean "this channel is closed to the bot". */
export const PAUSE_CODES: Readonly<Record<number, string>> = {
  10003: 'Unknown Channel (10003): the channel was deleted',
  50001: 'Missing Access (50001): the bot cannot see the channel',
  50013: 'Missing Permissions (50013): the bot cannot post there',
};

/** The fields of a discord.js `DiscordAPIError` / `HTTPError` this module reads. */
interface ErrorLike {
  name?: unknown;
  code?: unknown;
  status?: unknown;
  message?: unknown;
}

/**
 * Map an error thrown by discord.js REST (after its own retries) to an outcome:
 * 403/50013, 403/50001, 404/10003 and any other 403 or 404 → pause with the
 * reason; 401 → retry (the token is the operator's problem, not the channel's);
 * 408, 429 (only reached if discord.js gave up), 5xx, network and timeout
 * errors → retry; any other 4xx → reject the payload.
 */
export function classifyPostError(error: unknown): PostOutcome {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const code = typeof e.code === 'number' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (code !== undefined && PAUSE_CODES[code]) return { kind: 'pause', reason: PAUSE_CODES[code] };
  if (status === 403) return { kind: 'pause', reason: `Forbidden (403${code ? `, ${code}` : ''}): ${oneLine(message)}` };
  if (status === 404) return { kind: 'pause', reason: `Not Found (404${code ? `, ${code}` : ''}): ${oneLine(message)}` };
  if (status === undefined || status === 401 || status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', reason: status ? `HTTP ${status}: ${oneLine(message)}` : `network: ${oneLine(message)}` };
  }
  return { kind: 'reject', reason: `HTTP ${status}${code ? ` (${code})` : ''}: ${oneLine(message)}` };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
