import { DiscordAPIError, HTTPError, RateLimitError, REST, type RateLimitData } from 'discord.js';
import { honourBodyRetryAfter } from '../discord/rest-compat';

/** Longest rate-limit wait `npm run deploy` sits out before giving up with a "try again in …" line, ms. */
export const MAX_DEPLOY_WAIT_MS = 30_000;

/** Exit codes of `npm run deploy` (1 is a configuration error, printed by `loadConfigOrExit`). */
export const DEPLOY_EXIT = {
  ok: 0,
  /** Discord refused the request: something to fix (token, ids, a command's definition). */
  refused: 2,
  /** Discord could not take it now (rate limit, 5xx, no answer, no connection): run it again later. */
  retryLater: 3,
} as const;

/** What `npm run deploy` ends with: one line, its stream and the exit code. */
export interface DeployOutcome {
  code: (typeof DEPLOY_EXIT)[keyof typeof DEPLOY_EXIT];
  line: string;
}

/** What {@link deployCommands} registers, and where. */
export interface DeployRequest {
  /** From {@link createDeployRest}. */
  rest: REST;
  /** `Routes.applicationGuildCommands(…)` or `Routes.applicationCommands(…)`. */
  route: `/${string}`;
  /** The command definitions (JSON). */
  commands: ReadonlyArray<{ name: string }>;
  /** The guild id for a guild deploy; undefined for a global one. */
  guildId?: string;
  /** REST base shown when Discord cannot be reached (the token never is). */
  apiUrl?: string;
}

/** Options of {@link createDeployRest}. */
export interface DeployRestOptions {
  token: string;
  /** REST base (…/api); undefined = Discord's own. */
  apiUrl?: string;
  /** `DISCORD_REST_TIMEOUT_MS`. */
  timeoutMs: number;
  /** Told of each rate-limit wait it sits out, in seconds. */
  onWait?(seconds: number): void;
}

/**
 * The REST client of `npm run deploy`: Discord's or `apiUrl`, the REST
 * timeout, a 429's wait taken from its body when the header lacks it, and a
 * wait longer than {@link MAX_DEPLOY_WAIT_MS} turned into an error instead
 * of a silent hang.
 */
export function createDeployRest(options: DeployRestOptions): REST {
  return new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    timeout: options.timeoutMs,
    makeRequest: honourBodyRetryAfter(),
    // Called before every wait discord.js would sit out (a 429, or a bucket it knows is empty).
    rejectOnRateLimit: (data) => {
      const reject = rejectLongWaits(data);
      if (!reject) options.onWait?.(Math.max(data.retryAfter, data.timeToReset) / 1000);
      return reject;
    },
  }).setToken(options.token);
}

/** discord.js `rejectOnRateLimit`: wait out a short 429 (as Discord asks), give up on one longer than {@link MAX_DEPLOY_WAIT_MS}. */
export function rejectLongWaits(data: RateLimitData): boolean {
  return Math.max(data.retryAfter, data.timeToReset) > MAX_DEPLOY_WAIT_MS;
}

/**
 * Register `commands` with one bulk overwrite (PUT) and say how it went in
 * one line: the commands deployed (whether Discord's answer lists them or
 * is empty), or why not and what to do (see {@link deployFailure}). Never
 * throws.
 */
export async function deployCommands(request: DeployRequest): Promise<DeployOutcome> {
  const names = request.commands.map((c) => `/${c.name}`).join(', ');
  const where = request.guildId ? `guild ${request.guildId}` : 'all guilds (global; may take up to an hour to show)';
  let answer: unknown;
  try {
    answer = await request.rest.put(request.route, { body: request.commands });
  } catch (error) {
    return deployFailure(error, request);
  }
  const listed = Array.isArray(answer) ? answer.length : undefined;
  const count = listed ?? request.commands.length;
  const note = listed === undefined ? ' (Discord accepted them without listing them back)' : '';
  return { code: DEPLOY_EXIT.ok, line: `Deployed ${count} command(s) to ${where}: ${names}${note}` };
}

/** Hints for Discord's answers that name something the operator sets. */
function hintFor(error: DiscordAPIError, request: Pick<DeployRequest, 'guildId'>): string {
  if (error.status === 401) return ': check DISCORD_TOKEN (Bot → Reset Token)';
  if (error.code === 10002) return ': check DISCORD_CLIENT_ID (General Information → Application ID)';
  if (error.code === 10004 || (request.guildId && (error.status === 403 || error.status === 404))) {
    return `: check DISCORD_GUILD_ID, and that the bot was invited to guild ${request.guildId ?? ''} with the applications.commands scope`;
  }
  if (error.status === 403) return ': the token’s application may not register commands here';
  return '';
}

/** Discord's error message and field errors on one line (discord.js puts each field error on its own line). */
function oneLine(text: string): string {
  const line = text.split('\n').map((part) => part.trim()).filter(Boolean).join('; ');
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}

/** The network error code under a failed fetch (`ECONNREFUSED`, `ENOTFOUND`…), if any. */
function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = (error as { code?: unknown } | undefined)?.code ?? cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The one line and exit code for a failed deploy: refused (fix something) or to retry later. */
export function deployFailure(error: unknown, request: Pick<DeployRequest, 'guildId' | 'apiUrl'>): DeployOutcome {
  const fail = (code: DeployOutcome['code'], why: string): DeployOutcome => ({ code, line: `Deploy failed: ${why}` });
  if (error instanceof RateLimitError) {
    const seconds = Math.round(Math.max(error.retryAfter, error.timeToReset) / 1000);
    return fail(DEPLOY_EXIT.retryLater, `Discord rate-limits command updates (${error.global ? 'global' : error.scope} limit); nothing changed, run it again in ${seconds} s`);
  }
  if (error instanceof DiscordAPIError) {
    const status = `${error.status}${typeof error.code === 'number' && error.code !== 0 ? `, code ${error.code}` : ''}`;
    return fail(DEPLOY_EXIT.refused, `Discord refused the commands (${status}): ${oneLine(error.message) || 'no reason given'}${hintFor(error, request)}`);
  }
  if (error instanceof HTTPError) return fail(DEPLOY_EXIT.retryLater, `Discord answered ${error.status} ${error.message || ''}`.trimEnd() + '; nothing may have changed, run it again later');
  const where = request.apiUrl ? new URL(request.apiUrl).origin : 'discord.com';
  if (error instanceof Error && error.name === 'AbortError') return fail(DEPLOY_EXIT.retryLater, `no answer from ${where} within DISCORD_REST_TIMEOUT_MS; run it again (the overwrite is safe to repeat)`);
  const code = networkCode(error);
  if (code) return fail(DEPLOY_EXIT.retryLater, `could not reach ${where} (${code}); check the network${request.apiUrl ? ' and DISCORD_API_URL' : ''}`);
  return fail(DEPLOY_EXIT.retryLater, `${error instanceof Error ? oneLine(error.message) : String(error)}`);
}
