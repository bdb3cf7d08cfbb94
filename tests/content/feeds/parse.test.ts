import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes, FeedParseError, parseFeedBytes, parseFeedText } from '../../../src/content/feeds';

const DIR = join(__dirname, '../../fixtures/web/feeds');
const read = (name: string): Buffer => readFileSync(join(DIR, name));

interface IndexEntry {
  items: number | string;
  first_item: null | { title: string; guid?: string | null; id?: string; rdf_about?: string; link?: string };
}
const index = JSON.parse(read('index.json').toString('utf8')) as Record<string, IndexEntry | string>;
const feeds = Object.entries(index).filter((entry): entry is [string, IndexEntry] => typeof entry[1] === 'object');

describe('parseFeedBytes on every fixture of index.json', () => {
  const readable = feeds.filter(([, facts]) => typeof facts.items === 'number' && facts.items > 0);
  it.each(readable)('%s: item count, first title and first id as index.json says', (name, facts) => {
    const feed = parseFeedBytes(read(name));
    expect(feed.items).toHaveLength(facts.items as number);
    const first = feed.items[0]!;
    expect(first.title).toBe(facts.first_item!.title);
    const id = facts.first_item!.guid ?? facts.first_item!.id ?? facts.first_item!.rdf_about ?? null;
    if (id) {
      expect(first.guid).toBe(id);
      expect(first.key).toBe(`id:${id}`);
    } else {
      // No id: the canonical link is the key (https, no fragment).
      expect(first.guid).toBeNull();
      expect(first.key.startsWith('link:https://')).toBe(true);
      if (facts.first_item!.link) expect(first.link).toBe(facts.first_item!.link);
    }
    expect(first.keys).toContain(first.key);
    expect(feed.title.length).toBeGreaterThan(0);
  });

  const unusable = feeds.filter(([, facts]) => facts.items === 0 || typeof facts.items === 'string');
  it.each(unusable)('%s: a clear one-line error, no stack trace, no hang', (name) => {
    let caught: unknown;
    try {
      parseFeedBytes(read(name));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FeedParseError);
    expect((caught as Error).message).not.toMatch(/\n|at .*\(/);
  });

  it('tells an HTML page apart from a broken feed', () => {
    expect(() => parseFeedBytes(read('not-a-feed-html.rss'))).toThrow(expect.objectContaining({ reason: 'not-a-feed' }) as Error);
    expect(() => parseFeedBytes(read('malformed-incomplete-cdata.xml'))).toThrow(expect.objectContaining({ reason: 'malformed' }) as Error);
  });
});

describe('item text, dates and authors', () => {
  it.each([
    // [file, a phrase of the first item's text, its author]
    ['rss2-guardian.rss', 'new American moment', null],
    ['built-rss2-ar-windows-1256-ant.xml', 'الطلاب الناجون من المذبحة', null],
    ['rss2-iso-8859-1-jn.rss', 'Sónia Laygue', null],
    ['atom-heise.atom', 'Version 10 des Enterprise-Java-Servers', null],
    ['rdf-rss1-science.rdf', '', 'Hines, P. J.'],
  ])('%s: plain text without markup, decoded in the right charset', (name, phrase, author) => {
    const item = parseFeedBytes(read(name)).items[0]!;
    expect(item.text).toContain(phrase);
    expect(item.text).not.toMatch(/<\/?[a-z]+[\s>]|\uFFFD|Ã|&amp;/);
    if (author) expect(item.author).toBe(author);
  });

  it('reads RFC 822, ISO and Atom dates; an unreadable date (Portuguese day names) is null, not NaN', () => {
    expect(parseFeedBytes(read('rss2-iso-8859-1-jn.rss')).items[0]!.published).toBe(Date.parse('2018-01-03T13:47:00Z'));
    expect(parseFeedBytes(read('rdf-rss1-science.rdf')).items[0]!.published).toBe(Date.parse('2017-06-15T10:29:47-07:00'));
    // Atom: <published> wins over <updated>, so an edit does not move the item.
    expect(parseFeedBytes(read('atom-heise.atom')).items[0]!.published).toBe(Date.parse('2016-02-01T16:22:00Z'));
    expect(parseFeedBytes(read('malformed-undeclared-latin1-uol.rss')).items[0]!.published).toBeNull();
  });

  it('JSON Feed ids are per feed (bare numbers), keyed as ids with their link known too', () => {
    const item = parseFeedBytes(read('jsonfeed-adactio.json')).items[0]!;
    expect(item.key).toBe('id:19317');
    expect(item.keys).toContain('link:https://adactio.com/journal/19317');
  });
});

describe('parseFeedText on small feeds', () => {
  const rss = (items: string, channelExtra = ''): string =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link>${channelExtra}${items}</channel></rss>`;

  it.each([
    ['ar', 'مقال', 'نص عربي'],
    ['en', 'Story', 'English text'],
    ['fr', 'Dépêche', 'Texte français'],
  ])('%s: title and description read; a relative link resolved against the feed link', (_lang, title, body) => {
    const feed = parseFeedText(rss(`<item><title>${title}</title><link>/a/1</link><description>&lt;p&gt;${body}&lt;/p&gt;</description></item>`));
    expect(feed.items[0]).toMatchObject({ title, text: body, link: 'https://news.example/a/1', guid: null, key: 'link:https://news.example/a/1' });
  });

  it('reads <ttl> in minutes', () => {
    expect(parseFeedText(rss('<item><title>a</title></item>', '<ttl>45</ttl>')).ttlMinutes).toBe(45);
  });

  it('drops javascript: links and empty items', () => {
    const feed = parseFeedText(rss('<item><title>x</title><link>javascript:alert(1)</link></item><item></item>'));
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.link).toBeNull();
    expect(feed.items[0]!.key.startsWith('hash:')).toBe(true);
  });

  it.each([[''], ['   '], ['{"not": "a feed"}'], ['plain words']])('refuses %j with a FeedParseError', (input) => {
    expect(() => parseFeedText(input)).toThrow(FeedParseError);
  });
});

describe('decodeFeedBytes', () => {
  const arabic = 'أخبار';
  it.each([
    ['the HTTP charset', new TextEncoder().encode(arabic), 'text/xml; charset=utf-8'],
    ['a UTF-8 BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(arabic)]), undefined],
    ['valid UTF-8 without any label', new TextEncoder().encode(arabic), undefined],
  ])('decodes by %s', (_how, bytes, contentType) => {
    expect(decodeFeedBytes(bytes, contentType)).toBe(arabic);
  });

  it('falls back to windows-1252 when the bytes are not UTF-8 and nothing says what they are', () => {
    expect(decodeFeedBytes(Uint8Array.from([0x4d, 0xe3, 0x65]))).toBe('Mãe');
  });
});
