import { describe, expect, it } from 'vitest';
import { SearchIndex, type QuoteQuery } from '../../src/library/search';
import { generatedLibrary as library, referenceQuotes as reference } from './search-fixture';

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
