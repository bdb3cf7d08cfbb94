import { discoverFeedLinks, decodeFeedBytes, looksLikeHtml, type ParsedFeed } from '../content/feeds';
import { FetchError, type FetchedResource } from '../content/web/fetch-types';
import { UserError } from '../errors';
import type { Awaitable, FeedRecord, FeedStore } from '../store/types';
import { deliverOwed, fetchFeed, holdingChannel, ingest, type FeedCheckDeps, type FetchedFeed } from './check';
import { nextCheckAt } from './timing';
import { feedMessages as say } from './user-messages';

/** Most feeds one server may have. */
export const MAX_FEEDS_PER_GUILD = 25;
/** Longest URL accepted. */
export const MAX_URL_LENGTH = 2048;

/** What `/feed add` gives. */
export interface SubscribeInput {
  guildId: string;
  channelId: string;
  url: string;
  userId: string;
}

/** What subscribing did. */
export interface Subscribed {
  feed: FeedRecord;
  itemCount: number;
  /** Article ids posted at once (the newest item). */
  posted: string[];
}

function checkUrl(text: string): string {
  const trimmed = text.trim();
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || trimmed.length > MAX_URL_LENGTH) throw new UserError(say.badUrl(trimmed));
  return url.toString();
}

/** Fetch and parse `url`; a page that announces a feed leads to its first readable feed. @throws UserError. */
async function resolveFeed(url: string, deps: FeedCheckDeps): Promise<{ resource: FetchedResource; parsed: ParsedFeed }> {
  const fetched = await fetchOrSay(url, deps);
  if (fetched.parsed) return { resource: fetched.resource, parsed: fetched.parsed };
  if (fetched.parseError?.reason === 'malformed') throw new UserError(say.malformed());
  const page = decodeFeedBytes(fetched.resource.body, fetched.resource.headers['content-type']);
  for (const feedUrl of discoverFeedLinks(page, fetched.resource.url).slice(0, 3)) {
    const candidate = await fetchOrSay(feedUrl, deps).catch(() => undefined);
    if (candidate?.parsed) return { resource: candidate.resource, parsed: candidate.parsed };
  }
  throw new UserError(looksLikeHtml(page) ? say.noFeedOnPage() : say.notAFeed());
}

/** Fetch (and parse) a feed URL; no HTTP answer or a non-200 is said to the user. */
async function fetchOrSay(url: string, deps: FeedCheckDeps): Promise<FetchedFeed> {
  let fetched: FetchedFeed;
  try {
    fetched = await fetchFeed(url, deps);
  } catch (error) {
    if (error instanceof FetchError) throw new UserError(say.unreachable(error.message.replace(/\.$/, '')));
    throw error;
  }
  if (fetched.resource.status !== 200) throw new UserError(say.httpStatus(fetched.resource.status));
  return fetched;
}

/**
 * Subscribe a channel of a guild to a feed (or to the feed a page announces):
 * store it with its validators, mark every item seen but the newest, and post
 * that one at once.
 *
 * @throws UserError for a bad or unreachable URL, a page without a feed, a
 * broken feed, a duplicate, or a guild at its limit.
 */
export async function subscribe(input: SubscribeInput, deps: FeedCheckDeps, now: number): Promise<Subscribed> {
  const url = checkUrl(input.url);
  const existing = await deps.store.feeds.listByGuild(input.guildId);
  if (existing.length >= MAX_FEEDS_PER_GUILD) throw new UserError(say.guildFull(existing.length));
  const { resource, parsed } = await resolveFeed(url, deps);
  const feedUrl = resource.permanentUrl;
  const duplicate = existing.find((feed) => feed.channelId === input.channelId && (feed.url === feedUrl || feed.url === url));
  if (duplicate) throw new UserError(say.duplicate(duplicate.id, duplicate.channelId));
  const created = await deps.store.feeds.create({ guildId: input.guildId, channelId: input.channelId, url: feedUrl, title: parsed.title.slice(0, 300), createdBy: input.userId, createdAt: now, nextCheckAt: nextCheckAt(now, deps.minIntervalMs, { headers: resource.headers, ttlMinutes: parsed.ttlMinutes }) });
  if (!created) throw new UserError(say.duplicate(0, input.channelId));
  await ingest(created, parsed, deps, now, true);
  // Under the channel's lock, as every feed post; a channel busy past the wait gets the item at the first check.
  const delivered = (await holdingChannel(created.channelId, deps, () => deliverOwed(created, deps, now))) ?? { posted: [] };
  await deps.store.feeds.recordCheck(created.id, {
    at: now,
    nextCheckAt: created.nextCheckAt,
    failures: 0,
    detail: `subscribed, posted ${delivered.posted.length}`,
    etag: resource.headers.etag ?? null,
    lastModified: resource.headers['last-modified'] ?? null,
  });
  return { feed: (await deps.store.feeds.get(created.id))!, itemCount: parsed.items.length, posted: delivered.posted };
}

/** A feed of this guild from what the user typed (`12` or `#12`). @throws UserError. */
export async function findFeed(feeds: Awaitable<FeedStore>, guildId: string, typed: string): Promise<FeedRecord> {
  const id = /^#?\d{1,12}$/.test(typed.trim()) ? Number(typed.trim().replace('#', '')) : NaN;
  const feed = Number.isSafeInteger(id) ? await feeds.getInGuild(guildId, id) : undefined;
  if (!feed) throw new UserError(say.unknownFeed(typed));
  return feed;
}
