import { describe, expect, it } from 'vitest';
import { resolveArticle } from '../../src/discord/resolve-article';
import { ArticleNotFoundError, InvalidArticleIdError } from '../../src/errors';
import { memoryReader, SearchIndex, withSearch, type LibraryArticle, type ReaderSearch, type ReaderView } from '../../src/library';
import { ARABIC, FRENCH, article } from './fixtures';

/** The articles in memory; names resolved by the in-memory index, or (`inPostgres`) as a Postgres view answers them: as promises. */
function libraryOf(articles: LibraryArticle[], inPostgres = false): ReaderView {
  const index = new SearchIndex();
  for (const a of articles) index.upsert(a);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const reader = memoryReader({ all: () => [...byId.values()], get: (id) => byId.get(id), newest: () => undefined });
  const search: ReaderSearch = {
    searchQuotes: (q) => index.searchQuotes(q),
    suggestArticles: (typed) => index.suggestArticles(typed),
    suggestSpeakers: (typed) => index.suggestSpeakers(typed),
    resolveName: inPostgres ? async (typed) => index.resolveName(typed) : (typed) => index.resolveName(typed),
  };
  return withSearch(reader, search);
}

const ARTICLES = [
  article(ARABIC, { id: 'lavrov-visit' }),
  article({}, { id: 'Bridge-2024', meta: { title: 'Mayor opens bridge' } }),
  article(FRENCH, { id: 'pont', meta: { title: 'Le Maire inaugure le pont' } }),
];
const LIBRARIES = [
  ['in memory', libraryOf(ARTICLES)],
  ['searched in Postgres (names resolved as a promise)', libraryOf(ARTICLES, true)],
] as const;

describe.each(LIBRARIES)('resolveArticle, %s', (_where, lib) => {
  it.each([
    ['an exact id', 'lavrov-visit', 'lavrov-visit'],
    ['an id in another case', 'bridge-2024', 'Bridge-2024'],
    ['an id with spaces around', '  pont ', 'pont'],
    ['an English title typed by hand', 'mayor opens BRIDGE', 'Bridge-2024'],
    ['a French title without accents', 'le maire inaugure le pont', 'pont'],
    ['an Arabic title with diacritics', 'لافروفُ: روسيا تدعم كوريا الشمالية', 'lavrov-visit'],
  ])('finds %s', async (_name, typed, id) => {
    expect((await resolveArticle(lib, typed)).id).toBe(id);
  });

  it.each([
    ['an unknown id', 'nothing-here', ArticleNotFoundError],
    ['a path', '../../etc/passwd', InvalidArticleIdError],
    ['an absolute path', '/etc/passwd', InvalidArticleIdError],
    ['an over-long id', 'x'.repeat(150), InvalidArticleIdError],
    ['an unknown title', 'no such title here', InvalidArticleIdError],
  ])('refuses %s with a user error', async (_name, typed, error) => {
    await expect(resolveArticle(lib, typed)).rejects.toThrow(error);
  });
});
