import { createHash } from 'node:crypto';
import { createBriefing } from '../briefing';
import type { FeedItem } from '../content/feeds';
import type { ArticleSource } from '../content/types';
import type { LibraryArticle } from '../library/types';
import type { FeedArticleRecord, FeedRecord } from '../store/types';

/** An article page as extraction gives it (text only, never HTML). */
export interface PageArticle {
  title?: string;
  byline?: string;
  text: string;
}

/** Fetch and extract the article page an item links to; undefined when it cannot be had (the item's own text is used). */
export type ReadPage = (url: string, signal?: AbortSignal) => Promise<PageArticle | undefined>;

/** Below this many characters, an extracted page is not trusted over the item's own text. */
const MIN_PAGE_TEXT = 200;

/** The library id of a feed item's article: `feed<id>-<22 characters of a hash of the item key>`. */
export function feedArticleId(feedId: number, itemKey: string): string {
  return `feed${feedId}-${createHash('sha256').update(itemKey, 'utf8').digest('base64url').slice(0, 22)}`;
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The article of one feed item: the linked page's text when it can be fetched
 * and extracted (and says more than the item), else the item's own content.
 * Never throws for a page that cannot be read.
 */
export async function articleOfItem(feed: FeedRecord, feedTitle: string, item: FeedItem, readPage: ReadPage | undefined, now: number, signal?: AbortSignal): Promise<FeedArticleRecord> {
  let page: PageArticle | undefined;
  if (item.link && readPage) {
    try {
      page = await readPage(item.link, signal);
    } catch {
      page = undefined;
    }
  }
  const usePage = page !== undefined && page.text.length >= Math.min(MIN_PAGE_TEXT, item.text.length + 1);
  const text = (usePage ? page!.text : item.text) || item.title;
  return {
    id: feedArticleId(feed.id, item.key),
    feedId: feed.id,
    guildId: feed.guildId,
    itemKey: item.key,
    url: item.link,
    title: clip(item.title || page?.title || feedTitle || item.link || '…', 1000),
    author: item.author ? clip(item.author, 200) : page?.byline ? clip(page.byline, 200) : null,
    source: clip(feedTitle || (item.link ? new URL(item.link).hostname : 'feed'), 200),
    // A date ahead of now (a wrong time zone, a typo, a hostile feed) would stand first in the article stream for years: a
    // schedule started then would take it as its position and never post what comes after. It was published by now.
    publishedAt: Math.min(item.published ?? now, now),
    text,
    fetchedAt: now,
  };
}

/** A stored feed article as the library reads an article: id, metadata and the text to brief. */
export function articleSourceOf(record: FeedArticleRecord): ArticleSource {
  return {
    id: record.id,
    format: 'txt',
    meta: {
      title: record.title,
      source: record.source,
      ...(record.url ? { url: record.url } : {}),
      published: new Date(record.publishedAt).toISOString(),
      ...(record.author ? { author: record.author } : {}),
    },
    body: record.text,
  };
}

/** A stored feed article as a library article, briefed now (a post whose article is not in the library yet, benchmarks). */
export function toLibraryArticle(record: FeedArticleRecord): LibraryArticle {
  const { id, format, meta, body } = articleSourceOf(record);
  return { id, format, meta, briefing: createBriefing(body, { title: record.title }), timestamp: record.publishedAt, mtimeMs: record.fetchedAt };
}
