import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detachedCopy, toLibraryArticle, type BriefedArticle } from '../../src/library/load';

/** The garbage collector, exposed at run time. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('detached copy', () => {
  it('copies JSON-like data exactly', () => {
    const data = { a: 'short', b: 'a string longer than thirteen', c: [1, null, true, { d: 'x'.repeat(50), e: undefined }], f: 0 };
    expect(detachedCopy(data)).toStrictEqual(data);
    expect(detachedCopy(data).c).not.toBe(data.c);
  });

  it('keeps no reference into the long texts its strings were cut from', () => {
    const gc = collector();
    gc();
    const before = process.memoryUsage().heapUsed;
    const copies: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      // 20 two-byte texts of 2 MB each: 40 MB if any of them stayed alive.
      const text = `${i} ${'نص طويل جدا '.repeat(90_000)}`;
      copies.push(detachedCopy({ headline: text.slice(3, 80), quotes: [{ text: text.slice(1000, 1200), speaker: text.slice(7, 12) }] }));
    }
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(10_000_000);
    expect(copies).toHaveLength(20);
  });
});

/** V8's own check that an object keeps its compact layout (not a dictionary), through `%HasFastProperties`. */
function hasFastProperties(): (value: object) => boolean {
  setFlagsFromString('--allow-natives-syntax');
  // Natives syntax parses only in code compiled after the flag is set.
  return new Function('value', 'return %HasFastProperties(value)') as (value: object) => boolean;
}

describe('library article', () => {
  const briefing = { headline: 'h', summary: '', sections: [], quotes: [], language: 'en' } as unknown as BriefedArticle['briefing'];
  const base: BriefedArticle = { id: 'a.md', format: 'md', meta: { title: 'T', published: '2024-01-02' }, briefing };
  it.each([
    ['with search terms and a content key', { ...base, searchTerms: 'lead speaker', contentKey: 'k' }],
    ['with neither', base],
  ])('keeps its compact layout once its pending summary is filled in (%s)', (_label, briefed) => {
    const fast = hasFastProperties();
    const article = toLibraryArticle({ ...briefed, summaryPending: true }, 0);
    expect(article.summaryPending).toBe(true);
    // As the library fills a summary in: in place, the mark dropped.
    delete article.summaryPending;
    expect(fast(article)).toBe(true);
    expect(article).not.toHaveProperty('summaryPending');
  });

  it.each([
    ['an article without a date: its file’s time, in whole milliseconds', { ...base, meta: {} }, 1_700_000_000_123],
    ['an article dated in its front matter: that date', base, Date.parse('2024-01-02')],
    ['a front matter date and time with an offset', { ...base, meta: { published: '2024-05-01T08:30:00+02:00' } }, Date.parse('2024-05-01T06:30:00Z')],
  ])('is timed by %s (the stores keep whole milliseconds)', (_label, briefed, timestamp) => {
    const article = toLibraryArticle(briefed, 1_700_000_000_123.456);
    expect(article.timestamp).toBe(timestamp);
    expect(article.mtimeMs).toBe(1_700_000_000_123.456);
  });
});
