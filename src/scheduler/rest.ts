import { REST } from 'discord.js';

/**
 * How often the scheduler's REST drops its idle per-channel rate-limit
 * handlers, ms (discord.js: hourly). It keeps one per channel posted to; a
 * scheduler posts to each channel once a run, so an hour of them is one per
 * channel of the hour (2,500 channels: about 4 MB of heap).
 */
export const HANDLER_SWEEP_MS = 5 * 60_000;

/**
 * A REST client like `rest` (same base URL, rate-limit handling, request
 * hooks) that makes one attempt per request on 5xx and network errors instead
 * of discord.js's three silent retries: the scheduler's poster retries itself,
 * and before a re-send that Discord may no longer fold (older than the nonce
 * window) it first looks in the channel's history. Idle per-channel handlers
 * are swept every {@link HANDLER_SWEEP_MS}. A 429 comes back as discord.js's
 * `RateLimitError` instead of being waited out inside: pair it with
 * `pacedRest`, which waits and retries through the pace.
 */
export function singleAttemptRest(rest: REST, token: string | undefined): REST {
  const own = new REST({ ...rest.options, retries: 0, handlerSweepInterval: HANDLER_SWEEP_MS, rejectOnRateLimit: () => true });
  return token ? own.setToken(token) : own;
}
