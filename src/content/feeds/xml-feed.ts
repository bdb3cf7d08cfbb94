/**
 * The fast reader of RSS, Atom and RDF feeds: one scan of the document with
 * htmlparser2's tokenizer, then only the fields the feed parser reads,
 * decoded the way feedsmith decodes them (raw element content, comments
 * dropped, CDATA kept verbatim, HTML character references decoded, trimmed).
 * It returns the same shape as feedsmith's `parseRssFeed` / `parseAtomFeed` /
 * `parseRdfFeed` for those fields, or undefined whenever the document is not
 * plainly well-formed or uses something it does not reproduce (XHTML text
 * constructs, a default namespace it would have to apply): the caller then
 * uses feedsmith, the reference. A property test holds the two to the same
 * output (tests/content/feeds/fast-parse.test.ts).
 */
import { decodeHTML } from 'entities';
import { child, childrenNamed, scanXml, type XmlElement } from './xml-scan';

/** The XML feed formats the fast reader knows, named as `ParsedFeed.format` names them. */
export type XmlFeedFormat = 'rss' | 'atom' | 'rdf';

type Node = Record<string, unknown>;

/** Namespace URIs (lower-case) of the prefixes the reader looks at, as feedsmith lists them. */
const NAMESPACES: Readonly<Record<string, readonly string[]>> = {
  atom: ['http://www.w3.org/2005/atom', 'https://www.w3.org/2005/atom', 'http://www.w3.org/2005/atom/', 'https://www.w3.org/2005/atom/', 'http://purl.org/atom/ns#', 'https://purl.org/atom/ns#'],
  dc: ['purl.org/dc/elements/1.1/', 'purl.org/dc/elements/1.1', 'dublincore.org/documents/dcmi-namespace/', 'dublincore.org/documents/dcmi-namespace', 'purl.org/dc/elements/1.0/', 'purl.org/dc/elements/1.0'].flatMap((uri) => [`http://${uri}`, `https://${uri}`]),
  content: ['purl.org/rss/1.0/modules/content/', 'purl.org/rss/1.0/modules/content'].flatMap((uri) => [`http://${uri}`, `https://${uri}`]),
  rdf: ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'https://www.w3.org/1999/02/22-rdf-syntax-ns#'],
  rss: ['purl.org/rss/1.0/', 'purl.org/rss/1.0'].flatMap((uri) => [`http://${uri}`, `https://${uri}`]),
};
const PREFIX_OF_URI = new Map(Object.entries(NAMESPACES).flatMap(([prefix, uris]) => uris.map((uri) => [uri, prefix] as const)));
/** Namespaces whose elements the format writes without a prefix (feedsmith's primary namespaces). */
const PRIMARY: Readonly<Record<XmlFeedFormat, readonly string[]>> = { rss: [], atom: ['atom'], rdf: ['rdf', 'rss'] };

/** Thrown inside the reader when the document needs the reference parser; never escapes {@link readXmlFeed}. */
class NeedsReference extends Error {}

const CDATA_START = '<![CDATA[';
const hasEntities = (text: string): boolean => {
  const amp = text.indexOf('&');
  return amp !== -1 && text.indexOf(';', amp) !== -1;
};
const decodeRun = (text: string): string => (hasEntities(text) ? decodeHTML(text) : text);

function stripComments(text: string): string {
  let start = text.indexOf('<!--');
  if (start === -1) return text;
  let result = '';
  let last = 0;
  while (start !== -1) {
    result += text.slice(last, start);
    const end = text.indexOf('-->', start + 4);
    if (end === -1) return text;
    last = end + 3;
    start = text.indexOf('<!--', last);
  }
  return result + text.slice(last);
}

function decodeWithCdata(text: string): string {
  let start = text.indexOf(CDATA_START);
  if (start === -1) return decodeRun(text);
  let result = '';
  let last = 0;
  while (start !== -1) {
    result += decodeRun(text.slice(last, start));
    const end = text.indexOf(']]>', start + CDATA_START.length);
    if (end === -1) return decodeRun(text);
    result += text.slice(start + CDATA_START.length, end);
    last = end + 3;
    start = text.indexOf(CDATA_START, last);
  }
  return result + decodeRun(text.slice(last));
}

/** A raw value as feedsmith's `parseString` reads it; undefined when empty. */
function fieldValue(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return decodeWithCdata(stripComments(raw)).trim() || undefined;
}

/** Reads one scanned document with its namespace prefixes resolved. */
class FeedReader {
  private readonly renames = new Map<string, string>();

  constructor(private readonly source: string, root: XmlElement, format: XmlFeedFormat) {
    this.learnPrefixes(root, format);
  }

  private learnPrefixes(root: XmlElement, format: XmlFeedFormat): void {
    const declared = new Map<string, string>();
    const visit = (element: XmlElement): void => {
      for (const [name, value] of element.attributes) {
        if (name.startsWith('xmlns:') && !declared.has(name.slice(6))) declared.set(name.slice(6), value.trim().toLowerCase());
      }
      element.children.forEach(visit);
    };
    visit(root);
    const rootDefault = PREFIX_OF_URI.get((root.attributes.get('xmlns') ?? '').trim().toLowerCase());
    if (rootDefault && !PRIMARY[format].includes(rootDefault)) throw new NeedsReference();
    for (const [prefix, uri] of declared) {
      const known = PREFIX_OF_URI.get(uri);
      if (known === undefined) continue;
      const canonical = PRIMARY[format].includes(known) ? '' : known;
      if (canonical !== prefix) this.renames.set(prefix, canonical);
    }
  }

  /** An element or attribute name with its prefix as feedsmith names it. */
  canonical(name: string): string {
    if (!this.renames.size) return name;
    const colon = name.indexOf(':');
    if (colon === -1) return name;
    const renamed = this.renames.get(name.slice(0, colon));
    if (renamed === undefined) return name;
    return renamed ? `${renamed}:${name.slice(colon + 1)}` : name.slice(colon + 1);
  }

  all(element: XmlElement | undefined, name: string): XmlElement[] {
    if (!this.renames.size) return childrenNamed(element, name);
    return element ? element.children.filter((candidate) => this.canonical(candidate.name) === name) : [];
  }

  first(element: XmlElement | undefined, name: string): XmlElement | undefined {
    return this.renames.size ? this.all(element, name)[0] : child(element, name);
  }

  /** The element's own content, decoded. */
  content(element: XmlElement): string | undefined {
    return fieldValue(this.source.slice(element.innerStart, element.innerEnd));
  }

  /** The value of the first child of that name. */
  value(element: XmlElement | undefined, name: string): string | undefined {
    const found = this.first(element, name);
    return found ? this.content(found) : undefined;
  }

  /** Every non-empty value of the children of that name; undefined when none. */
  values(element: XmlElement | undefined, name: string): string[] | undefined {
    const list = this.all(element, name).map((found) => this.content(found)).filter((value): value is string => value !== undefined);
    return list.length ? list : undefined;
  }

  attribute(element: XmlElement, name: string): string | undefined {
    for (const [key, raw] of element.attributes) if (this.canonical(key) === name) return fieldValue(raw);
    return undefined;
  }

  /** An Atom text construct (`title`, `summary`, `content`) as `{ value }`; XHTML ones are left to the reference. */
  atomText(element: XmlElement | undefined, name: string): Node | undefined {
    const found = this.first(element, name);
    if (!found) return undefined;
    const type = this.attribute(found, 'type');
    if (type === 'xhtml' || type === 'application/xhtml+xml') throw new NeedsReference();
    const value = this.content(found);
    return value === undefined ? undefined : { value };
  }

  dublinCore(element: XmlElement): Node | undefined {
    const creators = this.values(element, 'dc:creator');
    const dates = this.values(element, 'dc:date');
    return creators || dates ? { creators, dates } : undefined;
  }
}

/** feedsmith's patterns for an RSS person (`<author>`): a web address, an e-mail address, brackets. */
const URL_LIKE = /^(?:https?:\/\/|www\.)[^\s]+\.[^\s]+$/;
const EMAIL = /^[^\s@()<>[\]]+@[^\s@()<>[\]]+\.[^\s@()<>[\]]+$/;
const stripMailto = (value: string): string => (/^mailto:/i.test(value) ? value.replace(/^mailto:/i, '').replace(/\?.*$/, '') : value);
/** `e-mail (Name)`, RSS 2.0's own form: nothing after the closing bracket, no other bracket. */
const EMAIL_THEN_NAME = /^([^<[(]*)\(([^<[()\]>]*)\)$/;

/**
 * An RSS `<author>` as feedsmith's `parsePerson` reads it, for the forms
 * feeds write: a web or e-mail address alone, a name alone, `e-mail (Name)`.
 * Any other form is left to the reference.
 */
function rssPerson(raw: string): Node {
  const stripped = stripMailto(raw);
  if (URL_LIKE.test(stripped)) return { link: stripped };
  if (EMAIL.test(stripped)) return { email: stripped };
  if (!/[<[(]/.test(raw)) {
    if (!raw.includes('@') && !raw.includes('://') && !raw.includes('www.')) return { name: raw };
    throw new NeedsReference();
  }
  const match = EMAIL_THEN_NAME.exec(raw);
  const address = fieldValue(match?.[1]);
  const inner = fieldValue(match?.[2]);
  const isAddress = (value: string): boolean => URL_LIKE.test(value) || EMAIL.test(stripMailto(value));
  if (address === undefined || inner === undefined || !EMAIL.test(stripMailto(address)) || URL_LIKE.test(address) || isAddress(inner)) throw new NeedsReference();
  return { email: stripMailto(address), name: fieldValue(inner) };
}

function rssItem(reader: FeedReader, item: XmlElement): Node {
  const guid = reader.value(item, 'guid');
  const encoded = reader.value(item, 'content:encoded');
  return {
    authors: reader.values(item, 'author')?.map(rssPerson),
    title: reader.value(item, 'title'),
    link: reader.value(item, 'link'),
    description: reader.value(item, 'description'),
    guid: guid === undefined ? undefined : { value: guid },
    pubDate: reader.value(item, 'pubdate'),
    dc: reader.dublinCore(item),
    content: encoded === undefined ? undefined : { encoded },
  };
}

function readRss(reader: FeedReader, root: XmlElement): Node {
  const channel = reader.first(root, 'channel');
  if (!channel) throw new NeedsReference();
  const items = reader.all(channel, 'item');
  return {
    title: reader.value(channel, 'title'),
    link: reader.value(channel, 'link'),
    ttl: reader.value(channel, 'ttl'),
    items: (items.length ? items : reader.all(root, 'item')).map((item) => rssItem(reader, item)),
  };
}

function atomLinks(reader: FeedReader, element: XmlElement): Node[] {
  return reader.all(element, 'link').map((link) => ({
    href: reader.attribute(link, 'href') ?? reader.content(link),
    rel: reader.attribute(link, 'rel'),
  }));
}

/** Every `<author>` of an Atom feed or entry, by name. */
function atomAuthors(reader: FeedReader, element: XmlElement): Node[] | undefined {
  const authors = reader.all(element, 'author').map((author) => ({ name: reader.value(author, 'name') }));
  return authors.length ? authors : undefined;
}

function atomEntry(reader: FeedReader, entry: XmlElement): Node {
  return {
    id: reader.value(entry, 'id'),
    links: atomLinks(reader, entry),
    title: reader.atomText(entry, 'title'),
    published: reader.value(entry, 'published') || reader.value(entry, 'issued') || reader.value(entry, 'created'),
    updated: reader.value(entry, 'updated') || reader.value(entry, 'modified'),
    content: reader.atomText(entry, 'content'),
    summary: reader.atomText(entry, 'summary'),
    authors: atomAuthors(reader, entry),
  };
}

function readAtom(reader: FeedReader, root: XmlElement): Node {
  return { title: reader.atomText(root, 'title'), links: atomLinks(reader, root), authors: atomAuthors(reader, root), entries: reader.all(root, 'entry').map((entry) => atomEntry(reader, entry)) };
}

function readRdf(reader: FeedReader, root: XmlElement): Node {
  const channel = reader.first(root, 'channel');
  const items = reader.all(root, 'item');
  return {
    title: reader.value(channel, 'title'),
    link: reader.value(channel, 'link'),
    items: items.map((item) => ({
      rdf: { about: reader.attribute(item, 'rdf:about') ?? reader.attribute(item, 'about') },
      title: reader.value(item, 'title'),
      link: reader.value(item, 'link'),
      description: reader.value(item, 'description'),
      dc: reader.dublinCore(item),
    })),
  };
}

const READ: Record<XmlFeedFormat, (reader: FeedReader, root: XmlElement) => Node> = { rss: readRss, atom: readAtom, rdf: readRdf };

/**
 * Read an RSS, Atom or RDF document (its format already known from the root
 * element) into feedsmith's shape for the fields the parser uses; undefined
 * when only feedsmith should read it.
 */
export function readXmlFeed(source: string, format: XmlFeedFormat): Node | undefined {
  // Line ends as an XML processor hands them on (CRLF and a lone CR are one LF), as feedsmith reads them.
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const root = scanXml(text);
  if (!root) return undefined;
  try {
    return READ[format](new FeedReader(text, root, format), root);
  } catch (error) {
    if (error instanceof NeedsReference) return undefined;
    throw error;
  }
}
