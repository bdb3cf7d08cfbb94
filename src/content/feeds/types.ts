/** One entry of a feed, normalised across RSS 0.9x/1.0/2.0, Atom and JSON Feed. */
export interface FeedItem {
  /** The item's identity in its feed: `id:<guid|atom id|json id|rdf:about>`, else `link:<canonical link>`, else `hash:<title+date>`. */
  key: string;
  /** Every key the item is known by (id, canonical link, title): one seen key is enough to know the item. */
  keys: string[];
  /** guid / Atom id / JSON Feed id / rdf:about, as written; null when the feed gives none. */
  guid: string | null;
  /** Absolute http(s) link to the article page, null when absent or not http(s). */
  link: string | null;
  /** Plain-text title ('' when the feed gives none). */
  title: string;
  /** Publication (else update) time, epoch ms; null when absent or unreadable. */
  published: number | null;
  /** The item's own content or summary as plain text, paragraphs separated by a blank line. */
  text: string;
  /** The byline: the item's authors' names (RSS `<author>` and `<dc:creator>`, Atom `<author><name>`, JSON Feed `authors`), else the feed's own authors where Atom and JSON Feed say they apply; null when none is named. */
  author: string | null;
}

/** Formats the parser understands. */
export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** A parsed feed. */
export interface ParsedFeed {
  format: FeedFormat;
  /** The feed's own title ('' when it has none). */
  title: string;
  /** The site the feed belongs to, if given. */
  link: string | null;
  /** RSS `<ttl>` in minutes, if given. */
  ttlMinutes: number | null;
  /** Items in the order of the document (usually newest first). */
  items: FeedItem[];
}

/** Why bytes are not a usable feed. */
export type FeedParseFailure = 'not-a-feed' | 'malformed';

/** The bytes are not a feed (an HTML page) or a broken one. The message is one line, safe to show a user. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
  constructor(readonly reason: FeedParseFailure, message: string) {
    super(message);
  }
}
