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

describe('feeds on hostile input', () => {
  it('reads mutated ar/en/fr feeds (RSS, Atom, JSON Feed) or answers with one FeedParseError', () => {
    fc.assert(fc.property(mutatedFeed, expectCalmParse), { numRuns: 150 });
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
});
