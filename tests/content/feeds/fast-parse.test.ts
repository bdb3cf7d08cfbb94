import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes, FeedParseError, parseFeedText, type FeedXmlReader } from '../../../src/content/feeds';
import { readXmlFeed } from '../../../src/content/feeds/xml-feed';
import { fixturePath, sharedCorpus } from '../../support/shared-data';

/** The parse outcome: the feed, or the failure a user would be told. */
function outcome(text: string, reader: FeedXmlReader): unknown {
  try {
    return parseFeedText(text, reader);
  } catch (error) {
    if (error instanceof FeedParseError) return { failure: error.reason, message: error.message };
    throw error;
  }
}

function expectSameAsReference(text: string): void {
  expect(outcome(text, 'fast')).toEqual(outcome(text, 'feedsmith'));
}

// ── Generated feeds ────────────────────────────────────────────────────────

/** Pieces of text as feeds carry them: Arabic, English, French, markup, entities, spaces. */
const PIECES = ['Hello', 'world', 'مرحبا', 'قال الوزير', 'été', 'Élysée', 'l’Assemblée', '«', '»', '&', '<', '>', '"', "'", ' ', '  ', '\n', '\t', '&amp;', '&nbsp;', '&eacute;', '&hellip;', '&#1605;', '&#x41;', '&bogus;', '<b>', '</b>', '<p>', '</p>', '<br/>', '<a href="https://x.example/?a=1&b=2">', '</a>', '<script>x</script>', ']]', '-->', 'x'];
const rawText = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** How a feed writes a text: escaped, in CDATA, with an XML comment around it, or with HTML entities left bare (not XML, but common). */
const encoded = fc
  .tuple(rawText, fc.constantFrom('escaped', 'cdata', 'comment', 'bare-entities', 'split-cdata'))
  .map(([text, how]) => {
    if (how === 'cdata') return `<![CDATA[${text.replace(/]]>/g, ']] >')}]]>`;
    if (how === 'split-cdata') return `${escapeXml(text.slice(0, 3))}<![CDATA[${text.slice(3).replace(/]]>/g, ']] >')}]]> `;
    if (how === 'comment') return `<!-- note -->${escapeXml(text)}<!-- -- end -->`;
    if (how === 'bare-entities') return escapeXml(text).replace(/&amp;(nbsp|eacute|hellip);/g, '&$1;');
    return escapeXml(text);
  });
const link = fc.oneof(
  fc.constantFrom('https://news.example/a/1', 'http://NEWS.example:80/b?utm_source=rss&id=2#top', '/relative/path', 'mailto:someone@example.org', 'not a url', ''),
  fc.webUrl().map(escapeXml),
);
const date = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('yesterday', '', '2026-13-45'),
);
const optional = <T,>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 3 });
/** An element (name case varies as real feeds write it), or nothing. */
const element = (name: string, value: string | undefined, attributes = ''): string => (value === undefined ? '' : `<${name}${attributes}>${value}</${name}>`);
const caseOf = fc.constantFrom((n: string) => n, (n: string) => n.toUpperCase(), (n: string) => n[0]!.toUpperCase() + n.slice(1));

/** The Dublin Core prefix a feed binds (feedsmith resolves any prefix bound to the DC namespace). */
const dcPrefix = fc.constantFrom('dc', 'dcx', 'DC');
const DC_URI = 'http://purl.org/dc/elements/1.1/';

/** RSS `<author>` as feeds write it (RSS 2.0 asks for `e-mail (Name)`), ar/en/fr, escaped or in CDATA. */
const rssAuthor = fc
  .tuple(fc.constantFrom('jane@news.example (Jane Doe)', 'desk@news.example (سلمى حداد)', 'mailto:redaction@news.example (Élise Bernard)', 'jane@news.example', 'mailto:jane@news.example?subject=x', 'https://news.example/jane', 'www.news.example/jane', 'Jane Doe', 'أحمد سالم', 'l’équipe «Monde»', 'Tom &amp; Ann', ' Ann Lee '), fc.boolean())
  .map(([author, cdata]) => (cdata ? `<![CDATA[${author.replace('&amp;', '&')}]]>` : author));

const rssItem = (dc: string) =>
  fc
    .record({ title: optional(encoded), link: optional(link), guid: optional(encoded), permalink: fc.boolean(), pubDate: optional(date), description: optional(encoded), content: optional(encoded), creator: optional(encoded), creator2: optional(encoded), authors: fc.array(rssAuthor, { maxLength: 2 }), dcDate: optional(date), pubName: caseOf, spaces: fc.constantFrom('', '\n  ') })
    .map((item) =>
      [
        '<item>',
        element('title', item.title),
        element('link', item.link),
        element('guid', item.guid, item.permalink ? ' isPermaLink="false"' : ''),
        element(item.pubName('pubDate'), item.pubDate),
        element('description', item.description),
        element('content:encoded', item.content),
        element(`${dc}:creator`, item.creator),
        element(`${dc}:creator`, item.creator2),
        ...item.authors.map((author) => element('author', author)),
        element(`${dc}:date`, item.dcDate),
        '</item>',
      ].join(item.spaces),
    );

const rssFeed = dcPrefix.chain((dc) =>
  fc
    .record({ title: optional(encoded), link: optional(link), ttl: optional(fc.constantFrom('60', '15', 'abc', '-3')), items: fc.array(rssItem(dc), { maxLength: 6 }) })
    .map((feed) => `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:${dc}="${DC_URI}" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>${element('title', feed.title)}${element('link', feed.link)}<atom:link href="https://news.example/feed" rel="self"/>${element('ttl', feed.ttl)}${feed.items.join('\n')}</channel></rss>`),
);

const textType = fc.constantFrom('', ' type="text"', ' type="html"');
const atomEntry = fc
  .record({ id: optional(encoded), href: optional(link), rel: fc.constantFrom('', ' rel="alternate"', ' rel="self"', ' rel="enclosure"'), title: optional(encoded), titleType: textType, published: optional(date), updated: optional(date), issued: optional(date), content: optional(encoded), contentType: textType, summary: optional(encoded), authors: fc.array(optional(encoded), { maxLength: 3 }) })
  .map((entry) =>
    [
      '<entry>',
      element('id', entry.id),
      entry.href === undefined ? '' : `<link${entry.rel} href="${entry.href}"/>`,
      element('title', entry.title, entry.titleType),
      element('published', entry.published),
      element('updated', entry.updated),
      element('issued', entry.issued),
      element('content', entry.content, entry.contentType),
      element('summary', entry.summary),
      ...entry.authors.map((author) => `<author>${element('name', author)}</author>`),
      '</entry>',
    ].join(''),
  );
const atomFeed = fc
  .record({ title: optional(encoded), href: optional(link), author: optional(encoded), entries: fc.array(atomEntry, { maxLength: 6 }) })
  .map((feed) => `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">${element('title', feed.title)}${feed.href === undefined ? '' : `<link href="${feed.href}"/>`}<id>urn:feed</id>${feed.author === undefined ? '' : `<author>${element('name', feed.author)}</author>`}${feed.entries.join('\n')}</feed>`);

const rdfItem = (dc: string) =>
  fc
    .record({ about: optional(link), title: optional(encoded), link: optional(link), description: optional(encoded), creator: optional(encoded), dcDate: optional(date) })
    .map((item) => `<item${item.about === undefined ? '' : ` rdf:about="${item.about}"`}>${element('title', item.title)}${element('link', item.link)}${element('description', item.description)}${element(`${dc}:creator`, item.creator)}${element(`${dc}:date`, item.dcDate)}</item>`);
const rdfFeed = dcPrefix.chain((dc) =>
  fc
    .record({ title: optional(encoded), link: optional(link), items: fc.array(rdfItem(dc), { maxLength: 6 }) })
    .map((feed) => `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:${dc}="${DC_URI}"><channel rdf:about="https://news.example/">${element('title', feed.title)}${element('link', feed.link)}</channel>${feed.items.join('\n')}</rdf:RDF>`),
);

const jsonAuthors = optional(fc.array(fc.record({ name: optional(rawText) }), { maxLength: 3 }));
const jsonFeed = fc
  .record({ title: fc.string(), authors: jsonAuthors, items: fc.array(fc.record({ id: fc.oneof(fc.string(), fc.integer()), url: optional(fc.webUrl()), title: optional(rawText), content_html: optional(rawText), date_published: optional(date), authors: jsonAuthors, author: optional(fc.record({ name: rawText })) }), { maxLength: 5 }) })
  .map((feed) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', ...feed }));

const xmlFeeds = fc.oneof(rssFeed, atomFeed, rdfFeed);

describe('the fast XML reader agrees with feedsmith (property)', () => {
  it('gives the same feed for generated RSS 2.0, Atom and RDF feeds (ar/en/fr text, CDATA, comments, entities, DC prefixes)', () => {
    fc.assert(fc.property(xmlFeeds, expectSameAsReference), { numRuns: 400 });
  });

  it('reads those generated feeds itself (the agreement is not feedsmith agreeing with itself)', () => {
    fc.assert(
      fc.property(fc.oneof(rssFeed.map((x) => ['rss', x] as const), atomFeed.map((x) => ['atom', x] as const), rdfFeed.map((x) => ['rdf', x] as const)), ([format, text]) => {
        // Only the bare-markup pieces (<b>, <p>… outside CDATA) may make a document not well-formed.
        if (/<(b|p|a|script)[\s>]/.test(text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) return;
        expect(readXmlFeed(text, format)).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });

  it('fails the same way, or reads the same items, when a generated feed is cut anywhere (truncated download)', () => {
    fc.assert(fc.property(xmlFeeds, fc.double({ min: 0, max: 1, noNaN: true }), (text, cut) => expectSameAsReference(text.slice(0, Math.floor(text.length * cut)))), { numRuns: 300 });
  });

  it('gives the same feed for generated JSON Feeds', () => {
    fc.assert(fc.property(jsonFeed, expectSameAsReference), { numRuns: 100 });
  });

  it.each([
    ['xhtml Atom content (left to feedsmith)', '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Le <b>titre</b></div></title></entry></feed>'],
    ['a stray end tag', '<rss version="2.0"><channel><title>T</title></item><item><title>a</title></item></channel></rss>'],
    ['unclosed item', '<rss version="2.0"><channel><title>T</title><item><title>a</title></channel></rss>'],
    ['bare HTML in a description', '<rss version="2.0"><channel><title>T</title><item><title>a</title><description><p>one<br>two</description></item></channel></rss>'],
    ['no channel', '<rss version="2.0"><item><title>a</title></item></rss>'],
    ['an RSS root with the Atom namespace as default', '<rss version="2.0" xmlns="http://www.w3.org/2005/Atom"><channel><title>T</title><item><title>a</title></item></channel></rss>'],
    ['Arabic in a windows-1256 declared document', '<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>أخبار</title><item><title>قال الوزير</title><link>https://news.example/1</link></item></channel></rss>'],
    ['an empty RSS document', '<rss version="2.0"></rss>'],
    ...['Jane Doe <jane@news.example>', '(Jane Doe) jane@news.example', 'jane@news.example (Jane) (Doe)', 'Jane Doe jane@news.example', 'jane@news.example (https://news.example/jane)', 'a@b (Jane)', '[Jane] jane@news.example'].map((author) => [
      `an RSS <author> that is not e-mail (Name): ${author}`,
      `<rss version="2.0"><channel><title>T</title><item><title>a</title><author>${escapeXml(author)}</author></item></channel></rss>`,
    ] as [string, string]),
    ['an item nested 50,000 elements deep (left to feedsmith, no stack overflow)', `<rss version="2.0"><channel><title>T</title><item><title>a</title><description>${'<x>'.repeat(50_000)}${'</x>'.repeat(50_000)}</description></item></channel></rss>`],
  ])('same outcome for %s', (_name, text) => expectSameAsReference(text));
});

// ── Real feeds ─────────────────────────────────────────────────────────────

const feedFiles = (dir: string): string[] => readdirSync(dir).filter((name) => !/\.(md|json)$/.test(name) || name.startsWith('jsonfeed')).map((name) => join(dir, name));

describe('the fast XML reader agrees with feedsmith on every fixture feed', () => {
  it.each(feedFiles(fixturePath('web/feeds')))('%s', (file) => expectSameAsReference(decodeFeedBytes(readFileSync(file))));
});

const shared = sharedCorpus('web/feeds', 'shared web feeds');
describe.skipIf(!shared.present)('the fast XML reader agrees with feedsmith on every shared feed', () => {
  it.each(shared.present ? feedFiles(shared.path) : [])('%s', (file) => expectSameAsReference(decodeFeedBytes(readFileSync(file))));
});
