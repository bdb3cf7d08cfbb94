import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_MAX_ARTICLE_BYTES } from './content/read-article';
import { createAddressPolicy } from './content/web/address-policy';
import { DEFAULT_FETCH_MAX_BYTES, DEFAULT_FETCH_TIMEOUT_MS } from './content/web/fetch-defaults';

/** The parts one process can run (`ROLE`): see {@link Config.role}. */
export const ROLES = ['all', 'web', 'scheduler', 'ingest'] as const;

const snowflake = z.string().trim().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

/** Every environment variable the bot reads, with defaults. `.env.example` documents each. */
export const ConfigSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1, 'is required').regex(/^[\w.-]+$/, 'is not a bot token (letters, digits, . _ - only)').optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_REST_TIMEOUT_MS: z.coerce.number({ error: 'must be a whole number of milliseconds, such as 15000' }).int('must be a whole number of milliseconds, such as 15000').min(100, 'must be at least 100 ms').max(120_000, 'must be at most 120000 ms (2 minutes)').default(15_000),
  DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' }).optional(),
  CONTENT_DIR: z.string().trim().min(1).default('./content'),
  DATABASE_PATH: z.string().trim().min(1).default('./data/briefing.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_ARTICLE_BYTES: z.coerce.number().int().min(1, 'must be at least 1 byte').max(50_000_000, 'must be at most 50,000,000 bytes').default(DEFAULT_MAX_ARTICLE_BYTES),
  SCHEDULE_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(7 * 24 * 3600).default(900),
  LIBRARY_RESCAN_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  LIBRARY_SETTLE_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  DELIVERY_NONCE_WINDOW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  SCHEDULE_SPREAD_SECONDS: z.coerce.number().int().min(0, 'must be 0 (no spread) or more seconds').max(3600, 'must be at most 3600 seconds').default(60),
  DISCORD_GLOBAL_RATE: z.coerce.number({ error: 'must be a number of requests per second, such as 50' }).positive('must be more than 0 requests per second (Discord allows 50)').max(100_000).default(50),
  DISCORD_RATE_SHARE: z.coerce.number({ error: 'must be a number such as 0.25' }).positive('must be more than 0 (this process\'s share of DISCORD_GLOBAL_RATE, e.g. 0.25 for 4 workers)').max(1, 'must be at most 1 (this process\'s share of DISCORD_GLOBAL_RATE, e.g. 0.25 for 4 workers)').default(1),
  ROLE: z.enum(ROLES, { error: 'must be all (gateway bot and scheduler), web (HTTP interactions endpoint), scheduler (schedules and feed checks) or ingest (the content folder)' }).default('all'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DISCORD_PUBLIC_KEY: z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'must be the application public key (64 hex digits)').optional(),
  DISCORD_SHARDS: z.string().trim().regex(/^(auto|[1-9]\d{0,4})$/, 'must be auto or a number of shards (1 or more)').optional(),
  WORKER_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL such as postgres://user@127.0.0.1:5432/briefing' }).optional(),
  FETCH_ALLOW_ADDRESSES: z.string().default('').transform(splitList).refine(isAddressList, 'must be IP addresses or CIDR ranges separated by commas, such as 127.0.0.1,10.0.0.0/8'),
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(DEFAULT_FETCH_TIMEOUT_MS),
  FETCH_MAX_BYTES: z.coerce.number().int().min(1000).max(100_000_000).default(DEFAULT_FETCH_MAX_BYTES),
  FEED_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(600),
  FEED_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(8),
  FEED_ARTICLE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  FEED_ARTICLES_KEPT_PER_FEED: z.coerce.number().int().min(0).max(100_000).default(50),
  FEED_ARTICLES_CATCHUP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  FETCH_CONTACT: z.string().trim().max(200).regex(/^[^\s()]+$/, 'must be one URL or e-mail address, without spaces or brackets').optional(),
});

/** Fewest REST requests per second a process may be left with (DISCORD_GLOBAL_RATE × DISCORD_RATE_SHARE). */
const MIN_REQUESTS_PER_SECOND = 0.1;

/** Parsed, validated configuration. */
export interface Config {
  token?: string;
  clientId?: string;
  guildId?: string;
  /** REST base URL (…/api); undefined means Discord's own. */
  apiUrl?: string;
  /** Longest wait for one answer of Discord's REST before the request is abandoned (and retried where that is safe), ms; discord.js's default 15000. */
  restTimeoutMs: number;
  contentDir: string;
  databasePath: string;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  maxArticleBytes: number;
  scheduleMinIntervalSeconds: number;
  libraryRescanSeconds: number;
  /** Quiet time a content file needs before it is read (ms; 0 = at once). */
  librarySettleMs: number;
  /** How long Discord folds a repeated nonce, seconds: an older unconfirmed post is looked for in the channel's history before it is sent again. */
  deliveryNonceWindowSeconds: number;
  /** Schedules due at one time are spread over this many seconds (each channel always the same delay, never early); 0 = none. */
  scheduleSpreadSeconds: number;
  /** Discord's global limit on the bot's REST requests per second, across all its processes. */
  discordGlobalRate: number;
  /** This process's share (0 < share ≤ 1) of {@link Config.discordGlobalRate} for scheduled and feed posts. */
  discordRateShare: number;
  /**
   * Which part this process runs: `all` (gateway bot + scheduler + feeds, the default), `web` (HTTP interactions
   * endpoint only), `scheduler` (schedules and feed checks over REST, no gateway; any number, needs `databaseUrl`) or
   * `ingest` (the content folder; one active per database, the others wait; needs `databaseUrl`).
   */
  role: (typeof ROLES)[number];
  /** Port and address of the HTTP interactions endpoint (`ROLE=web`); port 0 picks a free one. */
  port: number;
  host: string;
  /** The application's Ed25519 public key, hex (required by `ROLE=web`). */
  publicKey?: string;
  /** discord.js internal sharding: `auto` (Discord's recommended count) or a shard count; undefined = one connection, no sharding. */
  shards?: 'auto' | number;
  /** A Postgres URL: schedules and deliveries live there instead of SQLite at `databasePath`. */
  databaseUrl?: string;
  /** Postgres: how long a worker that stops renewing (crashed, cut off) keeps its pending posts and feed checks before a live worker takes them over, seconds. */
  workerLeaseSeconds: number;
  /** Local or private addresses the web fetcher may reach anyway (IPs or CIDR ranges). */
  fetchAllowAddresses: string[];
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  /** URL or e-mail address named in the fetcher's User-Agent. */
  fetchContact?: string;
  /** Shortest gap between two checks of a feed, seconds. */
  feedMinIntervalSeconds: number;
  /** Failed checks in a row that pause a feed. */
  feedMaxFailures: number;
  /** Days a feed article's text is kept once fetched (0 = forever); its seen keys stay, so it is never posted again. */
  feedArticleRetentionDays: number;
  /** Newest articles of each feed kept whatever their age. */
  feedArticlesKeptPerFeed: number;
  /** ROLE=ingest with DATABASE_URL: how often it looks for feed articles other processes stored or deleted, besides their announcements, seconds. */
  feedArticlesCatchupSeconds: number;
}

/** What a caller needs present, beyond the defaults. */
export interface ConfigRequirements {
  token?: boolean;
  clientId?: boolean;
}

/** A missing or invalid variable. The message names the variable, never its value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly variable: string, detail: string) {
    super(`Configuration error: ${variable} ${detail}`);
  }
}

/**
 * Parse configuration from an environment object (pure; `process.env` is only
 * read by {@link loadConfigOrExit}). Empty strings count as unset.
 *
 * @throws ConfigError naming the first bad variable.
 */
export function parseConfig(env: Record<string, string | undefined>, needs: ConfigRequirements = {}): Config {
  const cleaned = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = ConfigSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, describeIssue(issue, cleaned[variable] !== undefined));
  }
  const env2 = result.data;
  if (needs.token && !env2.DISCORD_TOKEN && env2.ROLE !== 'ingest') throw new ConfigError('DISCORD_TOKEN', 'is required (the bot token from the Discord developer portal)');
  if (env2.ROLE === 'web' && !env2.DISCORD_PUBLIC_KEY) throw new ConfigError('DISCORD_PUBLIC_KEY', 'is required when ROLE=web (General Information → Public Key)');
  if ((env2.ROLE === 'scheduler' || env2.ROLE === 'ingest') && !env2.DATABASE_URL) throw new ConfigError('DATABASE_URL', `is required when ROLE=${env2.ROLE} (workers share their work through Postgres; with SQLite use ROLE=all)`);
  if (env2.DISCORD_GLOBAL_RATE * env2.DISCORD_RATE_SHARE < MIN_REQUESTS_PER_SECOND) throw new ConfigError('DISCORD_RATE_SHARE', `leaves this process fewer than ${MIN_REQUESTS_PER_SECOND} requests per second (DISCORD_GLOBAL_RATE × DISCORD_RATE_SHARE)`);
  if (needs.clientId && !env2.DISCORD_CLIENT_ID) throw new ConfigError('DISCORD_CLIENT_ID', 'is required (the application id from the Discord developer portal)');
  return {
    token: env2.DISCORD_TOKEN,
    clientId: env2.DISCORD_CLIENT_ID,
    guildId: env2.DISCORD_GUILD_ID,
    apiUrl: env2.DISCORD_API_URL?.replace(/\/+$/, ''),
    restTimeoutMs: env2.DISCORD_REST_TIMEOUT_MS,
    contentDir: env2.CONTENT_DIR,
    databasePath: env2.DATABASE_PATH,
    logLevel: env2.LOG_LEVEL,
    maxArticleBytes: env2.MAX_ARTICLE_BYTES,
    scheduleMinIntervalSeconds: env2.SCHEDULE_MIN_INTERVAL_SECONDS,
    libraryRescanSeconds: env2.LIBRARY_RESCAN_SECONDS,
    librarySettleMs: env2.LIBRARY_SETTLE_MS,
    deliveryNonceWindowSeconds: env2.DELIVERY_NONCE_WINDOW_SECONDS,
    scheduleSpreadSeconds: env2.SCHEDULE_SPREAD_SECONDS,
    discordGlobalRate: env2.DISCORD_GLOBAL_RATE,
    discordRateShare: env2.DISCORD_RATE_SHARE,
    role: env2.ROLE,
    port: env2.PORT,
    host: env2.HOST,
    publicKey: env2.DISCORD_PUBLIC_KEY?.toLowerCase(),
    shards: env2.DISCORD_SHARDS === undefined ? undefined : env2.DISCORD_SHARDS === 'auto' ? 'auto' : Number(env2.DISCORD_SHARDS),
    databaseUrl: env2.DATABASE_URL,
    workerLeaseSeconds: env2.WORKER_LEASE_SECONDS,
    fetchAllowAddresses: env2.FETCH_ALLOW_ADDRESSES,
    fetchTimeoutMs: env2.FETCH_TIMEOUT_MS,
    fetchMaxBytes: env2.FETCH_MAX_BYTES,
    fetchContact: env2.FETCH_CONTACT,
    feedMinIntervalSeconds: env2.FEED_MIN_INTERVAL_SECONDS,
    feedMaxFailures: env2.FEED_MAX_FAILURES,
    feedArticleRetentionDays: env2.FEED_ARTICLE_RETENTION_DAYS,
    feedArticlesKeptPerFeed: env2.FEED_ARTICLES_KEPT_PER_FEED,
    feedArticlesCatchupSeconds: env2.FEED_ARTICLES_CATCHUP_SECONDS,
  };
}

/**
 * Load `.env` (if present) and parse `process.env` once, at start-up. On a bad
 * value print one line naming the variable and exit with code 1.
 */
export function loadConfigOrExit(needs: ConfigRequirements = {}): Config {
  loadDotenv({ quiet: true });
  try {
    return parseConfig(process.env, needs);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function splitList(value: string): string[] {
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}

function isAddressList(entries: string[]): boolean {
  try {
    createAddressPolicy(entries);
    return true;
  } catch {
    return false;
  }
}

function describeIssue(issue: z.core.$ZodIssue, given: boolean): string {
  // Never echo the input: it may be the token.
  if (issue.code === 'invalid_type' && !issue.message.startsWith('must')) return given ? `is invalid: must be ${issue.expected === 'number' || issue.expected === 'int' ? 'a whole number' : `of type ${issue.expected}`}` : 'is required';
  return issue.message.startsWith('must') || issue.message.startsWith('is') ? issue.message : `is invalid: ${issue.message}`;
}
