import { REST } from 'discord.js';

/**
 * A REST client like `rest` (same base URL, rate-limit handling, request
 * hooks) that makes one attempt per request on 5xx and network errors instead
 * of discord.js's three silent retries: the scheduler's poster retries itself,
 * and before a re-send that Discord may no longer fold (older than the nonce
 * window) it first looks in the channel's history.
 */
export function singleAttemptRest(rest: REST, token: string | undefined): REST {
  const own = new REST({ ...rest.options, retries: 0 });
  return token ? own.setToken(token) : own;
}
