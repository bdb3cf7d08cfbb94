import { FeedParseError, parseFeedBytes, type FeedItem, type ParsedFeed } from '../content/feeds';
import { FetchError, type FetchedResource, type Fetcher } from '../content/web/fetch-types';
import type { Logger } from '../logger';
import type { ChannelLocks } from '../scheduler/channel-locks';
import { deliverOnce, runningClock, type DeliveryDeps } from '../scheduler/deliver';
import type { ChannelMessage } from '../scheduler/poster';
import type { Awaitable, DeliveryStore, FeedArticleRecord, FeedCheck, FeedRecord, FeedStore } from '../store/types';
import { articleOfItem, type ReadPage } from './article';
import { feedPausedMessage } from './messages';
import { backoffCheckAt, nextCheckAt } from './timing';

/** Most items posted to a channel by one check; the rest wait for the next. */
export const MAX_POSTS_PER_CHECK = 5;
/** How long a key is kept after its item left the feed (an item back after that is new again). */
export const SEEN_KEYS_KEPT_MS = 90 * 86_400_000;
/** What a feed request accepts. */
export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** What checking a feed needs (with how to deliver: the poster, the nonce window, the lease; see {@link DeliveryDeps}). */
export interface FeedCheckDeps extends Omit<DeliveryDeps, 'deliveries'> {
  /** Either store: SQLite's synchronous one or Postgres's (`DATABASE_URL`); every call is awaited. */
  store: { feeds: Awaitable<FeedStore>; deliveries: Awaitable<DeliveryStore> };
  fetcher: Fetcher;
  /** The briefing message of a feed article. */
  render: (article: FeedArticleRecord) => ChannelMessage;
  /** Fetch and extract an item's linked page (absent: the item's own text). */
  readPage?: ReadPage;
  /** FEED_MIN_INTERVAL_SECONDS, in ms. */
  minIntervalMs: number;
  /** Failures in a row that pause a feed. */
  maxFailures: number;
  /** Cap on a feed's size, bytes. */
  maxFeedBytes: number;
  /** Cap on one fetch, ms. */
  timeoutMs: number;
  maxPerCheck?: number;
  logger?: Logger;
  /** Aborted on shutdown. */
  signal?: AbortSignal;
  /** Told of articles just stored (the server's shelf takes them). */
  onStored?: (articles: readonly FeedArticleRecord[]) => void | Promise<void>;
  /** The channels being posted to, shared with the scheduler: a feed's posts hold their channel's lock (none when absent). */
  channels?: ChannelLocks;
  /** Longest a check waits for its channel while a scheduled run or another check posts there, ms (default {@link CHANNEL_WAIT_MS}). */
  channelWaitMs?: number;
}

/** Default of {@link FeedCheckDeps.channelWaitMs}: longer than a run's few posts, well inside a check's claim lease. */
export const CHANNEL_WAIT_MS = 30_000;

/**
 * Run `post` holding the channel's lock (see {@link FeedCheckDeps.channels}),
 * waiting while another poster holds it; undefined, nothing posted, when it
 * stays held past the wait (what the feed is owed stays stored for its next check).
 */
export async function holdingChannel<T>(channelId: string, deps: FeedCheckDeps, post: () => Promise<T>): Promise<T | undefined> {
  const { channels } = deps;
  if (!channels) return post();
  const waitMs = deps.channelWaitMs ?? CHANNEL_WAIT_MS;
  if (!(await channels.waitFor(channelId, { waitMs, ...(deps.signal ? { signal: deps.signal } : {}) }))) return undefined;
  try {
    return await post();
  } finally {
    channels.release(channelId);
  }
}

/** What one check did. */
export interface FeedCheckReport {
  feedId: number;
  outcome: 'ok' | 'not-modified' | 'failed' | 'paused' | 'aborted';
  /** Items found new and stored by this check. */
  found: number;
  /** Article ids posted, in order. */
  posted: string[];
  detail: string;
}

/** A feed answered, parsed. */
export interface FeedFetched {
  resource: FetchedResource;
  parsed: ParsedFeed;
}

/** Oldest first: by date when every item has one, else the reverse of the document (feeds list newest first). */
export function oldestFirst(items: readonly FeedItem[]): FeedItem[] {
  const reversed = [...items].reverse();
  return reversed.every((item) => item.published !== null) ? reversed.sort((a, b) => a.published! - b.published!) : reversed;
}

const isGone = (status: number): boolean => status === 404 || status === 410;
const STATUS_TEXT: Record<number, string> = { 404: 'Not Found', 410: 'Gone', 401: 'Unauthorized', 403: 'Forbidden', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };
const httpReason = (status: number): string => `HTTP ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;

/**
 * Ingest a parsed feed: items whose keys were all unseen are new. The first
 * time (`first`), only the newest is kept and every other is marked seen, so
 * a new subscription posts one item, not the back catalogue. New items are
 * taken oldest first, as many as the channel has room for this check, their
 * articles built (linked page, else the item's text) and stored together with
 * their seen keys; items still unseen wait for the next check. Known items
 * have all their current keys recorded, so a guid change later still matches.
 */
export async function ingest(feed: FeedRecord, parsed: ParsedFeed, deps: FeedCheckDeps, now: number, first: boolean): Promise<number> {
  const { feeds } = deps.store;
  const seen = await feeds.seen(feed.id, parsed.items.flatMap((item) => item.keys));
  const known = parsed.items.filter((item) => item.keys.some((key) => seen.has(key)));
  const fresh = oldestFirst(parsed.items.filter((item) => !item.keys.some((key) => seen.has(key))));
  const keys = known.flatMap((item) => item.keys);
  let taken: FeedItem[];
  if (first) {
    taken = fresh.slice(-1);
    keys.push(...fresh.flatMap((item) => item.keys));
  } else {
    const room = Math.max(0, (deps.maxPerCheck ?? MAX_POSTS_PER_CHECK) - (await feeds.owed(feed.id, feed.channelId)).length);
    taken = dedupeWithin(fresh).slice(0, room);
  }
  const title = parsed.title || feed.title;
  const articles: FeedArticleRecord[] = [];
  for (const item of taken) {
    if (deps.signal?.aborted) break;
    const article = await articleOfItem(feed, title, item, deps.readPage, now, deps.signal);
    // Stopped while its page was read: left unseen, so the next start reads it whole.
    if (deps.signal?.aborted) break;
    articles.push(article);
    keys.push(...item.keys);
  }
  keepCheckOrder(articles, now);
  await feeds.remember(feed.id, keys, articles, now);
  await feeds.forgetOlder(feed.id, SEEN_KEYS_KEPT_MS);
  // Awaited: the library briefs them once, and their posts show that briefing.
  if (articles.length) await deps.onStored?.(articles);
  return articles.length;
}

/**
 * Articles of one check dated now (undated, or dated ahead and taken as
 * published now) are stored a millisecond apart, newest at now, so that they
 * are posted in the check's oldest-first order rather than by id.
 */
function keepCheckOrder(articles: FeedArticleRecord[], now: number): void {
  let atNow = 0;
  for (let i = articles.length - 1; i >= 0; i--) if (articles[i]!.publishedAt >= now) articles[i]!.publishedAt = now - atNow++;
}

/** Two new items of one fetch that share a key (the same story twice) count once. */
function dedupeWithin(items: readonly FeedItem[]): FeedItem[] {
  const keys = new Set<string>();
  return items.filter((item) => {
    if (item.keys.some((key) => keys.has(key))) return false;
    for (const key of item.keys) keys.add(key);
    return true;
  });
}

/** The feed's articles whose post to its channel was left uncertain: checked again by each check. */
async function uncertainArticles(feed: FeedRecord, deps: FeedCheckDeps): Promise<FeedArticleRecord[]> {
  const rows = await deps.store.deliveries.withStatus(feed.channelId, 'uncertain', deps.maxPerCheck ?? MAX_POSTS_PER_CHECK);
  const articles = await Promise.all(rows.map((row) => deps.store.feeds.getArticle(row.articleId)));
  return articles.filter((article): article is FeedArticleRecord => article?.feedId === feed.id);
}

/** What delivering a check's articles did: the ids posted and uncertain, and why it stopped (Discord refused the channel, or a failure). */
export interface FeedDelivered {
  posted: string[];
  uncertain: string[];
  refused?: string;
  failed?: string;
  /** The channel stayed busy (another poster held it) past the wait: nothing posted, the check posts next time. */
  busy?: boolean;
}

/**
 * Post what the feed's channel is owed, oldest first, after checking again
 * the posts left uncertain; each through {@link deliverOnce}, as scheduled
 * posts are (claimed under a lease, reconciled with the channel's history).
 */
export async function deliverOwed(feed: FeedRecord, deps: FeedCheckDeps, now: number): Promise<FeedDelivered> {
  const done: FeedDelivered = { posted: [], uncertain: [] };
  const owed = (await deps.store.feeds.owed(feed.id, feed.channelId)).slice(0, deps.maxPerCheck ?? MAX_POSTS_PER_CHECK);
  const delivery = { ...deps, deliveries: deps.store.deliveries };
  const clock = runningClock(now);
  for (const article of [...await uncertainArticles(feed, deps), ...owed]) {
    const result = await deliverOnce({ channelId: feed.channelId, articleId: article.id, scheduleId: null, render: () => deps.render(article) }, delivery, clock());
    if (result.kind === 'sent') done.posted.push(article.id);
    if (result.kind === 'uncertain') done.uncertain.push(article.id);
    if (result.kind === 'paused') return { ...done, refused: result.reason };
    if (result.kind === 'failed') return { ...done, failed: result.reason };
  }
  return done;
}

/**
 * Pause a feed and say so, once, in its channel (why, and how to resume).
 * The notice is a delivery of its own, so a retry never posts it twice.
 */
export async function pauseFeed(feed: FeedRecord, reason: string, deps: FeedCheckDeps, now: number, notify = true): Promise<void> {
  await deps.store.feeds.pause(feed.id, reason, now);
  deps.logger?.warn({ feedId: feed.id, guildId: feed.guildId, reason }, 'feed paused');
  if (!notify) return;
  const notice = { channelId: feed.channelId, articleId: `feed${feed.id}-paused-${now}`, scheduleId: null, render: () => feedPausedMessage(feed, reason) };
  const result = await holdingChannel(feed.channelId, deps, () => deliverOnce(notice, { ...deps, deliveries: deps.store.deliveries }, now));
  if (result?.kind !== 'sent') deps.logger?.warn({ feedId: feed.id, result: result ?? 'channel busy' }, 'could not post the notice of a paused feed');
}

/** A feed fetched: the answer and, for a 200, the parsed feed or why it is not one. */
export interface FetchedFeed {
  resource: FetchedResource;
  parsed?: ParsedFeed;
  parseError?: FeedParseError;
}

/** Fetch a feed (conditionally) and parse a 200. @throws FetchError (no HTTP answer). */
export async function fetchFeed(url: string, deps: Pick<FeedCheckDeps, 'fetcher' | 'maxFeedBytes' | 'timeoutMs' | 'signal'>, validators: { etag?: string | null; lastModified?: string | null } = {}): Promise<FetchedFeed> {
  const resource = await deps.fetcher({
    url,
    accept: FEED_ACCEPT,
    ...(validators.etag ? { etag: validators.etag } : {}),
    ...(validators.lastModified ? { lastModified: validators.lastModified } : {}),
    maxBytes: deps.maxFeedBytes,
    timeoutMs: deps.timeoutMs,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  if (resource.status !== 200) return { resource };
  try {
    return { resource, parsed: parseFeedBytes(resource.body, resource.headers['content-type']) };
  } catch (error) {
    if (error instanceof FeedParseError) return { resource, parseError: error };
    throw error;
  }
}

/**
 * One check of one feed: conditional GET; 304 → nothing new; 200 → new items
 * stored and posted (at most {@link MAX_POSTS_PER_CHECK}, oldest first, each
 * once); 404/410 or a page that is not a feed → paused at once with a notice;
 * any other failure → exponential backoff, paused with a notice after
 * `maxFailures` in a row. Writes the outcome to the feed. Never throws for
 * network, HTTP or feed errors; an abort (shutdown) leaves the feed as it was.
 */
export async function checkFeed(feed: FeedRecord, deps: FeedCheckDeps, now: number): Promise<FeedCheckReport> {
  const report: FeedCheckReport = { feedId: feed.id, outcome: 'ok', found: 0, posted: [], detail: '' };
  let fetched: FetchedFeed;
  try {
    fetched = await fetchFeed(feed.url, deps, feed);
  } catch (error) {
    if (deps.signal?.aborted) return { ...report, outcome: 'aborted', detail: 'stopped' };
    if (!(error instanceof FetchError)) deps.logger?.error({ err: error, feedId: feed.id }, 'feed check failed unexpectedly');
    return failCheck(feed, deps, now, report, error instanceof FetchError ? error.message : 'unexpected error while reading the feed');
  }
  const { resource, parsed, parseError } = fetched;
  // A page that is not a feed (the address now serves HTML) pauses at once; a broken feed may be a passing fault.
  if (parseError) return failCheck(feed, deps, now, report, parseError.message.replace(/\.$/, ''), parseError.reason === 'not-a-feed');
  if (resource.status !== 304 && !parsed) {
    const gone = isGone(resource.status);
    return failCheck(feed, deps, now, report, `${httpReason(resource.status)}${gone ? ': the feed is no longer at this address' : ''}`, gone, resource.headers);
  }
  if (parsed) report.found = await ingest(feed, parsed, deps, now, false);
  if (deps.signal?.aborted) return { ...report, outcome: 'aborted', detail: 'stopped' };
  const delivered = (await holdingChannel(feed.channelId, deps, () => deliverOwed(feed, deps, now))) ?? { posted: [], uncertain: [], busy: true };
  report.posted = delivered.posted;
  report.detail = describeCheck(report, delivered, parsed === undefined);
  await deps.store.feeds.recordCheck(feed.id, { at: now, nextCheckAt: nextCheckAt(now, deps.minIntervalMs, { headers: resource.headers, ttlMinutes: parsed?.ttlMinutes ?? null }), failures: 0, detail: report.detail, ...(parsed ? freshFields(feed, resource, parsed, deps) : {}) });
  if (delivered.refused) {
    // Discord refuses the channel: a notice could not be posted there either.
    await pauseFeed(feed, `Discord refused the channel: ${delivered.refused}`, deps, now, false);
    return { ...report, outcome: 'paused' };
  }
  return parsed ? report : { ...report, outcome: 'not-modified' };
}

/**
 * A failed check: back off (the interval doubled per failure in a row, or the
 * server's Retry-After), or pause with a notice at once (`pauseNow`) or after
 * `maxFailures` in a row.
 */
async function failCheck(feed: FeedRecord, deps: FeedCheckDeps, now: number, report: FeedCheckReport, reason: string, pauseNow = false, headers?: Record<string, string>): Promise<FeedCheckReport> {
  const failures = feed.failures + 1;
  if (pauseNow || failures >= deps.maxFailures) {
    const why = pauseNow ? reason : `${reason} (${failures} failed checks in a row)`;
    await deps.store.feeds.recordCheck(feed.id, { at: now, nextCheckAt: now + deps.minIntervalMs, failures, detail: why });
    await pauseFeed(feed, why, deps, now);
    return { ...report, outcome: 'paused', detail: why };
  }
  await deps.store.feeds.recordCheck(feed.id, { at: now, nextCheckAt: backoffCheckAt(now, deps.minIntervalMs, failures, headers), failures, detail: reason });
  return { ...report, outcome: 'failed', detail: reason };
}

/** What a 200 changes on the feed: validators, a permanent move, its title. */
function freshFields(feed: FeedRecord, resource: FetchedResource, parsed: ParsedFeed, deps: FeedCheckDeps): Partial<FeedCheck> {
  const moved = resource.permanentUrl !== feed.url ? resource.permanentUrl : undefined;
  if (moved) deps.logger?.info({ feedId: feed.id, from: feed.url, to: moved }, 'feed moved permanently; URL updated');
  return {
    etag: resource.headers.etag ?? null,
    lastModified: resource.headers['last-modified'] ?? null,
    ...(moved ? { url: moved } : {}),
    ...(parsed.title ? { title: parsed.title.slice(0, 300) } : {}),
  };
}

/** The check's line in `/feed list`. */
function describeCheck(report: FeedCheckReport, delivered: FeedDelivered, notModified: boolean): string {
  if (delivered.refused) return `Discord refused the channel: ${delivered.refused}`;
  if (delivered.failed) return `posting failed: ${delivered.failed}`;
  if (delivered.busy) return `${notModified ? 'not modified' : `${report.found} new`}; channel busy with another post, posting at the next check`;
  const unsure = delivered.uncertain.length ? `, ${delivered.uncertain.length} uncertain (cannot read the channel's history)` : '';
  if (notModified) return `${report.posted.length ? `not modified, posted ${report.posted.length}` : 'not modified'}${unsure}`;
  return `${report.found} new, posted ${report.posted.length}${unsure}`;
}
