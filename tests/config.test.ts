import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigSchema, parseConfig } from '../src/config';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMw.GfAkEd.secret-token-value';

function errorOf(env: Record<string, string | undefined>, needs: Parameters<typeof parseConfig>[1] = {}): ConfigError {
  try {
    parseConfig(env, needs);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies the defaults', () => {
    expect(parseConfig({})).toMatchObject({
      contentDir: './content', databasePath: './data/briefing.db', logLevel: 'info',
      maxArticleBytes: 1_000_000, scheduleMinIntervalSeconds: 900, libraryRescanSeconds: 30, librarySettleMs: 2000, deliveryNonceWindowSeconds: 300,
    });
  });

  it.each([
    ['0', 0],
    ['600', 600],
  ])('reads DELIVERY_NONCE_WINDOW_SECONDS=%s', (raw, seconds) => {
    expect(parseConfig({ DELIVERY_NONCE_WINDOW_SECONDS: raw }).deliveryNonceWindowSeconds).toBe(seconds);
  });

  it.each(['-1', 'abc', '1.5'])('refuses DELIVERY_NONCE_WINDOW_SECONDS=%s naming the variable', (raw) => {
    expect(() => parseConfig({ DELIVERY_NONCE_WINDOW_SECONDS: raw })).toThrow(/DELIVERY_NONCE_WINDOW_SECONDS/);
  });

  it.each([
    [undefined, 15_000],
    ['', 15_000],
    ['100', 100],
    ['60000', 60_000],
  ])('reads DISCORD_REST_TIMEOUT_MS=%s as %i ms (default discord.js’s 15 s)', (raw, ms) => {
    expect(parseConfig({ DISCORD_REST_TIMEOUT_MS: raw }).restTimeoutMs).toBe(ms);
  });

  it.each([
    ['99', 'must be at least 100 ms'],
    ['120001', 'must be at most 120000 ms'],
    ['15s', 'must be a whole number of milliseconds'],
    ['1.5', 'must be a whole number of milliseconds'],
  ])('refuses DISCORD_REST_TIMEOUT_MS=%s with one line naming it', (raw, detail) => {
    expect(() => parseConfig({ DISCORD_REST_TIMEOUT_MS: raw })).toThrow(`Configuration error: DISCORD_REST_TIMEOUT_MS ${detail}`);
  });

  it('reads every variable and strips a trailing slash from the API url', () => {
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '110000000000000003', DISCORD_GUILD_ID: '110000000000000004',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/', CONTENT_DIR: '/srv/articles', DATABASE_PATH: '/srv/db.sqlite', LOG_LEVEL: 'debug',
    }, { token: true, clientId: true });
    expect(config).toMatchObject({ token: TOKEN, clientId: '110000000000000003', guildId: '110000000000000004', apiUrl: 'http://127.0.0.1:8080/api', contentDir: '/srv/articles', logLevel: 'debug' });
  });

  it.each([
    ['the embedded default', {}, { role: 'all', port: 8080, host: '0.0.0.0', publicKey: undefined, shards: undefined, databaseUrl: undefined }],
    ['an HTTP replica', { ROLE: 'web', PORT: '0', DISCORD_PUBLIC_KEY: 'AB'.repeat(32) }, { role: 'web', port: 0, publicKey: 'ab'.repeat(32) }],
    ['automatic sharding', { DISCORD_SHARDS: 'auto' }, { shards: 'auto' }],
    ['a fixed shard count', { DISCORD_SHARDS: '4' }, { shards: 4 }],
    ['Postgres', { DATABASE_URL: 'postgres://briefing@127.0.0.1:5432/briefing' }, { databaseUrl: 'postgres://briefing@127.0.0.1:5432/briefing', workerLeaseSeconds: 60 }],
    ['a scheduler worker', { ROLE: 'scheduler', DATABASE_URL: 'postgres://briefing@127.0.0.1:5432/briefing', WORKER_LEASE_SECONDS: '5' }, { role: 'scheduler', workerLeaseSeconds: 5 }],
    ['an ingest process', { ROLE: 'ingest', DATABASE_URL: 'postgres://briefing@127.0.0.1:5432/briefing' }, { role: 'ingest' }],
  ])('reads the scale-out settings: %s', (_name, env, expected) => {
    expect(parseConfig(env)).toMatchObject(expected);
  });

  it('.env.example documents every variable the bot reads, with its default', () => {
    const example = readFileSync(join(import.meta.dirname, '..', '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    expect(Object.keys(ConfigSchema.shape).filter((key) => !documented.has(key))).toEqual([]);
    expect(example).toMatch(/^ROLE=all$/m);
    expect(example).toMatch(/^WORKER_LEASE_SECONDS=60$/m);
  });

  it('an ingest process needs no token (it never talks to Discord); every other role does', () => {
    const url = 'postgres://briefing@127.0.0.1:5432/briefing';
    expect(parseConfig({ ROLE: 'ingest', DATABASE_URL: url }, { token: true })).toMatchObject({ role: 'ingest', token: undefined });
    expect(errorOf({ ROLE: 'scheduler', DATABASE_URL: url }, { token: true }).variable).toBe('DISCORD_TOKEN');
  });

  it('reads the web fetcher settings, the allow-list split on commas', () => {
    expect(parseConfig({})).toMatchObject({ fetchAllowAddresses: [], fetchTimeoutMs: 15_000, fetchMaxBytes: 5_000_000, fetchContact: undefined });
    expect(parseConfig({ FETCH_ALLOW_ADDRESSES: ' 127.0.0.1, 10.0.0.0/8 ,', FETCH_TIMEOUT_MS: '2000', FETCH_MAX_BYTES: '100000', FETCH_CONTACT: 'https://example.org/bot' })).toMatchObject({
      fetchAllowAddresses: ['127.0.0.1', '10.0.0.0/8'], fetchTimeoutMs: 2000, fetchMaxBytes: 100_000, fetchContact: 'https://example.org/bot',
    });
  });

  it('reads the feed settings, with their defaults and bounds', () => {
    expect(parseConfig({})).toMatchObject({ feedMinIntervalSeconds: 600, feedMaxFailures: 8 });
    expect(parseConfig({ FEED_MIN_INTERVAL_SECONDS: '900', FEED_MAX_FAILURES: '3' })).toMatchObject({ feedMinIntervalSeconds: 900, feedMaxFailures: 3 });
    expect(errorOf({ FEED_MIN_INTERVAL_SECONDS: '5' }).variable).toBe('FEED_MIN_INTERVAL_SECONDS');
    expect(errorOf({ FEED_MAX_FAILURES: '0' }).variable).toBe('FEED_MAX_FAILURES');
  });

  it.each([
    [{}, { feedArticleRetentionDays: 30, feedArticlesKeptPerFeed: 50, feedArticlesCatchupSeconds: 60 }],
    [{ FEED_ARTICLES_CATCHUP_SECONDS: '5' }, { feedArticlesCatchupSeconds: 5 }],
    [{ FEED_ARTICLE_RETENTION_DAYS: '0', FEED_ARTICLES_KEPT_PER_FEED: '0' }, { feedArticleRetentionDays: 0, feedArticlesKeptPerFeed: 0 }],
    [{ FEED_ARTICLE_RETENTION_DAYS: '7', FEED_ARTICLES_KEPT_PER_FEED: '200' }, { feedArticleRetentionDays: 7, feedArticlesKeptPerFeed: 200 }],
  ])('reads the feed article retention %o', (env, expected) => {
    expect(parseConfig(env)).toMatchObject(expected);
  });

  it.each([
    ['FEED_ARTICLE_RETENTION_DAYS', '-1'],
    ['FEED_ARTICLE_RETENTION_DAYS', 'a month'],
    ['FEED_ARTICLES_KEPT_PER_FEED', '2.5'],
    ['FEED_ARTICLES_CATCHUP_SECONDS', '0'],
    ['FEED_ARTICLES_CATCHUP_SECONDS', 'hourly'],
  ])('refuses %s=%s, naming it', (variable, value) => {
    expect(errorOf({ [variable]: value }).variable).toBe(variable);
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ DISCORD_GUILD_ID: '', LOG_LEVEL: '' })).toMatchObject({ guildId: undefined, logLevel: 'info' });
  });

  it.each([
    ['a missing token', {}, { token: true }, 'DISCORD_TOKEN'],
    ['a token with spaces', { DISCORD_TOKEN: 'abc def ghi jkl' }, {}, 'DISCORD_TOKEN'],
    ['a missing client id', { DISCORD_TOKEN: TOKEN }, { token: true, clientId: true }, 'DISCORD_CLIENT_ID'],
    ['a client id that is not a snowflake', { DISCORD_CLIENT_ID: 'my-app' }, {}, 'DISCORD_CLIENT_ID'],
    ['a guild id that is not a snowflake', { DISCORD_GUILD_ID: '12' }, {}, 'DISCORD_GUILD_ID'],
    ['an API url that is not http', { DISCORD_API_URL: 'ftp://example.com' }, {}, 'DISCORD_API_URL'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, {}, 'LOG_LEVEL'],
    ['a negative size cap', { MAX_ARTICLE_BYTES: '-5' }, {}, 'MAX_ARTICLE_BYTES'],
    ['a non-numeric interval', { SCHEDULE_MIN_INTERVAL_SECONDS: 'soon' }, {}, 'SCHEDULE_MIN_INTERVAL_SECONDS'],
    ['a zero rescan period', { LIBRARY_RESCAN_SECONDS: '0' }, {}, 'LIBRARY_RESCAN_SECONDS'],
    ['an unknown role', { ROLE: 'worker' }, {}, 'ROLE'],
    ['ROLE=web without a public key', { ROLE: 'web' }, {}, 'DISCORD_PUBLIC_KEY'],
    ['ROLE=scheduler without Postgres', { ROLE: 'scheduler' }, {}, 'DATABASE_URL'],
    ['ROLE=ingest without Postgres', { ROLE: 'ingest' }, {}, 'DATABASE_URL'],
    ['a worker lease shorter than 2 s', { WORKER_LEASE_SECONDS: '1' }, {}, 'WORKER_LEASE_SECONDS'],
    ['a public key that is not 64 hex digits', { DISCORD_PUBLIC_KEY: 'abc' }, {}, 'DISCORD_PUBLIC_KEY'],
    ['a port out of range', { PORT: '70000' }, {}, 'PORT'],
    ['a shard count of zero', { DISCORD_SHARDS: '0' }, {}, 'DISCORD_SHARDS'],
    ['a shard setting that is neither auto nor a number', { DISCORD_SHARDS: 'many' }, {}, 'DISCORD_SHARDS'],
    ['a database URL that is not postgres', { DATABASE_URL: 'mysql://db/briefing' }, {}, 'DATABASE_URL'],
    ['a host name in the fetch allow-list', { FETCH_ALLOW_ADDRESSES: '127.0.0.1,localhost' }, {}, 'FETCH_ALLOW_ADDRESSES'],
    ['a fetch timeout that is not a number', { FETCH_TIMEOUT_MS: '10s' }, {}, 'FETCH_TIMEOUT_MS'],
    ['a zero fetch size cap', { FETCH_MAX_BYTES: '0' }, {}, 'FETCH_MAX_BYTES'],
    ['a contact with spaces', { FETCH_CONTACT: 'call me maybe' }, {}, 'FETCH_CONTACT'],
  ])('names the variable for %s, on one line', (_name, env, needs, variable) => {
    const error = errorOf(env, needs);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['a size cap that is no number', { MAX_ARTICLE_BYTES: 'abc' }, 'MAX_ARTICLE_BYTES is invalid: must be a whole number'],
    ['a size cap with a unit', { MAX_ARTICLE_BYTES: '2MB' }, 'MAX_ARTICLE_BYTES is invalid: must be a whole number'],
    ['a fractional size cap', { MAX_ARTICLE_BYTES: '1.5' }, 'MAX_ARTICLE_BYTES is invalid: must be a whole number'],
    ['a zero size cap', { MAX_ARTICLE_BYTES: '0' }, 'MAX_ARTICLE_BYTES must be at least 1 byte'],
    ['a size cap over 50 MB', { MAX_ARTICLE_BYTES: '60000000' }, 'MAX_ARTICLE_BYTES must be at most 50,000,000 bytes'],
    ['an interval in words (French)', { SCHEDULE_MIN_INTERVAL_SECONDS: 'bientôt' }, 'SCHEDULE_MIN_INTERVAL_SECONDS is invalid: must be a whole number'],
    ['a rescan period in Arabic digits and words', { LIBRARY_RESCAN_SECONDS: 'ثلاثون' }, 'LIBRARY_RESCAN_SECONDS is invalid: must be a whole number'],
  ])('says a bad value is invalid, not missing: %s', (_name, env, message) => {
    expect(errorOf(env).message).toBe(`Configuration error: ${message}`);
  });

  it.each([
    ['an invalid token', { DISCORD_TOKEN: `${TOKEN} with spaces` }],
    ['a valid token beside an invalid variable', { DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud' }],
  ])('never echoes the token for %s', (_name, env) => {
    const error = errorOf(env, { token: true });
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('secret-token-value');
  });
});
