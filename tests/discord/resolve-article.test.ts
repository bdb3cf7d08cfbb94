import { describe, expect, it } from 'vitest';
import { resolveArticle } from '../../src/discord/resolve-article';
import { ArticleNotFoundError, InvalidArticleIdError } from '../../src/errors';
import { SearchIndex, type Library, type LibraryArticle } from '../../src/library';
import { ARABIC, FRENCH, article } from './fixtures';

function libraryOf(articles: LibraryArticle[]): Library {
  const search = new SearchIndex();
  for (const a of articles) search.upsert(a);
  const byId = new Map(articles.map((a) => [a.id, a]));
  return { get: (id: string) => byId.get(id), search } as unknown as Library;
}

const lib = libraryOf([
  article(ARABIC, { id: 'lavrov-visit' }),
  article({}, { id: 'Bridge-2024', meta: { title: 'Mayor opens bridge' } }),
  article(FRENCH, { id: 'pont', meta: { title: 'Le Maire inaugure le pont' } }),
]);

describe('resolveArticle', () => {
  it.each([
    ['an exact id', 'lavrov-visit', 'lavrov-visit'],
    ['an id in another case', 'bridge-2024', 'Bridge-2024'],
    ['an id with spaces around', '  pont ', 'pont'],
    ['an English title typed by hand', 'mayor opens BRIDGE', 'Bridge-2024'],
    ['a French title without accents', 'le maire inaugure le pont', 'pont'],
    ['an Arabic title with diacritics', 'لافروفُ: روسيا تدعم كوريا الشمالية', 'lavrov-visit'],
  ])('finds %s', (_name, typed, id) => {
    expect(resolveArticle(lib, typed).id).toBe(id);
  });

  it.each([
    ['an unknown id', 'nothing-here', ArticleNotFoundError],
    ['a path', '../../etc/passwd', InvalidArticleIdError],
    ['an absolute path', '/etc/passwd', InvalidArticleIdError],
    ['an over-long id', 'x'.repeat(150), InvalidArticleIdError],
    ['an unknown title', 'no such title here', InvalidArticleIdError],
  ])('refuses %s with a user error', (_name, typed, error) => {
    expect(() => resolveArticle(lib, typed)).toThrow(error);
  });
});
