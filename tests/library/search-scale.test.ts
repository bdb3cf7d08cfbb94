import { describe, expect, it } from 'vitest';
import { foldForSearch, termsOf, wordsOf } from '../../src/library/normalize';
import { SearchIndex, type QuoteQuery } from '../../src/library/search';
import type { LibraryArticle } from '../../src/library/types';

/** Words of three languages, some sharing prefixes, some behind Arabic light prefixes. */
const VOCAB = [
  'الحكومة', 'والحكومة', 'حكومي', 'روسيا', 'الرئيس', 'رئيس', 'وزير', 'الوزراء', 'في', 'من', 'إن', 'السلام', 'بالسلام', 'مصر', 'مصري',
  'فيها', 'government', 'president', 'peace', 'bridge', 'bride', 'the', 'them', 'of', 'gouvernement', 'président', 'paix', 'pont', 'été', 'élection',
];
const SPEAKERS = ['سيرغي لافروف', 'محمد بن سلمان', 'أم كلثوم', 'Jane Doe', 'John Smith', 'Élodie Martin', 'Émile Zola'];
const ROLES = ['وزير الخارجية', 'الرئيس المصري', 'the mayor', 'le maire', undefined];

/** A deterministic pseudo-random sequence (LCG). */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function library(size: number): LibraryArticle[] {
  const next = rng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: size }, (_, n) => ({
    id: `a${n}`, format: 'txt', meta: {}, timestamp: Math.floor(next() * 1000), mtimeMs: 0,
    briefing: {
      headline: `${pick(VOCAB)} ${pick(VOCAB)}`, language: 'ar', direction: 'rtl', sections: [], summary: ['x'],
      quotes: Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => ({
        text: Array.from({ length: 3 + Math.floor(next() * 6) }, () => pick(VOCAB)).join(' '),
        speaker: next() < 0.2 ? null : pick(SPEAKERS), speakerRole: pick(ROLES), paragraph: i, partial: false,
      })),
    },
  }));
}

/** What the index must answer, by brute force over every quote: newest article first, then in the article's order. */
function reference(articles: readonly LibraryArticle[], q: QuoteQuery): string[] {
  const matches = (text: string, words: string[], minPrefix: number): boolean => {
    const terms = wordsOf(foldForSearch(text)).flatMap(termsOf);
    return words.every((w) => termsOf(w).some((v) => terms.some((t) => (v.length >= minPrefix ? t.startsWith(v) : t === v))));
  };
  const words = q.query ? wordsOf(foldForSearch(q.query)) : [];
  const speaker = q.speaker ? wordsOf(foldForSearch(q.speaker)) : [];
  const newest = [...articles].sort((a, b) => b.timestamp - a.timestamp || (a.id < b.id ? 1 : -1));
  const out: string[] = [];
  for (const a of newest) {
    a.briefing.quotes.forEach((quote, i) => {
      if (matches(quote.text, words, 3) && matches(`${quote.speaker ?? ''} ${quote.speakerRole ?? ''}`, speaker, 1)) out.push(`${a.id}#${i}`);
    });
  }
  return out.slice(0, q.limit ?? 500);
}

describe('quote search at scale', () => {
  const articles = library(3000);
  const index = new SearchIndex();
  for (const a of articles) index.upsert(a);
  index.prepare();

  it.each<[string, QuoteQuery]>([
    ['a very common Arabic word (many candidates, page limit)', { query: 'في' }],
    ['a common word and a rarer one', { query: 'في مصري' }],
    ['an Arabic word behind a light prefix', { query: 'حكومة' }],
    ['a three-letter prefix', { query: 'رئي' }],
    ['English words, one a prefix of another', { query: 'bride peace' }],
    ['French without accents', { query: 'election paix' }],
    ['a one-letter speaker prefix with another word', { speaker: 'أم ك' }],
    ['a speaker name and a role word', { speaker: 'jane mayor' }],
    ['words and speaker together', { query: 'السلام', speaker: 'لافروف' }],
    ['a small limit', { query: 'the', limit: 7 }],
    ['nothing at all', { query: 'zebra' }],
    ['no criterion (the newest quotes)', {}],
  ])('answers %s exactly as a full scan would', (_name, q) => {
    expect(index.searchQuotes(q).map((h) => `${h.articleId}#${h.index}`)).toEqual(reference(articles, q));
  });
});
