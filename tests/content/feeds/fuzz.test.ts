/**
 * Hostile feeds: the ar/en/fr fixture feeds (RSS, Atom, JSON Feed) and a
 * table of broken shapes, mutated the ways broken servers break them. The
 * parser answers with items or one `FeedParseError`, never another throw;
 * its items keep their promises; the fast XML reader and feedsmith agree
 * wherever both read the document.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeedBytes, parseFeedText, type FeedXmlReader, type ParsedFeed } from '../../../src/content/feeds';
import { fixturePath } from '../../support/shared-data';

const SEEDS = ['built-authors-ar.rss', 'built-authors-en.atom', 'jsonfeed-built-authors-fr.json'].map((name) => readFileSync(fixturePath(`web/feeds/${name}`), 'utf8'));

/** The parse outcome: the feed, or the failure a user would be told; anything else thrown fails the test. */
function outcome(text: string, reader: FeedXmlReader): ParsedFeed | FeedParseError {
  try {
    return parseFeedText(text, reader);
  } catch (error) {
    if (error instanceof FeedParseError) return error;
    throw error;
  }
}

/** The promises of a parsed feed's items. */
function expectSoundItems(feed: ParsedFeed): void {
  expect(['rss', 'atom', 'rdf', 'json']).toContain(feed.format);
  for (const item of feed.items) {
    expect(item.key.length).toBeGreaterThan(0);
    expect(item.keys).toContain(item.key);
    if (item.link !== null) expect(new URL(item.link).protocol).toMatch(/^https?:$/);
    if (item.published !== null) expect(Number.isFinite(item.published)).toBe(true);
    expect(item.title || item.link || item.text).toBeTruthy();
    expect(item.title).not.toMatch(/[\r\n]/);
  }
}

/** Parse with both readers: each gives a sound feed or a one-line FeedParseError, and where both read it they agree. */
function expectCalmParse(text: string): void {
  const fast = outcome(text, 'fast');
  const reference = outcome(text, 'feedsmith');
  for (const result of [fast, reference]) {
    if (result instanceof FeedParseError) expect(result.message).not.toContain('\n');
    else expectSoundItems(result);
  }
  if (!(fast instanceof FeedParseError) && !(reference instanceof FeedParseError)) expect(fast).toEqual(reference);
}

const FRAGMENTS = [
  '<', '>', '&', '&amp;', '&bogus;', '&#0;', '&#xD800;', '&#1114112;', '<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY e "ee">]>',
  '<item>', '</item>', '<entry>', '</entry>', '<title>', '</title>', '<link>', '</link>', '<link href="javascript:alert(1)"/>', '<guid>', '</guid>',
  '<pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate>', '<pubDate>not a date</pubDate>', '<updated>+275760-09-13T00:00:00Z</updated>',
  '<title>&lt;b&gt;bold&lt;/b&gt; <![CDATA[<script>x</script>]]></title>', '\u0000', '\uD800', '\uFEFF', '\r\n', '\u202E', 'ـــ', '«', '"', "'", '{', '}', '[', ']', ',', ':',
  'null', '"items": 5', '"title": {"a": 1}', '"url": 7', '"date_published": "9999-99-99"', '{"id": "dup", "title": "x"}',
];
const mutation: fc.Arbitrary<(text: string) => string> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...FRAGMENTS)).map(([at, piece]) => (text: string) => `${text.slice(0, at % (text.length + 1))}${piece}${text.slice(at % (text.length + 1))}`),
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([at, length]) => (text: string) => text.slice(0, at % (text.length + 1)) + text.slice((at % (text.length + 1)) + length)),
  fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1))),
  fc.constant((text: string) => text.replace(/<(\/?)(rss|feed)\b/g, '<$1channel')),
  fc.constant((text: string) => text.replace(/<link>[^<]*<\/link>|<link [^>]*\/>|"url": "[^"]*",?/g, '')),
  fc.constant((text: string) => text.replace(/<guid[^>]*>[^<]*<\/guid>|<id>[^<]*<\/id>|"id": "[^"]*",?/g, '<guid>same</guid>')),
  fc.constant((text: string) => text.replace(/(<title>|"title": ")/g, '$1&lt;b&gt;<![CDATA[<i>]]>')),
  fc.constant((text: string) => text.replace(/\n/g, '\r')),
);
const mutatedFeed = fc.tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([seed, steps]) => steps.reduce((text, step) => step(text), seed));

/** Counterexamples the property found: the fast reader read these attributes, stray `<` and `<!…>`, and CR line ends otherwise than feedsmith (it now leaves the first three to feedsmith, and makes CRLF and CR one LF as XML does). */
const STRAY_MARKUP = [
  SEEDS[0]!.replace('<guid isPermaLink="false">ar-weather', '<guid isPermaLink="<!DOCTYPE x [<!ENTITY e "ee">]>false">ar-weather'),
  SEEDS[0]!.replace('<guid isPermaLink="false">ar-library', '<guid {"id": "dup", "title": "&lt;b&gt;<![CDATA[<i>]]>x"}:isPermaLink="false">ar-library'),
  SEEDS[1]!.replace('<entry>', '<entry xml:lang=en>'),
  SEEDS[1]!.replace(/<title>Rain expected tomorrow<\/title>[\s\S]*?<\/published>/, '<>'),
  SEEDS[0]!.replace('</description>', ' <3 < b</description>'),
  SEEDS[1]!.replace('<id>urn:news-example:en:budget', '<id>u\r\nrn:news-example:en:budget'),
  SEEDS[1]!.replace('<title>Budget', '<title>&lt;b&gt;<![C]>Budget'),
  SEEDS[0]!.replace(/\n/g, '\r\n').replace('<guid isPermaLink="false">ar-budget', '<guid isPermaLink="false">ar\r\r-budget'),
];

describe('feeds on hostile input', () => {
  it('reads mutated ar/en/fr feeds (RSS, Atom, JSON Feed) or answers with one FeedParseError', () => {
    fc.assert(fc.property(mutatedFeed, expectCalmParse), { numRuns: 150, examples: STRAY_MARKUP.map((text) => [text]) });
  });

  it('decodes any bytes under any declared charset, then parses or answers with one FeedParseError', () => {
    const charset = fc.constantFrom(undefined, 'text/xml', 'application/rss+xml; charset=utf-16', 'text/xml; charset=windows-1256', 'text/xml; charset=bogus', 'text/xml; charset=iso-8859-1', 'application/json; charset=utf-8');
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), mutatedFeed.map((text) => new TextEncoder().encode(text)));
    fc.assert(
      fc.property(bytes, charset, (body, contentType) => {
        try {
          expectSoundItems(parseFeedBytes(body, contentType));
        } catch (error) {
          expect(error).toBeInstanceOf(FeedParseError);
        }
      }),
      { numRuns: 150 },
    );
  });

  const LOL = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
  const rssOf = (items: string, head = ''): string => `<?xml version="1.0"?>${head}<rss version="2.0"><channel><title>أخبار</title>${items}</channel></rss>`;
  const json = (items: unknown, extra: Record<string, unknown> = {}): string => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Actualités', ...extra, items });

  it.each<[string, string, number | RegExp]>([
    ['entity expansion (billion laughs) in RSS', rssOf('<item><title>&lol9;</title><link>https://news.example/1</link></item>', LOL), 1],
    ['entity expansion (billion laughs) in Atom', `<?xml version="1.0"?>${LOL}<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title><entry><id>1</id><title>&lol9;</title></entry></feed>`, 1],
    ['an external entity naming a local file', rssOf('<item><title>&xxe;</title><link>https://news.example/1</link></item>', '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), /./],
    ['a sitemap (wrong root)', '<?xml version="1.0"?><urlset><url><loc>https://news.example/1</loc></url></urlset>', /not a feed/],
    ['an HTML page', '<!doctype html><html><body><p>Bonjour</p></body></html>', /web page, not a feed/],
    ['an RSS channel with items lacking link, guid and date', rssOf('<item><title>قال الوزير</title></item><item><description>Only a description</description></item><item></item>'), 2],
    ['items with the same guid twice', rssOf('<item><guid>same</guid><title>One</title></item><item><guid>same</guid><title>Two</title></item>'), 2],
    ['dates in the future, out of range and unreadable', rssOf('<item><title>a</title><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item><item><title>b</title><pubDate>+275760-09-14T00:00:00Z</pubDate></item><item><title>c</title><pubDate>hier</pubDate></item>'), 3],
    ['HTML and mentions in titles', rssOf('<item><title>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Gras&lt;/b&gt; @everyone</title><link>javascript:alert(1)</link></item>'), 1],
    ['JSON Feed items of every wrong type', json([null, 1, 'x', [], { id: 5, title: { a: 1 }, url: 7, date_published: true, content_html: ['a'] }, { id: 'ok', title: 'Bien', url: 'https://news.example/ok' }]), 2],
    ['JSON Feed whose items is not a list', json('nope'), 0],
    ['JSON Feed with wrong-typed authors and links', json([{ id: '1', title: 'a', authors: [null, { name: 7 }, 'x'], url: 'mailto:x@news.example' }], { home_page_url: 42, authors: 'bob' }), 1],
    ['JSON nested 20,000 deep', `{"version":"https://jsonfeed.org/version/1.1","items":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, /./],
    ['truncated JSON Feed', '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1"', /malformed or truncated/],
  ])('%s: items or one FeedParseError', (_what, text, want) => {
    for (const reader of ['fast', 'feedsmith'] as const) {
      const result = outcome(text, reader);
      if (result instanceof FeedParseError) {
        expect(want).toBeInstanceOf(RegExp);
        expect(result.message).toMatch(want as RegExp);
      } else {
        expectSoundItems(result);
        if (typeof want === 'number') expect(result.items).toHaveLength(want);
        expect(JSON.stringify(result)).not.toMatch(/lollollol|root:x:0/);
        for (const item of result.items) expect(item.title).not.toMatch(/<\/?(?:script|b)>/);
      }
    }
  });
});
