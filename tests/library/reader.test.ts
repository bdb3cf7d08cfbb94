/**
 * The in-memory {@link ArticleReader}: the stream read from a position in
 * pages, and the newest articles, never one whose summary is pending.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryReader, readStream, readStreamPlain, type StreamStart } from '../../src/library/reader';
import { byAge } from '../../src/library/views';
import type { ArticleLibrary, LibraryArticle } from '../../src/library';
import { article } from '../scheduler/helpers';

/** A view over `articles` (sorted here, as a library keeps them), whose `get` hides those whose summary is pending. */
function viewOf(articles: LibraryArticle[]): ArticleLibrary {
  const sorted = [...articles].sort(byAge);
  const get = (id: string): LibraryArticle | undefined => sorted.find((a) => a.id === id && !a.summaryPending);
  return { all: () => sorted, get, newest: () => (sorted.length ? get(sorted.at(-1)!.id) : undefined) };
}

const quoted = (a: LibraryArticle): LibraryArticle => ({ ...a, briefing: { ...a.briefing, quotes: [{ text: `Words of ${a.id}`, speaker: 'Someone', paragraph: 0, partial: false }] } });
const pending = (a: LibraryArticle): LibraryArticle => ({ ...a, summaryPending: true, briefing: { ...a.briefing, summary: [] } });
const ids = (articles: readonly LibraryArticle[]): string[] => articles.map((a) => a.id);
const at = (minute: number): number => article('x', minute).timestamp;

const LANGS = [
  ['Arabic', 'خبر', 'عاجل: الوزير يعلن الخطة'],
  ['English', 'news', 'Breaking: the minister announces the plan'],
  ['French', 'depeche', 'Dernière minute : le ministre annonce le plan'],
] as const;

describe('memoryReader.stream', () => {
  // Minutes 1, 2, 2, 2, 3: three articles share minute 2 and are ordered by id.
  const library = (prefix: string, headline: string): LibraryArticle[] => [
    article(`${prefix}-e`, 3, headline),
    article(`${prefix}-b`, 2, headline),
    article(`${prefix}-a`, 1, headline),
    article(`${prefix}-d`, 2, headline),
    article(`${prefix}-c`, 2, headline),
  ];
  const cases: Array<[string, (p: string) => StreamStart | null, number, string[]]> = [
    ['from the beginning', () => null, 10, ['a', 'b', 'c', 'd', 'e']],
    ['at most `limit`', () => null, 2, ['a', 'b']],
    ['nothing for a limit of 0', () => null, 0, []],
    ['from a position, inclusive', (p) => ({ position: { at: at(2), id: `${p}-c` } }), 10, ['c', 'd', 'e']],
    ['just after a position (the next page)', (p) => ({ position: { at: at(2), id: `${p}-c` }, exclusive: true }), 10, ['d', 'e']],
    ['from a position between two articles', (p) => ({ position: { at: at(2), id: `${p}-bb` } }), 10, ['c', 'd', 'e']],
    ['from a time between two minutes', (p) => ({ position: { at: at(1) + 1, id: `${p}-a` } }), 2, ['b', 'c']],
    ['nothing after the newest', (p) => ({ position: { at: at(3), id: `${p}-e` }, exclusive: true }), 10, []],
    ['everything from before the oldest', () => ({ position: { at: 0, id: '' } }), 10, ['a', 'b', 'c', 'd', 'e']],
  ];
  for (const [label, prefix, headline] of LANGS) {
    it.each(cases)(`${label}: %s`, async (_name, start, limit, expected) => {
      const reader = memoryReader(viewOf(library(prefix, headline)));
      expect(ids(await reader.stream(start(prefix), limit))).toEqual(expected.map((id) => `${prefix}-${id}`));
    });
  }

  it('pages through the whole stream, each article once, in order (summary-pending ones included)', async () => {
    const articles = Array.from({ length: 23 }, (_, i) => article(`n-${i}`, i % 7, LANGS[i % 3]![2]));
    articles[5] = pending(articles[5]!);
    const reader = memoryReader(viewOf(articles));
    const seen: string[] = [];
    for (let page = await reader.stream(null, 4); page.length; ) {
      seen.push(...ids(page));
      const last = page.at(-1)!;
      page = await reader.stream({ position: { at: last.timestamp, id: last.id }, exclusive: true }, 4);
    }
    expect(seen).toEqual(ids([...articles].sort(byAge)));
  });

  it('reads an empty library as an empty stream', async () => {
    expect(await memoryReader(viewOf([])).stream(null, 5)).toEqual([]);
  });
});

describe('readStream (binary search) agrees with the plain filter', () => {
  it('on any library ordered by time then id, ties, empty ones and any start included', () => {
    const idArb = fc.constantFrom('a', 'b', 'ب', 'é', 'a-1', 'A', 'z');
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), idArb), { maxLength: 40 }),
      fc.option(fc.record({ minute: fc.integer({ min: -2, max: 22 }), id: idArb, exclusive: fc.boolean() })),
      fc.integer({ min: 0, max: 45 }),
      (entries, start, limit) => {
        const articles = entries.map(([minute, id], i) => article(`${id}${i}`, minute)).sort(byAge);
        const from: StreamStart | null = start && { position: { at: at(start.minute), id: start.id }, exclusive: start.exclusive };
        expect(ids(readStream(articles, from, limit))).toEqual(ids(readStreamPlain(articles, from, limit)));
      },
    ), { numRuns: 500 });
  });
});

describe('memoryReader.get, newest and newestQuoted', () => {
  it.each(LANGS)('%s: newestQuoted is the newest article with a key quote, its summary computed', async (_label, prefix, headline) => {
    const reader = memoryReader(viewOf([
      quoted(article(`${prefix}-1`, 1, headline)),
      quoted(article(`${prefix}-2`, 2, headline)),
      pending(quoted(article(`${prefix}-3`, 3, headline))),
      article(`${prefix}-4`, 4, headline),
    ]));
    expect((await reader.newestQuoted())?.id).toBe(`${prefix}-2`);
    expect((await reader.get(`${prefix}-3`))).toBeUndefined();
    expect((await reader.get(`${prefix}-1`))?.briefing.headline).toBe(headline);
    expect((await reader.newest())?.id).toBe(`${prefix}-4`);
  });

  it('answers undefined on an empty library, or one without quotes, or for an unknown id', async () => {
    const empty = memoryReader(viewOf([]));
    expect([await empty.newest(), await empty.newestQuoted(), await empty.get('x')]).toEqual([undefined, undefined, undefined]);
    const unquoted = memoryReader(viewOf([article('news-1', 1)]));
    expect(await unquoted.newestQuoted()).toBeUndefined();
    expect(await unquoted.get('../etc/passwd')).toBeUndefined();
  });

  it('waits for the view to be idle when the view can tell, and has no whenIdle otherwise', async () => {
    let waited = 0;
    const view = { ...viewOf([]), whenIdle: async () => void waited++ };
    await memoryReader(view).whenIdle?.();
    expect(waited).toBe(1);
    expect(memoryReader(viewOf([])).whenIdle).toBeUndefined();
  });
});
