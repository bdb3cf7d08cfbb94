import { detectAtomFeed, detectRdfFeed, detectRssFeed, parseAtomFeed, parseFeed as feedsmithParse, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { decodeFeedBytes } from './decode';
import { htmlToText } from './html-text';
import { itemKeys } from './keys';
import { readXmlFeed, type XmlFeedFormat } from './xml-feed';
import { FeedParseError, type FeedFormat, type FeedItem, type ParsedFeed } from './types';

/** Loosely typed view of feedsmith's output (its types differ per format; we read a few fields of each). */
type Node = Record<string, unknown>;

const asNode = (value: unknown): Node => (typeof value === 'object' && value !== null ? (value as Node) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A string field, or the `value` of a `{ value }` node (RSS guid, Atom text constructs). */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  const inner = asNode(value).value;
  return typeof inner === 'string' ? inner.trim() : '';
}
const firstText = (...values: unknown[]): string => values.map(text).find(Boolean) ?? '';
/** The names of a list of persons (feedsmith's `{ name }` nodes, or plain strings as `dc:creator` gives them); a person without a name (an e-mail alone) gives none. */
const namesOf = (persons: unknown): string[] => asList(persons).map((person) => (typeof person === 'string' ? text(person) : text(asNode(person).name))).filter(Boolean);
/** The first of these lists of persons that names someone. */
const firstNames = (...lists: unknown[]): string[] => lists.map(namesOf).find((names) => names.length > 0) ?? [];

/** Absolute http(s) link (resolved against the feed's link when relative), or null. */
function httpLink(value: string, base: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function timeOf(value: string): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** One item's fields as each format names them. */
interface RawItem {
  guid: string;
  link: string;
  title: string;
  date: string;
  html: string;
  /** The item's authors' names (none: the feed's own authors apply, where the format says so). */
  authors: string[];
}

function rssItem(item: Node): RawItem {
  const dc = asNode(item.dc);
  return {
    guid: text(item.guid),
    link: text(item.link),
    title: text(item.title),
    date: firstText(item.pubDate, asList(dc.dates)[0], dc.date),
    html: firstText(asNode(item.content).encoded, item.description),
    authors: firstNames(item.authors, dc.creators, [dc.creator]),
  };
}

function atomItem(entry: Node): RawItem {
  const links = asList(entry.links).map(asNode);
  const alternate = links.find((link) => !link.rel || link.rel === 'alternate') ?? links[0];
  return {
    guid: text(entry.id),
    link: text(alternate?.href),
    title: text(entry.title),
    date: firstText(entry.published, entry.updated),
    html: firstText(entry.content, entry.summary),
    authors: namesOf(entry.authors),
  };
}

function rdfItem(item: Node): RawItem {
  const dc = asNode(item.dc);
  return {
    guid: text(asNode(item.rdf).about),
    link: text(item.link),
    title: text(item.title),
    date: firstText(asList(dc.dates)[0], dc.date),
    html: text(item.description),
    authors: firstNames(dc.creators, [dc.creator]),
  };
}

function jsonItem(item: Node): RawItem {
  return {
    guid: text(item.id),
    link: firstText(item.url, item.external_url),
    title: text(item.title),
    date: firstText(item.date_published, item.date_modified),
    html: firstText(item.content_html, item.content_text, item.summary),
    authors: firstNames(item.authors, [item.author]),
  };
}

/** How to read each format: its items, one item's fields, the site's link, and the authors of items that name none (Atom and JSON Feed say the feed's apply; RSS and RDF name none for the items). */
const READERS: Record<FeedFormat, { items: (feed: Node) => unknown[]; item: (node: Node) => RawItem; link: (feed: Node) => string; authors: (feed: Node) => string[] }> = {
  rss: { items: (feed) => asList(feed.items), item: rssItem, link: (feed) => text(feed.link), authors: () => [] },
  rdf: { items: (feed) => asList(feed.items), item: rdfItem, link: (feed) => text(feed.link), authors: () => [] },
  atom: {
    items: (feed) => asList(feed.entries),
    item: atomItem,
    link: (feed) => text(asList(feed.links).map(asNode).find((link) => !link.rel || link.rel === 'alternate')?.href),
    authors: (feed) => namesOf(feed.authors),
  },
  json: { items: (feed) => asList(feed.items), item: jsonItem, link: (feed) => text(feed.home_page_url), authors: (feed) => firstNames(feed.authors, [feed.author]) },
};

const ARABIC_LETTER = /[\u0600-\u06FF]/;

/**
 * Several authors as one byline, each once: joined with «، » when one is
 * written in Arabic, with «; » when a name holds a comma itself («Hines, P. J.»),
 * else with «, ». Null when there is none.
 */
export function bylineOf(names: readonly string[]): string | null {
  const unique = [...new Set(names.map((name) => htmlToText(name).replace(/\s+/g, ' ').trim()).filter(Boolean))];
  if (!unique.length) return null;
  const separator = unique.some((name) => ARABIC_LETTER.test(name)) ? '، ' : unique.some((name) => name.includes(',')) ? '; ' : ', ';
  return unique.join(separator);
}

function toItem(raw: RawItem, base: string | null, feedAuthors: readonly string[]): FeedItem {
  const link = httpLink(raw.link, base);
  const title = htmlToText(raw.title).replace(/\s+/g, ' ');
  const published = timeOf(raw.date);
  const guid = raw.guid || null;
  return { ...itemKeys({ guid, link, title, published }), guid, link, title, published, text: htmlToText(raw.html), author: bylineOf(raw.authors.length ? raw.authors : feedAuthors) };
}

/** The root element (after the prolog), lower-case without prefix: `rss`, `feed`, `rdf`… */
function rootElement(xml: string): string {
  const match = /<([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Z][^>]*>/g, ''));
  return match?.[2]?.toLowerCase() ?? '';
}

/**
 * Which reader turns RSS/Atom/RDF markup into fields: `fast` (one tokenizer
 * scan, see {@link readXmlFeed}; feedsmith whenever it declines) or
 * `feedsmith` alone, the reference the fast one is tested against.
 */
export type FeedXmlReader = 'fast' | 'feedsmith';

const XML_PARSERS: Record<string, { format: XmlFeedFormat; detect: (text: string) => boolean; parse: (text: string) => unknown }> = {
  rss: { format: 'rss', detect: detectRssFeed, parse: parseRssFeed },
  feed: { format: 'atom', detect: detectAtomFeed, parse: parseAtomFeed },
  rdf: { format: 'rdf', detect: detectRdfFeed, parse: parseRdfFeed },
};

/**
 * Parse with the one parser the root element names (a third faster than
 * letting feedsmith detect the format); anything else through feedsmith's
 * detection.
 */
function parseByRoot(text: string, reader: FeedXmlReader): { format: string; feed: unknown } {
  if (text.startsWith('{')) return { format: 'json', feed: parseJsonFeed(JSON.parse(text) as unknown) };
  const parser = XML_PARSERS[rootElement(text.slice(0, 4096))];
  if (!parser) return feedsmithParse(text) as { format: string; feed: unknown };
  const fast = reader === 'fast' && parser.detect(text) ? readXmlFeed(text, parser.format) : undefined;
  return { format: parser.format, feed: fast ?? parser.parse(text) };
}

/** True when a document reads as an HTML page (a doctype, `<html>`, `<head>` or `<body>` first, or `<html` near the start). */
export const looksLikeHtml = (text: string): boolean => /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html|<head|<body)/i.test(text) || /<html[\s>]/i.test(text.slice(0, 2048));

/**
 * Parse the text of a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into a
 * {@link ParsedFeed}. Items without a title, link and text are dropped.
 *
 * `xmlReader` picks the XML reader (see {@link FeedXmlReader}); both give the same result.
 *
 * @throws FeedParseError `not-a-feed` for an HTML page or anything that is no
 * feed format, `malformed` for a broken or truncated feed.
 */
export function parseFeedText(source: string, xmlReader: FeedXmlReader = 'fast'): ParsedFeed {
  const trimmed = source.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new FeedParseError('not-a-feed', 'The address answered with an empty document, not a feed.');
  if (looksLikeHtml(trimmed)) throw new FeedParseError('not-a-feed', 'This address is a web page, not a feed (RSS, Atom or JSON Feed).');
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseByRoot(trimmed, xmlReader);
  } catch (error) {
    // Unrecognised and whole up to its root element (a sitemap, OPML, SVG, an XML error document): no feed. Cut before its root: a truncated one.
    const unrecognised = error instanceof Error && /unrecognized/i.test(error.message);
    throw unrecognised && (!trimmed.startsWith('<?xml') || rootElement(trimmed.slice(0, 4096)) !== '')
      ? new FeedParseError('not-a-feed', 'This address is not a feed (RSS, Atom or JSON Feed).')
      : new FeedParseError('malformed', 'The feed is malformed or truncated and could not be read.');
  }
  const format = parsed.format as FeedFormat;
  const reader = READERS[format];
  if (!reader) throw new FeedParseError('not-a-feed', 'This address is not a feed (RSS, Atom or JSON Feed).');
  const feed = asNode(parsed.feed);
  const link = httpLink(reader.link(feed), null);
  const feedAuthors = reader.authors(feed);
  const items = reader.items(feed).map((node) => toItem(reader.item(asNode(node)), link, feedAuthors)).filter((item) => item.title || item.link || item.text);
  const ttl = Number(text(feed.ttl));
  return { format, title: htmlToText(text(feed.title)).replace(/\s+/g, ' '), link, ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null, items };
}

/** Decode feed bytes (see {@link decodeFeedBytes}) and parse them. */
export function parseFeedBytes(bytes: Uint8Array, contentType?: string, xmlReader: FeedXmlReader = 'fast'): ParsedFeed {
  return parseFeedText(decodeFeedBytes(bytes, contentType), xmlReader);
}
